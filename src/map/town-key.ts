// The key a place is looked up by in the map's "near" box: the browser's twin of
// supabase/schemas/helpers/private.town_key.sql (accents and case optional, "St-"/"Ste-" for
// "Saint-"/"Sainte-", any dash, apostrophe or space between words).
// townKey('st-georges') === townKey('Saint-Georges') === 'saintgeorges'; townKey('trois rivieres') === 'troisrivieres'

export function townKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/[^a-z0-9]+/g, '');
}

/** A postal area (FSA) as typed: 'g8t', 'G8T 2B3' → 'G8T'; null when the text is not one. */
export function postalArea(text: string): string | null {
  const match = /^\s*([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\s*\d[A-Z]\d)?\s*$/i.exec(text);
  return match ? match[1]!.toUpperCase() : null;
}
