-- The public catalogue: the only way anonymous visitors and the static-site export read listings.
-- Published listings, public fields only: contact_email and neq are not in it. The view runs with
-- its owner's rights (that is what lets it skip the listings' row-level security), so its grants
-- (grants/*.sql) give SELECT and nothing else.
create view public.catalogue with (security_barrier) as
  select
    l.id, l.slug, l.name::text as name,
    l.category_slug, c.name_fr as category_name_fr, c.name_en as category_name_en,
    l.description_fr::text as description_fr, l.description_en::text as description_en,
    l.street_address::text as street_address, l.city::text as city, l.municipality_code, mu.slug as municipality_slug,
    -- Opening hours are kept in the shop's own time (the Magdalen Islands are an hour ahead of Montréal).
    coalesce(mu.time_zone, 'America/Toronto') as time_zone,
    l.postal_code::text as postal_code, l.region_code, r.slug as region_slug, r.name_fr as region_name_fr, r.name_en as region_name_en,
    l.latitude::double precision as latitude, l.longitude::double precision as longitude,
    -- 'pin' (placed by the merchant), 'town' (its town's reference point: shown as approximate) or
    -- 'none' (delivers only: latitude and longitude are null, the listing is not on the map).
    l.location_precision::text as location_precision, l.phone::text as phone,
    l.website::text as website, l.social_links::text[] as social_links, l.opening_hours::jsonb as opening_hours,
    -- In store, curbside, delivery (and where), an online store, gift cards (src/lib/ways-to-buy.ts).
    l.ways_to_buy::jsonb as ways_to_buy,
    l.published_at as approved_at, l.updated_at
  from public.listings l
  join public.categories c on c.slug = l.category_slug
  left join public.regions r on r.code = l.region_code
  left join public.municipalities mu on mu.code = l.municipality_code
  where l.status = 'published';
