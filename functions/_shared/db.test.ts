// Broken database configuration stops with one sentence naming the setting to fix, not a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, openDatabase } from './db.ts';

describe('openDatabase with a broken configuration', () => {
  it('refuses a DATABASE_URL that is not a postgres:// URL', async () => {
    await expect(openDatabase({ DATABASE_URL: 'mysql://root@localhost/vitrine' })).rejects.toThrow(
      new ConfigurationError('DATABASE_URL is not a postgres:// URL.'),
    );
  });

  it('names DATABASE_URL when the server does not answer', async () => {
    const opening = openDatabase({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' });
    await expect(opening).rejects.toBeInstanceOf(ConfigurationError);
    await expect(opening).rejects.toThrow(/^DATABASE_URL \(127\.0\.0\.1:1\/nothing\) does not answer/);
  });

  it('names VITRINE_PGLITE_DIR when the embedded database cannot be created there', async () => {
    // A folder whose parent is a file: no user can create it.
    const file = join(mkdtempSync(join(tmpdir(), 'vitrine-db-')), 'a-file');
    writeFileSync(file, '');
    const opening = openDatabase({ VITRINE_PGLITE_DIR: join(file, 'pglite') });
    await expect(opening).rejects.toBeInstanceOf(ConfigurationError);
    await expect(opening).rejects.toThrow(/cannot be created in ".*a-file\/pglite".*set VITRINE_PGLITE_DIR/);
  });

  it('names VITRINE_PGLITE_DIR when the folder holds something else than a database', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vitrine-db-'));
    writeFileSync(join(folder, 'PG_VERSION'), 'not a version\n');
    const opening = openDatabase({ VITRINE_PGLITE_DIR: folder });
    await expect(opening).rejects.toBeInstanceOf(ConfigurationError);
    await expect(opening).rejects.toThrow(/database in ".*" cannot be opened .*set VITRINE_PGLITE_DIR/);
  });
});
