-- Ways to buy (issue 12), the one format, checked the same way in TypeScript (src/lib/ways-to-buy.ts):
--   {"in_store": true, "curbside": true, "delivery": true, "delivery_area": "Rive-Sud",
--    "online_store": "https://…", "gift_cards": true}
-- Every key optional; a delivery area only with delivery; no other key.
create or replace function private.is_valid_ways_to_buy(ways jsonb) returns boolean
language plpgsql immutable parallel safe
as $$
begin
  return pg_catalog.jsonb_typeof(ways) = 'object'
    and not exists (
      select 1 from pg_catalog.jsonb_each(ways) as w(key, value)
      where not (
        (w.key in ('in_store', 'curbside', 'delivery', 'gift_cards') and pg_catalog.jsonb_typeof(w.value) = 'boolean')
        or (w.key = 'delivery_area' and pg_catalog.jsonb_typeof(w.value) = 'string'
            and pg_catalog.length(w.value #>> '{}') between 1 and 200 and ways -> 'delivery' = 'true'::jsonb)
        or (w.key = 'online_store' and pg_catalog.jsonb_typeof(w.value) = 'string'
            and (w.value #>> '{}') ~ '^https?://[^\s]+$' and pg_catalog.length(w.value #>> '{}') <= 300)));
end
$$;
