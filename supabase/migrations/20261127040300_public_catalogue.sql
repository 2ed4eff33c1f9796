-- The public catalogue: the only way anonymous visitors and the static-site export read merchants.
-- It returns approved listings and public fields only; contact_email and neq are not in it.

create view public.catalogue with (security_barrier) as
  select
    m.id, m.slug, m.name,
    m.category_slug, c.name_fr as category_name_fr, c.name_en as category_name_en,
    m.description_fr, m.description_en,
    m.street_address, m.city, m.municipality_code, mu.slug as municipality_slug,
    m.postal_code, m.region_code, r.slug as region_slug, r.name_fr as region_name_fr, r.name_en as region_name_en,
    m.latitude, m.longitude, m.phone, m.website, m.social_links, m.opening_hours,
    m.approved_at, m.updated_at
  from public.merchants m
  join public.categories c on c.slug = m.category_slug
  left join public.regions r on r.code = m.region_code
  left join public.municipalities mu on mu.code = m.municipality_code
  where m.status = 'approved';

-- The view runs with its owner's rights (that is what lets it skip the merchants' RLS), so nobody
-- may write through it, whatever default privileges the platform grants.
revoke all on public.catalogue from public, anon, authenticated;
grant select on public.catalogue to anon, authenticated, service_role;

-- The export that feeds the static site runs as this role: it can read the catalogue and the
-- reference data, and nothing else.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'vitrine_exporter') then
    create role vitrine_exporter nologin noinherit;
  end if;
end
$$;
-- The connecting user must be a member to `set local role` (on Supabase it is not a superuser).
grant vitrine_exporter to current_user;
grant usage on schema public to vitrine_exporter;
grant select on public.catalogue, public.categories, public.regions, public.municipalities to vitrine_exporter;
