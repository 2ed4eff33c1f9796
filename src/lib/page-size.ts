/** Merchants per list page; VITRINE_PAGE_SIZE lets the small test fixture exercise pagination. */
export function pageSize(env: Record<string, string | undefined> = process.env): number {
  const size = Number(env.VITRINE_PAGE_SIZE ?? 50);
  return Number.isInteger(size) && size > 0 ? size : 50;
}
