// The municipality reference as the repository keeps it (supabase/data/): the 1,280 territorial
// units of quebec-municipalities.csv, the hand-kept aliases (former towns and boroughs that
// addresses still use) and the retired codes with the codes that replaced them. Read and checked
// here, once, for the migration generator and for the test that holds the database to the files.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { slugify } from '../../functions/_shared/slug.ts';

const DATA_DIR = new URL('../../supabase/data/', import.meta.url);

const code = z.string().regex(/^\d{5}$/);
const rowSchema = z.object({
  geo_code: code,
  name: z.string().min(1),
  designation_code: z.string(),
  designation: z.string(),
  category: z.enum(['municipality', 'unorganized_territory', 'indigenous_land']),
  region_code: z.string().regex(/^(0[1-9]|1[0-7])$/),
  mrc_code: z.string().regex(/^\d{2,3}$/),
  mrc_name: z.string().min(1),
  latitude: z.coerce.number().min(44.9).max(62.6),
  longitude: z.coerce.number().min(-79.8).max(-57.1),
  population: z.string().transform((p) => (p === '' ? null : Number(p))).pipe(z.number().int().nonnegative().nullable()),
});
const aliasSchema = z.object({ alias: z.string().min(1), geo_code: code, official_name: z.string().min(1), source: z.string().min(10) });
const codeChangeSchema = z.object({ old_code: code, new_code: code, source: z.string().min(10) });

export type TimeZone = 'America/Toronto' | 'America/Halifax' | 'America/Blanc-Sablon';
export type Municipality = z.infer<typeof rowSchema> & { slug: string; timeZone: TimeZone };
export type Alias = z.infer<typeof aliasSchema>;
export type CodeChange = z.infer<typeof codeChangeSchema>;

// The Magdalen Islands keep Atlantic time with daylight saving; the Lower North Shore east of the
// Natashquan River (MRC Le Golfe-du-Saint-Laurent) keeps Atlantic Standard Time all year. Everything
// else in Quebec is Eastern time.
const MAGDALEN_ISLANDS = new Set(['01023', '01042']);
const LOWER_NORTH_SHORE_MRC = '982';

export function timeZoneOf(row: { geo_code: string; mrc_code: string }): TimeZone {
  if (MAGDALEN_ISLANDS.has(row.geo_code)) return 'America/Halifax';
  if (row.mrc_code === LOWER_NORTH_SHORE_MRC) return 'America/Blanc-Sablon';
  return 'America/Toronto';
}

/** The key SQL's private.town_key() gives, for checks made before the database is involved. */
export function townKey(name: string): string {
  return slugify(name).replace(/(^|-)ste(?=-|$)/g, '$1sainte').replace(/(^|-)st(?=-|$)/g, '$1saint').replaceAll('-', '');
}

function readCsv<T>(file: string, schema: z.ZodType<T>): T[] {
  const records: Record<string, string>[] = parse(readFileSync(new URL(file, DATA_DIR)), { columns: true, skip_empty_lines: true });
  return records.map((record, i) => {
    const parsed = schema.safeParse(record);
    // Line i + 2: the header is line 1.
    if (!parsed.success) throw new Error(`supabase/data/${file}, line ${i + 2}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/**
 * Every unit with its slug: the name's, unless another unit has the same name; then the MRC's is
 * added ("saint-lambert-longueuil"), or where both are in the same MRC the designation's
 * ("stanstead-canton"), or, for two units with neither to tell them apart, the code.
 */
export function readMunicipalities(): Municipality[] {
  const rows = readCsv('quebec-municipalities.csv', rowSchema);
  const byName = Map.groupBy(rows, (r) => slugify(r.name));
  return rows.map((row) => {
    const namesakes = byName.get(slugify(row.name))!;
    let slug = slugify(row.name);
    if (namesakes.length > 1) {
      const sameMrc = namesakes.filter((n) => n.mrc_code === row.mrc_code);
      const sameDesignation = sameMrc.filter((n) => n.designation === row.designation);
      if (sameMrc.length === 1) slug = `${slug}-${slugify(row.mrc_name)}`;
      else if (sameDesignation.length === 1 && row.designation) slug = `${slug}-${slugify(row.designation)}`;
      else slug = `${slug}-${row.geo_code}`;
    }
    return { ...row, slug, timeZone: timeZoneOf(row) };
  });
}

/** The aliases, each checked against the reference: its code exists, and it hides no official name. */
export function readAliases(municipalities: readonly Municipality[] = readMunicipalities()): Alias[] {
  const byCode = new Map(municipalities.map((m) => [m.geo_code, m]));
  const officialKeys = new Set(municipalities.map((m) => townKey(m.name)));
  const seen = new Set<string>();
  return readCsv('municipality-aliases.csv', aliasSchema).map((alias) => {
    const where = `supabase/data/municipality-aliases.csv, alias "${alias.alias}"`;
    const target = byCode.get(alias.geo_code);
    if (!target) throw new Error(`${where}: no municipality has the code ${alias.geo_code}`);
    if (target.name !== alias.official_name) throw new Error(`${where}: ${alias.geo_code} is ${target.name}, not ${alias.official_name}`);
    if (officialKeys.has(townKey(alias.alias))) throw new Error(`${where}: an official name is written this way; an alias must not hide it`);
    if (seen.has(townKey(alias.alias))) throw new Error(`${where}: listed twice`);
    seen.add(townKey(alias.alias));
    return alias;
  });
}

/** Retired codes and the codes that replaced them, which must exist. */
export function readCodeChanges(municipalities: readonly Municipality[] = readMunicipalities()): CodeChange[] {
  const codes = new Set(municipalities.map((m) => m.geo_code));
  return readCsv('municipality-code-changes.csv', codeChangeSchema).map((change) => {
    if (codes.has(change.old_code)) throw new Error(`supabase/data/municipality-code-changes.csv: ${change.old_code} is still a current code`);
    if (!codes.has(change.new_code)) throw new Error(`supabase/data/municipality-code-changes.csv: no municipality has the code ${change.new_code}`);
    return change;
  });
}
