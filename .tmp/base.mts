import { mapBase } from '../scripts/publish/map-data.ts';
import { readFileSync } from 'node:fs';
const ref = JSON.parse(readFileSync('content/reference.json', 'utf8'));
const b = mapBase(ref);
console.log(JSON.stringify(b).length, b.land.length, b.quebec.reduce((n, r) => n + r.length, 0), b.regions.length);
console.log('land', JSON.stringify(b.land).length, 'quebec', JSON.stringify(b.quebec).length, b.land.map((r) => r.length).sort((a, c) => c - a).slice(0, 5));
