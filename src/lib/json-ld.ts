// schema.org data for merchant pages. Merchant text is untrusted: the serializer below is what makes
// it safe to place inside <script type="application/ld+json">.
import type { WaysToBuy } from './ways-to-buy.ts';
import type { CatalogueMerchant } from './catalogue-schema.ts';
import type { Day, OpeningHours, Span } from './opening-hours.ts';

/**
 * JSON for an inline <script> element. JSON.stringify already escapes quotes and backslashes; this also
 * writes <, >, & and U+2028/U+2029 as \u escapes, so no merchant text can close the element
 * (`</script>`), open an HTML comment (`<!--`) or end a line in older parsers. The result parses back
 * to exactly the same data. serializeJsonLd({ a: '</script>' }) === '{"a":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SCHEMA_DAYS: Record<Day, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

/** `today` (YYYY-MM-DD, the day the page is built) dates a closed season's next occurrence and a temporary closing. */
type LocalBusinessOptions = { pageUrl: string; imageUrl: string; description: string; inLanguage: string; today?: string };

/** The schema.org LocalBusiness object for a merchant page. */
export function localBusiness(m: CatalogueMerchant, { pageUrl, imageUrl, description, inLanguage, today = new Date().toISOString().slice(0, 10) }: LocalBusinessOptions) {
  const sameAs = [m.website, ...m.socialLinks].filter((u): u is string => Boolean(u));
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    '@id': `${pageUrl}#business`,
    name: m.name,
    ...(description ? { description } : {}),
    url: m.website ?? pageUrl,
    mainEntityOfPage: pageUrl,
    image: imageUrl,
    inLanguage,
    address: {
      '@type': 'PostalAddress',
      streetAddress: m.streetAddress,
      addressLocality: m.city,
      postalCode: m.postalCode,
      addressRegion: 'QC',
      addressCountry: 'CA',
    },
    // Only a merchant's own pin: a town's reference point is not where the shop is.
    ...(m.locationPrecision === 'pin' ? { geo: { '@type': 'GeoCoordinates', latitude: m.latitude, longitude: m.longitude } } : {}),
    ...(m.phone ? { telephone: m.phone } : {}),
    ...(sameAs.length ? { sameAs } : {}),
    openingHoursSpecification: weekly(m.openingHours),
    ...(special(m.openingHours, today).length ? { specialOpeningHoursSpecification: special(m.openingHours, today) } : {}),
    ...buying(m.waysToBuy ?? {}),
  };
}

/**
 * Ways to buy where schema.org has a term: where the delivery goes (areaServed), and an order
 * action with the online store as its target and the ways to receive it (schema.org's
 * DeliveryMethod: GoodRelations' own fleet for delivery, OnSitePickup for curbside pickup). In store
 * is what a LocalBusiness is; gift cards have no term.
 */
type Buying = { areaServed?: string; potentialAction?: { '@type': 'OrderAction'; target?: string; deliveryMethod?: string[] } };

function buying(ways: WaysToBuy): Buying {
  const methods = [
    ...(ways.delivery ? ['http://purl.org/goodrelations/v1#DeliveryModeOwnFleet'] : []),
    ...(ways.curbside ? ['https://schema.org/OnSitePickup'] : []),
  ];
  const order: Buying = ways.online_store || methods.length
    ? { potentialAction: { '@type': 'OrderAction', ...(ways.online_store ? { target: ways.online_store } : {}), ...(methods.length ? { deliveryMethod: methods } : {}) } }
    : {};
  return { ...(ways.delivery && ways.delivery_area ? { areaServed: ways.delivery_area } : {}), ...order };
}

type Specification = { '@type': 'OpeningHoursSpecification'; dayOfWeek?: string; opens: string; closes: string; validFrom?: string; validThrough?: string };

// schema.org reads a closing earlier than the opening as the next day (17:00–02:00), and its times
// stop at 23:59. Google reads opens = closes = 00:00 as closed all day.
const spec = ([opens, closes]: Span, extra: Partial<Specification> = {}): Specification =>
  ({ '@type': 'OpeningHoursSpecification', ...extra, opens, closes: closes === '24:00' ? '23:59' : closes });
const CLOSED: Span = ['00:00', '00:00'];

/** The week: one specification per day and span. */
function weekly(hours: OpeningHours): Specification[] {
  return Object.entries(hours.week ?? {}).flatMap(([day, spans]) =>
    (spans ?? []).map((span) => spec(span, { dayOfWeek: `https://schema.org/${SCHEMA_DAYS[day as Day]}` })));
}

/** Dated exceptions, the next occurrence of each closed season, and a temporary closing, from `today`. */
function special(hours: OpeningHours, today: string): Specification[] {
  const dated = (hours.exceptions ?? []).flatMap((e) => {
    const validity = { validFrom: e.date, validThrough: e.until ?? e.date };
    return e.spans.length ? e.spans.map((span) => spec(span, validity)) : [spec(CLOSED, validity)];
  });
  const seasons = (hours.closedSeasons ?? []).map(({ from, to }) => {
    const year = Number(today.slice(0, 4));
    // This year's season, or next year's if it ended already; one that runs over the new year ends the year after it starts.
    const starts = (y: number) => `${y}-${from}`;
    const ends = (y: number) => `${to < from ? y + 1 : y}-${to}`;
    const y = ends(year - 1) >= today ? year - 1 : ends(year) >= today ? year : year + 1;
    return spec(CLOSED, { validFrom: starts(y), validThrough: ends(y) });
  });
  const closed = hours.temporarilyClosed ? [spec(CLOSED, { validFrom: today })] : [];
  return [...closed, ...dated, ...seasons];
}
