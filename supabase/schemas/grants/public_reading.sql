-- Anyone, signed in or not, whether through our functions or straight through the Supabase API:
-- read the public catalogue and the reference data, and follow a status link (the link's token is
-- the capability). Registering goes through the registrar role (registration.sql).
grant usage on schema public to anon, authenticated, service_role;
grant select on public.catalogue, public.regions, public.categories, public.municipalities,
  public.municipality_aliases, public.municipality_slug_changes to anon, authenticated, service_role;
grant execute on function public.registration_status(uuid, text) to anon, authenticated, service_role;
