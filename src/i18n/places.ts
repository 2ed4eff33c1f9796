// Place names after a preposition, as a Quebec reader expects them: "en Estrie", "dans la
// Capitale-Nationale", "sur la Côte-Nord", "au Bas-Saint-Laurent", "à Montréal", "aux Cèdres";
// "in the Eastern Townships". Towns follow the rules of French contraction; regions,
// whose usage is fixed by custom rather than by rule, are listed by their official code.
import type { Locale } from './index.ts';

const FRENCH_REGION_PREPOSITION: Record<string, string> = {
  '01': 'au', // Bas-Saint-Laurent
  '02': 'au', // Saguenay–Lac-Saint-Jean
  '03': 'dans la', // Capitale-Nationale
  '04': 'en', // Mauricie
  '05': 'en', // Estrie
  '06': 'à', // Montréal
  '07': 'en', // Outaouais
  '08': 'en', // Abitibi-Témiscamingue
  '09': 'sur la', // Côte-Nord
  '10': 'dans le', // Nord-du-Québec
  '11': 'en', // Gaspésie–Îles-de-la-Madeleine
  '12': 'en', // Chaudière-Appalaches
  '13': 'à', // Laval
  '14': 'dans', // Lanaudière
  '15': 'dans les', // Laurentides
  '16': 'en', // Montérégie
  '17': 'au', // Centre-du-Québec
};

// The regions whose English names are common nouns, which take the article.
const ENGLISH_WITH_ARTICLE = new Set(['05', '15']); // Eastern Townships, Laurentians

/** "en Estrie", "dans les Laurentides"; "in the Eastern Townships", "in Outaouais". */
export function inRegion(locale: Locale, region: { code: string; nameFr: string; nameEn: string }): string {
  if (locale === 'en') return `in ${ENGLISH_WITH_ARTICLE.has(region.code) ? 'the ' : ''}${region.nameEn}`;
  return `${FRENCH_REGION_PREPOSITION[region.code] ?? 'dans la région'} ${region.nameFr}`;
}

/** "à Montréal", "au Bic" (Le Bic), "aux Cèdres" (Les Cèdres), "à L'Île-Perrot"; "in Montréal". */
export function inTown(locale: Locale, town: string): string {
  if (locale === 'en') return `in ${town}`;
  // "à le" and "à les" contract; "à la" and "à l'" do not.
  const article = /^(Le|Les) (.+)$/.exec(town);
  return article ? `${article[1] === 'Le' ? 'au' : 'aux'} ${article[2]}` : `à ${town}`;
}
