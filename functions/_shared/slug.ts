/**
 * URL-safe, accent-free slug, the same as SQL's private.slugify():
 * slugify("L'Île-Perrot") === 'l-ile-perrot'; slugify('Café chez Ginette') === 'cafe-chez-ginette'
 */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replaceAll('œ', 'oe').replaceAll('Œ', 'OE').replaceAll('æ', 'ae').replaceAll('Æ', 'AE')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
