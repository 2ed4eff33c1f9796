-- Where a business is, and how precisely (issue 11). A listing's point is the merchant's own pin,
-- its town's reference point (a business run from home shows only its town: Law 25 keeps a home
-- address off the map), or nothing (a delivery-only business): the map marks approximate points
-- as such and leaves out listings without one.
create domain public.location_precision as text check (value in ('pin', 'town', 'none'));

alter type public.listing_fields add attribute location_precision public.location_precision;

alter table public.listings add column location_precision public.location_precision not null default 'town';

-- Listings so far were placed by the registration (the town's reference point) or by the demo
-- data (a point near it): a point that is exactly the reference point is the town's.
update public.listings l set location_precision = case
    when l.latitude is null then 'none'
    when exists (select 1 from public.municipalities m
                 where m.code = l.municipality_code and m.latitude = l.latitude and m.longitude = l.longitude) then 'town'
    else 'pin' end;

alter table public.listings add constraint a_point_says_how_precise_it_is
  check ((location_precision = 'none') = (latitude is null));

-- Open registrations say the same of their point, so the moderator and the listing agree.
update public.proposals p set fields = p.fields || jsonb_build_object('location_precision', case
    when p.fields ->> 'latitude' is null then 'none'
    when exists (select 1 from public.municipalities m where m.code = p.fields ->> 'municipality_code'
                 and m.latitude = (p.fields ->> 'latitude')::double precision
                 and m.longitude = (p.fields ->> 'longitude')::double precision) then 'town'
    else 'pin' end)
  where p.kind = 'create' and not p.fields ? 'location_precision';

-- Quebec's outline, for "is this point in Quebec?" (a bounding box also holds Ottawa and
-- Edmundston). Kept in scaled coordinates, x = longitude × cos(46.5°) and y = latitude, so that
-- PostgreSQL's polygon distance (<->) is in degrees of latitude (× 111.2 = km) give or take a
-- few percent across southern Quebec, and containment is unchanged. One row per island or piece;
-- the data migration after this one loads supabase/data/quebec-boundary.json.
create table private.quebec_outline (
  part integer primary key,
  outline polygon not null,
  bounds box not null
);
