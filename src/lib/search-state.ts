// The search page's state as it appears in the address bar, so a search can be bookmarked, shared and
// replayed with Back. Pure functions: the custom element and the tests both use them.

export const FILTER_NAMES = ['category', 'region', 'city', 'ways'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type SearchState = { q: string; filters: Partial<Record<FilterName, string>> };

/** Reads ?q=…&category=…&region=…&city=…; blank values are dropped. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return { q: params.get('q')?.trim() ?? '', filters };
}

/** The query string for a state, without empty parameters: writeSearchState({ q: 'pain', filters: {} }) === '?q=pain'. */
export function writeSearchState({ q, filters }: SearchState): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const name of FILTER_NAMES) if (filters[name]) params.set(name, filters[name]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Fills {name} placeholders in a message: fill('« {q} »', { q: 'pain' }) === '« pain »'. */
export function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
