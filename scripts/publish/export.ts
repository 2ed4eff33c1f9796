// npm run export — writes approved merchants from the database into content/ for the static build.
import { openDatabase } from '../../functions/_shared/db.ts';
import { exportCatalogue } from './export-catalogue.ts';
import { progress } from '../lib/progress.ts';
import { runCommand } from '../lib/run-command.ts';

runCommand(async () => {
  const db = await openDatabase();
  try {
    const { written, skipped, cities } = await exportCatalogue(db, { onProgress: progress('Exporting merchants') });
    for (const s of skipped) console.warn(`Skipped merchant ${s.id} (${s.slug}): ${s.problems.join('; ')}`);
    console.log(`Exported ${written} merchants in ${cities} towns to content/ (${skipped.length} skipped).`);
  } finally {
    await db.close();
  }
});
