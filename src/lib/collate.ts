// French-Canadian collation: accented letters sort with their base letter (É with E, not after Z),
// and case is only a tie-breaker.
const collator = new Intl.Collator('fr-CA');

/** Compares two strings the way a Quebec reader expects a list to be ordered. */
export const compareFr = collator.compare;

/** A new array sorted by a text key with the fr-CA collator: sortByText(cities, (c) => c.name). */
export function sortByText<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}
