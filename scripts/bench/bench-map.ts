// npm run bench:map -- --merchants 100000
// The map page as a phone runs it: headless Chromium with its CPU slowed 4× (the page and its
// worker, through the DevTools protocol), tiles blocked. N deterministic demo merchants (the seed's
// generator, without a database) are written as the map's data into a site built from the test
// fixture, whose map page then names them. Measured: the data's bytes, navigation to the first
// clusters drawn, a re-cluster after a zoom and after a category filter, "open now", the list's
// update and the peak JS heap; and, in the same run, the baseline: the same points in
// leaflet.markercluster with its defaults on a plain page. Last line: key=value summary.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ConfigurationError } from '../../functions/_shared/db.ts';
import { slugify } from '../../functions/_shared/slug.ts';
import { decodeMapData } from '../../src/lib/map-data.ts';
import { launchChromium } from '../lib/chromium.ts';
import { readMunicipalities } from '../lib/municipality-data.ts';
import { runCommand } from '../lib/run-command.ts';
import { buildSite } from '../publish/build-site.ts';
import { writeMapData } from '../publish/map-data.ts';
import { generateDemoMerchants } from '../seed/demo-merchants.ts';
import { demoInQuebec } from '../seed/seed-demo.ts';
import { connectCdp } from './cdp.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/content');
/** A mid-range phone's CPU against this machine's, as Lighthouse's mobile profile sets it (--throttle to compare). */
let THROTTLE = 4;

runCommand(async () => {
  const { values } = parseArgs({ options: { merchants: { type: 'string', default: '20000' }, throttle: { type: 'string', default: '4' }, keep: { type: 'boolean', default: false } } });
  THROTTLE = Number(values.throttle);
  const n = Number(values.merchants);
  if (!Number.isInteger(n) || n < 1) throw new ConfigurationError(`--merchants must be a positive whole number, not "${values.merchants}".`);
  const work = mkdtempSync(join(tmpdir(), 'vitrine-bench-map-'));
  console.log(`Benchmark: the map with ${n.toLocaleString('en-CA')} merchants, CPU ×${THROTTLE}, on ${cpus().length} cores (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${new Date().toISOString()}; work in ${work}`);

  // The site's pages and code, from the small fixture; then the map's data for N merchants.
  const site = join(work, 'site');
  console.log('Building the site from the test fixture…');
  // No tile layer: what is measured is the map's own work, not Leaflet fetching tiles that cannot load here.
  await buildSite({ contentDir: FIXTURE, outDir: site, quiet: true, env: { ...process.env, PUBLIC_MAP_TILES_URL: 'none' } });
  const content = join(work, 'content');
  writeContent(content, n);
  rmSync(join(site, 'carte', 'donnees'), { recursive: true, force: true });
  const started = performance.now();
  const manifest = writeMapData(content, site);
  const writeSeconds = (performance.now() - started) / 1000;
  for (const page of ['carte/index.html', 'en/map/index.html']) {
    const file = join(site, page);
    writeFileSync(file, readFileSync(file, 'utf8')
      .replace(/data-points="[^"]*"/, `data-points="${manifest.points}"`)
      .replace(/data-places="[^"]*"/, `data-places="${manifest.places}"`)
      .replace(/data-base="[^"]*"/, `data-base="${manifest.base}"`));
  }
  const gzipBytes = statSync(join(site, manifest.points)).size;
  const raw = gunzipSync(readFileSync(join(site, manifest.points)));
  writeBaseline(site, raw);

  const server = await serve(site);
  const port = await freePort();
  // Every host but this machine fails at once (no tiles, nothing outside), without Playwright
  // routing each request through this process, which would add its own delay to every file.
  const browser = await launchChromium([`--remote-debugging-port=${port}`, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
  try {
    const cdp = await connectCdp(port);
    const ours = await measureOurs(browser, cdp, server.url);
    const baseline = await measureBaseline(browser, cdp, server.url);
    const measuredNote = (ms: number) => (ours.workerThrottled ? '' : ` (measured ${ms.toFixed(0)} ms with the worker at full speed)`);
    if (!ours.workerThrottled) console.log(`This Chromium cannot slow workers down: each figure adds the worker's own CPU time ${THROTTLE - 1} more times.`);
    const rows: Array<[string, string]> = [
      ['merchants on the map', manifest.count.toLocaleString('en-CA')],
      ['map data (what draws first)', `${(raw.length / 1024).toFixed(0)} KB raw, ${(gzipBytes / 1024).toFixed(0)} KB gzip (${(gzipBytes / manifest.count).toFixed(2)} B a shop); written in ${writeSeconds.toFixed(1)} s`],
      ['first clusters', `${ours.firstClusters.toFixed(0)} ms after navigation${measuredNote(ours.measured.firstClusters)}`],
      ['zoom (re-cluster and draw)', `${ours.zoom.toFixed(0)} ms${measuredNote(ours.measured.zoom)}; ${ours.zoomWall.toFixed(0)} ms from the map's moveend to drawn`],
      ['category filter', `${ours.filter.toFixed(0)} ms${measuredNote(ours.measured.filter)}`],
      ['open now', `${ours.openNow.toFixed(0)} ms${measuredNote(ours.measured.openNow)}`],
      ['list update', `${ours.list.toFixed(0)} ms`],
      ['peak JS heap', `${ours.heapMb.toFixed(0)} MB (page ${ours.pageHeapMb.toFixed(0)} + worker ${ours.workerHeapMb.toFixed(0)})`],
      ['baseline first clusters', `${baseline.firstClusters.toFixed(0)} ms (leaflet.markercluster, defaults; heap ${baseline.heapMb.toFixed(0)} MB)`],
      ['ratio baseline / ours', (baseline.firstClusters / ours.firstClusters).toFixed(1)],
    ];
    for (const [k, v] of rows) console.log(`${k.padEnd(30)} ${v}`);
    console.log([
      `merchants=${manifest.count}`, `data_raw_kb=${(raw.length / 1024).toFixed(0)}`, `data_gzip_kb=${(gzipBytes / 1024).toFixed(0)}`,
      `first_clusters_ms=${ours.firstClusters.toFixed(0)}`, `zoom_ms=${ours.zoom.toFixed(0)}`, `filter_ms=${ours.filter.toFixed(0)}`,
      `open_now_ms=${ours.openNow.toFixed(0)}`, `list_ms=${ours.list.toFixed(0)}`, `peak_heap_mb=${ours.heapMb.toFixed(0)}`,
      `baseline_first_clusters_ms=${baseline.firstClusters.toFixed(0)}`, `throttle=${THROTTLE}`,
    ].join(' '));
  } finally {
    await browser.close();
    server.close();
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
});

/** merchants.json and reference.json for N demo merchants (the fields the map's data reads). */
function writeContent(dir: string, n: number) {
  const towns = readMunicipalities();
  const byCode = new Map(towns.map((t) => [t.geo_code, t]));
  const rows = generateDemoMerchants(
    { approved: n, pending: 0, seed: 42, inQuebec: demoInQuebec() },
    towns.map((t) => ({ code: t.geo_code, name: t.name, region_code: t.region_code, latitude: t.latitude, longitude: t.longitude, population: t.population ?? 0 })),
  );
  const merchants = rows.map((r, i) => ({
    name: r.name, slug: `${slugify(`${r.name} ${r.city}`)}-${i}`, city: r.city, categorySlug: r.category_slug, latitude: r.latitude, longitude: r.longitude,
    locationPrecision: r.location_precision, postalCode: r.postal_code, timeZone: byCode.get(r.municipality_code!)!.timeZone, openingHours: r.opening_hours,
  }));
  const fixture = JSON.parse(readFileSync(join(FIXTURE, 'reference.json'), 'utf8'));
  const reference = {
    ...fixture,
    municipalities: towns.map((t) => ({ choice: t.name, name: t.name, aliases: [], regionCode: t.region_code, latitude: t.latitude, longitude: t.longitude })),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'merchants.json'), JSON.stringify(merchants));
  writeFileSync(join(dir, 'reference.json'), JSON.stringify(reference));
}

/** The baseline page: Leaflet and leaflet.markercluster from their packages, the same points as JSON, defaults. */
function writeBaseline(site: string, raw: Buffer) {
  const data = decodeMapData(new Uint8Array(raw));
  const dir = join(site, 'bench-baseline');
  mkdirSync(dir, { recursive: true });
  const points = Array.from({ length: data.header.count }, (_, i) => [+data.latitude[i]!.toFixed(5), +data.longitude[i]!.toFixed(5)]);
  writeFileSync(join(dir, 'points.json'), JSON.stringify(points));
  for (const [from, to] of [
    ['leaflet/dist/leaflet.js', 'leaflet.js'], ['leaflet/dist/leaflet.css', 'leaflet.css'],
    ['leaflet.markercluster/dist/leaflet.markercluster.js', 'markercluster.js'],
    ['leaflet.markercluster/dist/MarkerCluster.css', 'cluster.css'], ['leaflet.markercluster/dist/MarkerCluster.Default.css', 'cluster-default.css'],
  ] as const) copyFileSync(join(ROOT, 'node_modules', from), join(dir, to));
  writeFileSync(join(dir, 'baseline.js'), `
    const map = L.map('map', { maxZoom: 18 }).setView([46.6, -72.5], 6);
    fetch('points.json').then((r) => r.json()).then((points) => {
      const group = L.markerClusterGroup();
      group.addLayers(points.map(([lat, lng]) => L.marker([lat, lng])));
      map.addLayer(group);
    });`);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>baseline</title>
    <link rel="stylesheet" href="leaflet.css"><link rel="stylesheet" href="cluster.css"><link rel="stylesheet" href="cluster-default.css">
    <div id="map" style="height: 600px"></div>
    <script src="leaflet.js"></script><script src="markercluster.js"></script><script src="baseline.js"></script>`);
}

type Cdp = Awaited<ReturnType<typeof connectCdp>>;

/** A new page whose renderer and workers run THROTTLE× slower, with outside requests aborted. */
async function throttledPage(browser: Awaited<ReturnType<typeof launchChromium>>, cdp: Cdp) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // A page error would leave a step waiting: say it at once.
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && console.error(`console: ${message.text()}`));
  await page.goto('about:blank');
  const throttle = await cdp.throttlePage(THROTTLE);
  return { page, context, throttle };
}

async function measureOurs(browser: Awaited<ReturnType<typeof launchChromium>>, cdp: Cdp, origin: string) {
  const { page, context, throttle } = await throttledPage(browser, cdp);
  await recordFirst(page, '.map-cluster');
  await page.goto(`${origin}/carte/`);
  const firstClusters = await page.waitForFunction(() => (window as unknown as { __first?: number }).__first, undefined, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<number>);
  await page.waitForFunction(() => performance.getEntriesByName('vitrine:list').length > 0, undefined, { timeout: 120_000 });
  // Where the time to the first clusters goes: the page's own start, the data's load, the first clustering.
  const phases = await page.evaluate(() => ['vitrine:start', 'vitrine:loaded', 'vitrine:clusters'].map((name) => performance.getEntriesByName(name)[0]!.startTime));
  console.log(`first clusters: script started ${phases[0]!.toFixed(0)} ms, data loaded and indexed ${phases[1]!.toFixed(0)} ms, clusters drawn ${phases[2]!.toFixed(0)} ms`);
  // The worker's own CPU time (marks 'vitrine:worker', one per answer) between two moments.
  const workerCpu = (from: number, to: number) => page.evaluate(([a, b]) => (performance.getEntriesByName('vitrine:worker') as PerformanceMark[])
    .filter((m) => m.startTime >= a! && m.startTime <= b!).reduce((sum, m) => sum + (m.detail as number), 0), [from, to]);
  const firstWorker = await workerCpu(0, phases[2]!);
  const step = async (action: () => Promise<void>) => {
    // After each draw the worker builds the full index of what it drew in the background; a
    // shopper's next move comes later than that.
    await page.waitForTimeout(5000);
    const before = await page.evaluate(() => performance.now());
    await action();
    // Until the list is drawn for the refresh the action started.
    await page.waitForFunction((t0) => performance.getEntriesByName('vitrine:list').some((m) => m.startTime >= t0), before, { timeout: 120_000 });
    // The first refresh the action started, and the first clusters and list after it. No named
    // function inside: tsx's helpers do not exist in the page.
    const marks = await page.evaluate(() => ['vitrine:refresh', 'vitrine:answer', 'vitrine:clusters', 'vitrine:list'].map((name) => performance.getEntriesByName(name).map((m) => m.startTime)));
    const refresh = marks[0]!.find((t) => t >= before)!;
    const answer = marks[1]!.find((t) => t >= refresh)!;
    const clusters = marks[2]!.find((t) => t >= refresh)!;
    const list = marks[3]!.find((t) => t >= refresh)!;
    const worker = await workerCpu(refresh, clusters);
    return {
      // Re-clustering: the worker's CPU time and the drawing of its answer, without the wait for the
      // page's thread to take the answer (other work of the page's, Leaflet's own after a zoom).
      clusters: worker + (clusters - answer), wall: clusters - refresh, list: list - refresh,
      workerClusters: worker, workerList: await workerCpu(refresh, list),
    };
  };
  // Zoom in on Montréal (the densest part), then a category, then "open now"; each timed from the
  // refresh the map starts to its clusters drawn (the zoom's animation is Leaflet's, not ours).
  const zoom = await step(() => page.evaluate(() => document.querySelector('.leaflet-control-zoom-in')!.dispatchEvent(new MouseEvent('click', { bubbles: true }))).then(() => undefined));
  const filter = await step(() => page.locator('#map-category').selectOption('restaurant-cafe').then(() => undefined));
  const openNow = await step(() => page.locator('#map-open').check());
  const heaps = await throttle.heapUsage();
  await context.close();
  // Chromium slows a page's thread, not its workers' ('Operation is only supported for pages, not
  // workers'): the phone's figure adds the worker's CPU time (THROTTLE − 1) more times.
  const phone = (measured: number, worker: number) => (heaps.workerThrottled ? measured : measured + (THROTTLE - 1) * worker);
  return {
    measured: { firstClusters, zoom: zoom.clusters, filter: filter.clusters, openNow: openNow.clusters },
    workerThrottled: heaps.workerThrottled,
    zoomWall: phone(zoom.wall, zoom.workerClusters),
    firstClusters: phone(firstClusters, firstWorker), zoom: phone(zoom.clusters, zoom.workerClusters), filter: phone(filter.clusters, filter.workerClusters),
    openNow: phone(openNow.clusters, openNow.workerClusters),
    list: Math.max(...[zoom, filter, openNow].map((s) => phone(s.list, s.workerList))),
    pageHeapMb: heaps.page / 2 ** 20, workerHeapMb: heaps.workers / 2 ** 20, heapMb: (heaps.page + heaps.workers) / 2 ** 20,
  };
}

/** Records on the page's clock (from navigation) the moment the first element matching `selector` enters the page. */
async function recordFirst(page: Page, selector: string) {
  await page.addInitScript((wanted) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(wanted)) {
        (window as unknown as { __first: number }).__first = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, selector);
}


async function measureBaseline(browser: Awaited<ReturnType<typeof launchChromium>>, cdp: Cdp, origin: string) {
  const { page, context, throttle } = await throttledPage(browser, cdp);
  await recordFirst(page, '.marker-cluster');
  await page.goto(`${origin}/bench-baseline/`);
  const firstClusters = await page.waitForFunction(() => (window as unknown as { __first?: number }).__first, undefined, { timeout: 600_000, polling: 500 })
    .then((h) => h.jsonValue() as Promise<number>);
  const heaps = await throttle.heapUsage();
  await context.close();
  return { firstClusters, heapMb: (heaps.page + heaps.workers) / 2 ** 20 };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A static server for the built site (the CDN's part), gzip left out: the data file is gzipped already. */
function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream',
    '.svg': 'image/svg+xml', '.png': 'image/png', '.wasm': 'application/wasm',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() });
  }));
}
