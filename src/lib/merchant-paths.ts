import { loadCatalogue } from './catalogue.ts';

/** getStaticPaths for merchant pages: one per merchant, under its stable database slug. */
export async function merchantPaths() {
  const catalogue = await loadCatalogue();
  return catalogue.merchants.map((merchant) => ({ params: { slug: merchant.slug }, props: { merchant, catalogue } }));
}
