// Lets only one `astro build` run at a time in a checkout. Builds share folders that do not depend on
// the output folder: the Netlify adapter empties and refills .netlify/build/ (the prerendered chunks)
// and Astro keeps its data store in node_modules/.astro/. Two builds at once (two test files, a test
// and `npm start` rebuilding) broke each other with ENOENT on .netlify/build/*.mjs; now the second one
// waits for the first. The lock is a folder (mkdir is atomic) holding the owner's pid; a lock whose
// owner is gone is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 250;
const NOTICE_AFTER_MS = 2_000;
const GIVE_UP_MS = 20 * 60_000; // longer than a 100,000-merchant build

/** Waits for and takes the build lock in `dir`; it is released when this process exits. */
export async function acquireBuildLock(dir: string): Promise<void> {
  const owner = `${dir}/owner`;
  const started = Date.now();
  let noticed = false;
  for (;;) {
    try {
      mkdirSync(dir, { recursive: false });
      writeFileSync(owner, String(process.pid));
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        mkdirSync(dir.replace(/\/[^/]+\/?$/, ''), { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(readText(owner));
    if (pid && !isAlive(pid)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > GIVE_UP_MS) {
      throw new Error(`Another astro build (pid ${pid || 'unknown'}) has held ${dir} for over 20 minutes; remove that folder if no build is running.`);
    }
    if (!noticed && Date.now() - started > NOTICE_AFTER_MS) {
      noticed = true;
      console.log(`Waiting for another astro build in this folder (pid ${pid || 'starting'}) to finish…`);
    }
    await sleep(POLL_MS);
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the owner has made the folder but not yet written its pid
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
