// Renders the site's Open Graph image (1200×630, the size Facebook, LinkedIn and X display large)
// from vitrine-og.svg into public/og/vitrine.png. The PNG is committed; run this after editing the SVG:
//   node_modules/.bin/tsx src/og-image/generate-og-image.ts
// Text is drawn with the machine's fonts (DejaVu Sans on Debian), so the PNG is made once and committed
// rather than at every build.
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const svg = new URL('./vitrine-og.svg', import.meta.url).pathname;
const out = new URL('../../public/og/vitrine.png', import.meta.url).pathname;

mkdirSync(new URL('../../public/og/', import.meta.url).pathname, { recursive: true });
const info = await sharp(svg).resize(1200, 630).png({ compressionLevel: 9, palette: true }).toFile(out);
console.log(`Wrote ${out} (${info.width}×${info.height}, ${Math.round(info.size / 1024)} KB)`);
