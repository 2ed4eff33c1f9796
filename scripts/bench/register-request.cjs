// autocannon's setupRequest for `npm run bench:moderation` and `npm run bench:api` (which also calls
// it for the registrations it sends one after the other): every request is a different, valid
// registration (its own name, NEQ, phone, e-mail and website), so none is an idempotent repeat of
// another and each one stores a row. CommonJS, because autocannon's worker thread require()s it.
//
// Rate limit: register_merchant allows 20 registrations per client per minute. Each simulated
// client here sends 10, from its own address, named in X-NF-Client-Connection-IP, which the
// benchmark's server takes as the platform's client address (as Netlify's edge gives it to a
// function), and in X-Forwarded-For, from which Netlify's local runtime takes it: every request
// pays for the limit's bookkeeping, none is refused.
'use strict';

const { randomBytes } = require('node:crypto');

const PER_CLIENT = 10;
// Real Quebec municipalities, so the town and coordinates checks pass as for a genuine applicant.
const TOWNS = [
  ['Montréal', 'H2X 1Y4', '514'], ['Québec', 'G1R 4P5', '418'], ['Laval', 'H7N 5H9', '450'], ['Gatineau', 'J8X 3X7', '819'],
  ['Longueuil', 'J4K 2T5', '450'], ['Sherbrooke', 'J1H 1Z3', '819'], ['Saguenay', 'G7H 5B1', '418'], ['Lévis', 'G6V 4Z2', '418'],
  ['Trois-Rivières', 'G9A 5H3', '819'], ['Terrebonne', 'J6W 3L4', '450'], ['Rimouski', 'G5L 7C7', '418'], ['Lac-Mégantic', 'G6B 1A1', '819'],
  ['Drummondville', 'J2B 6V6', '819'], ['Granby', 'J2G 5M3', '450'], ['Saint-Hyacinthe', 'J2S 5J4', '450'], ['Rouyn-Noranda', 'J9X 2B5', '819'],
];
const CATEGORIES = ['epicerie-alimentation', 'boulangerie-patisserie', 'restaurant-cafe', 'librairie-papeterie', 'fleuriste-jardinage', 'services'];
// Distinct from one run to the next, so a kept database never sees the same registration twice.
const run = randomBytes(3).toString('hex');
// Where this run's simulated clients start, so that two runs within a minute are different clients.
const firstClient = parseInt(run, 16) & 0x3fffff;
let sent = 0;

module.exports = function setupRequest(request) {
  const n = sent++;
  const [city, postalCode, area] = TOWNS[n % TOWNS.length];
  const client = firstClient + Math.floor(n / PER_CLIENT);
  const body = {
    name: `Commerce d’essai ${run} ${n}`,
    neq: `33${String((parseInt(run, 16) * 1000003 + n) % 1e8).padStart(8, '0')}`,
    category: CATEGORIES[n % CATEGORIES.length],
    description: 'Produits locaux, service attentionné, ouvert six jours sur sept.',
    address: `${100 + (n % 900)}, rue Principale`,
    city,
    postalCode,
    phone: `${area} ${200 + (Math.floor(n / 10000) % 800)}-${String(n % 10000).padStart(4, '0')}`,
    email: `proprio-${run}-${n}@example.ca`,
    website: `https://commerce-${run}-${n}.example.ca`,
    links: [`https://www.facebook.com/commerce${run}${n}`],
    hours: { week: { mon: [['09:00', '17:00']], sat: [['10:00', '16:00']] } },
    consent: true,
  };
  request.body = JSON.stringify(body);
  const address = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
  request.headers = {
    ...request.headers,
    'content-type': 'application/json',
    'x-nf-client-connection-ip': address,
    'x-forwarded-for': address,
  };
  return request;
};
