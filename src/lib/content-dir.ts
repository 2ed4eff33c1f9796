// Where the build reads the catalogue: content/ by default, another folder for tests and benchmarks.
import { resolve } from 'node:path';

/** Absolute path of the content folder: VITRINE_CONTENT_DIR, relative to the working directory, or ./content. */
export function contentDir(): string {
  return resolve(process.cwd(), process.env.VITRINE_CONTENT_DIR ?? 'content');
}
