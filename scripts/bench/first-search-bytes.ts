// What a shopper's first search costs: the bytes of every /pagefind/ file the search page fetches
// to answer one query, measured in Chromium against the real local server.
import { launchChromium } from '../lib/chromium.ts';
import { startHttpServer } from '../local/http-server.ts';

export async function firstSearchKilobytes(outDir: string, query = 'boulangerie'): Promise<number> {
  const server = await startHttpServer({ port: 0, outDir });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const sizes: Array<Promise<number>> = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) {
        sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      }
    });
    await page.goto(`${server.url}/recherche/?q=${encodeURIComponent(query)}`);
    await page.waitForLoadState('networkidle');
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    if (bytes === 0) throw new Error('The search page fetched nothing from /pagefind/: is the index built?');
    return bytes / 1024;
  } finally {
    await browser.close();
    await server.close();
  }
}
