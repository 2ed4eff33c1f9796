-- Merchants: one row per business listing, from its registration to its publication. Public fields
-- are shown in the catalogue once the listing is approved; contact_email and neq stay private.
-- 20261201120000_listings_and_proposals.sql splits it into listings and the proposals that change them.

create type public.merchant_status as enum ('pending', 'approved', 'rejected', 'changes_requested');

-- The helpers its constraints call (fold, slugify, NEQ, links, eligibility, opening hours) are in
-- supabase/schemas/helpers.

create table public.merchants (
  id uuid primary key default gen_random_uuid(),
  -- The Supabase Auth account that manages this listing, once claimed.
  owner_id uuid references auth.users (id) on delete set null,
  -- Assigned once at creation and never changed, so shared links keep working.
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  status public.merchant_status not null default 'pending',

  -- Public fields
  name text not null check (length(btrim(name)) between 1 and 120),
  category_slug text not null references public.categories (slug),
  description_fr text not null default '' check (length(description_fr) <= 2000),
  description_en text not null default '' check (length(description_en) <= 2000),
  street_address text not null default '' check (length(street_address) <= 200),
  city text not null check (length(btrim(city)) between 1 and 100),
  municipality_code text references public.municipalities (code),
  region_code text references public.regions (code),
  -- Canadian postal code, stored upper case with its space: 'H2X 1Y4'. Canada Post never uses
  -- D, F, I, O, Q or U, nor W or Z as the first letter.
  postal_code text not null
    check (postal_code ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$'),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  -- North American number in E.164 form: '+15145550123'.
  phone text check (phone ~ '^\+1[2-9][0-9]{9}$'),
  website text check (website ~ '^https?://[^\s]+$' and length(website) <= 300),
  social_links text[] not null default '{}' check (private.are_web_links(social_links)),
  opening_hours jsonb not null default '{}' check (private.is_valid_opening_hours(opening_hours)),

  -- Private fields: never in the catalogue
  contact_email text not null check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  neq text,

  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  approved_at timestamptz,

  check ((latitude is null) = (longitude is null)),
  -- Eligibility: only a Quebec business with a well-formed NEQ can be published.
  constraint approved_merchants_are_quebec_businesses check (
    status <> 'approved' or private.is_publishable(neq, postal_code, region_code)
  )
);
alter table public.merchants enable row level security;

create index merchants_status_created_idx on public.merchants (status, created_at);
create index merchants_owner_idx on public.merchants (owner_id);
create index merchants_category_idx on public.merchants (category_slug) where status = 'approved';
