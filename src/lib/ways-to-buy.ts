// Ways to buy (issue 12), the one format for forms, pages, JSON-LD, search and the map; the database
// holds the same rules in supabase/schemas/helpers/private.is_valid_ways_to_buy.sql.
//   { in_store: true, curbside: true, delivery: true, delivery_area: 'Rive-Sud', online_store: 'https://…', gift_cards: true }
// Every key optional; {} means not said. No Node-only import: the account page's script uses it.
import { z } from 'zod';

/** The ways a shopper can buy, in the order pages show them. */
export const WAYS = ['in_store', 'curbside', 'delivery', 'online_store', 'gift_cards'] as const;
export type Way = (typeof WAYS)[number];
export type WaysToBuy = { in_store?: boolean; curbside?: boolean; delivery?: boolean; delivery_area?: string; online_store?: string; gift_cards?: boolean };

export const DELIVERY_AREA_MAX = 200;

/** The ways a listing offers: offered({ delivery: true, online_store: 'https://…' }) → ['delivery', 'online_store'] */
export function offered(ways: WaysToBuy | null | undefined): Way[] {
  if (!ways) return [];
  return WAYS.filter((way) => (way === 'online_store' ? Boolean(ways.online_store) : ways[way] === true));
}

/** The map data's bits (its flags' bits 2–7): bit i for WAYS[i]. waysBits({ delivery: true }) === 4 */
export function waysBits(ways: WaysToBuy | null | undefined): number {
  return offered(ways).reduce((bits, way) => bits | (1 << WAYS.indexOf(way)), 0);
}

export type WaysMessages = { area: string; areaWithoutDelivery: string };

/** The schema of ways to buy, with its messages (the caller's language). */
export function waysToBuySchema(messages: WaysMessages, webUrl: z.ZodType<string>) {
  return z
    .strictObject({
      in_store: z.boolean().optional(),
      curbside: z.boolean().optional(),
      delivery: z.boolean().optional(),
      delivery_area: z
        .string({ error: messages.area })
        .trim()
        .max(DELIVERY_AREA_MAX, messages.area)
        .optional()
        .transform((v) => (v ? v : undefined)),
      online_store: z.preprocess((v) => (v === '' || v === null ? undefined : v), webUrl.optional()),
      gift_cards: z.boolean().optional(),
    })
    .superRefine((value, ctx) => {
      if (value.delivery_area && value.delivery !== true) ctx.addIssue({ code: 'custom', path: ['delivery_area'], message: messages.areaWithoutDelivery });
    })
    // Only what is said: false and empty keys are left out, as the database stores them.
    .transform((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== false)) as WaysToBuy);
}
