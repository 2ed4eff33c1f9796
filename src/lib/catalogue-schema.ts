// The shape of what `npm run export` writes into content/ and what the Astro build reads back.
// One schema for both sides: a row that fails it is reported by the export and left out of the site.
import { z } from 'zod';
import { openingHoursSchema } from './opening-hours.ts';
import type { WaysToBuy } from './ways-to-buy.ts';

// The database checked them (private.is_valid_ways_to_buy): the export carries them as stored.
const waysToBuyContent = z.record(z.string(), z.union([z.boolean(), z.string()])).transform((w) => w as WaysToBuy);

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** Quebec's time zones, as public.municipalities holds them. */
export const TIME_ZONES = ['America/Toronto', 'America/Halifax', 'America/Blanc-Sablon'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

export const LOCATION_PRECISIONS = ['pin', 'town', 'none'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export const catalogueMerchantSchema = z.object({
  id: z.uuid(),
  slug,
  name: z.string().trim().min(1, 'empty name'),
  categorySlug: slug,
  descriptionFr: z.string(),
  descriptionEn: z.string(),
  streetAddress: z.string(),
  city: z.string().trim().min(1, 'empty city'),
  citySlug: slug,
  postalCode: z.string().regex(/^[A-Z]\d[A-Z] \d[A-Z]\d$/),
  regionCode: z.string().regex(/^(0[1-9]|1[0-7])$/, 'no administrative region'),
  regionSlug: slug,
  // 'pin': the merchant's point; 'town': its town's reference point (shown as approximate); 'none':
  // a delivery-only business, not on the map (the database holds no point for it, and only then).
  locationPrecision: z.enum(LOCATION_PRECISIONS).default('town'),
  latitude: z.number({ error: 'no coordinates' }).min(44.9).max(62.6).nullable(),
  longitude: z.number({ error: 'no coordinates' }).min(-79.8).max(-57.1).nullable(),
  phone: z.string().regex(/^\+1\d{10}$/).nullable(),
  website: z.url().nullable(),
  socialLinks: z.array(z.url()),
  openingHours: openingHoursSchema(),
  // How to buy: in store, curbside, delivery (and where), an online store, gift cards.
  waysToBuy: waysToBuyContent.default({}),
  // The zone the hours are kept in: the shop's town's (the Magdalen Islands and the Lower North
  // Shore keep Atlantic time).
  timeZone: z.enum(TIME_ZONES).optional(),
  updatedAt: z.string(),
});
export type CatalogueMerchant = z.infer<typeof catalogueMerchantSchema>;

/** What the search index reads of a merchant: everything but the hours, whose checks are most of a
 * merchant's validation (5 s of 6 for 100,000) and which the index never shows. */
export const searchableMerchantSchema = catalogueMerchantSchema.omit({ openingHours: true })
  // Carried unchecked, for the search page's "open now" (the pages' build checks them).
  .extend({ openingHours: z.unknown().optional() });
export type SearchableMerchant = z.infer<typeof searchableMerchantSchema>;

export const categorySchema = z.object({ slug, nameFr: z.string(), nameEn: z.string(), position: z.number() });
export const regionSchema = z.object({ code: z.string(), slug, nameFr: z.string(), nameEn: z.string() });
export const citySchema = z.object({
  slug, name: z.string(), regionCode: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable(),
  /** The MRC or equivalent territory, which tells namesakes apart ("L'Ange-Gardien", Les Collines-de-l'Outaouais). */
  mrcName: z.string().optional(),
  /** Other names addresses use for it: former towns and boroughs ("Chicoutimi" for Saguenay). */
  aliases: z.array(z.string()).optional(),
});
/** A municipality as the registration form offers it: `choice` is what is typed ("L'Ange-Gardien (La Côte-de-Beaupré)" for a name two MRCs share). */
export const municipalitySchema = z.object({
  choice: z.string(), name: z.string(), aliases: z.array(z.string()),
  regionCode: z.string().optional(), latitude: z.number().optional(), longitude: z.number().optional(),
});
/** A town page's former address and its current one. */
export const redirectSchema = z.object({ from: slug, to: slug });
export type Category = z.infer<typeof categorySchema>;
export type Region = z.infer<typeof regionSchema>;
export type City = z.infer<typeof citySchema>;
export type Municipality = z.infer<typeof municipalitySchema>;

/** content/reference.json: the lists pages link to. Cities are those that have at least one listing. */
export const referenceSchema = z.object({
  exportedAt: z.string(),
  categories: z.array(categorySchema),
  regions: z.array(regionSchema),
  cities: z.array(citySchema),
  /** Every municipality, for the registration form's suggestions. */
  municipalities: z.array(municipalitySchema).default([]),
  /** Town pages that moved (a renamed town, a name two towns now share, an alias): 301 to the current page. */
  townRedirects: z.array(redirectSchema).default([]),
});
export type Reference = z.infer<typeof referenceSchema>;
