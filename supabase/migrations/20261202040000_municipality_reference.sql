-- Every Quebec municipality, unorganized territory and Indigenous community (1,280 units, from
-- supabase/data/quebec-municipalities.csv) instead of the 291 GeoNames places: the columns the new
-- reference brings, the aliases addresses still use, and the town addresses that moved. The data
-- arrive by the next migration (generated) into the import tables below; the one after moves the
-- listings and proposals onto the new reference and empties them.

alter table public.municipalities
  add column mrc_code text,
  add column mrc_name text,
  add column designation text,
  add column category text not null default 'municipality'
    check (category in ('municipality', 'unorganized_territory', 'indigenous_land')),
  -- Opening hours are read in it: Eastern for most of Quebec, Atlantic for the Magdalen Islands,
  -- Atlantic Standard all year east of the Natashquan River.
  add column time_zone text not null default 'America/Toronto'
    check (time_zone in ('America/Toronto', 'America/Halifax', 'America/Blanc-Sablon'));
create index municipalities_town_key_idx on public.municipalities (private.town_key(name));

-- Names that are not a municipality's but that addresses still use: former towns merged into a
-- city ("Chicoutimi"), boroughs, a town's former name ("Asbestos"). Each says where it comes from.
create table public.municipality_aliases (
  alias text primary key,
  municipality_code text not null references public.municipalities (code),
  source text not null
);
alter table public.municipality_aliases enable row level security;
create unique index municipality_aliases_town_key_idx on public.municipality_aliases (private.town_key(alias));

-- A town page's former address, so that it answers 301 to the current one.
create table public.municipality_slug_changes (
  old_slug text primary key check (old_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  municipality_code text not null references public.municipalities (code),
  changed_at timestamptz not null default now()
);
alter table public.municipality_slug_changes enable row level security;

-- Filled by the generated migration that follows, read and emptied by the one after it.
create table private.municipality_import (
  code text primary key, slug text not null unique, name text not null, region_code text not null,
  mrc_code text not null, mrc_name text not null, designation text not null, category text not null,
  time_zone text not null, latitude double precision not null, longitude double precision not null, population integer
);
create table private.municipality_alias_import (alias text primary key, municipality_code text not null, source text not null);
create table private.municipality_code_change_import (old_code text primary key, new_code text not null, source text not null);
