-- The export that feeds the static site runs as vitrine_exporter: it reads the public catalogue
-- (supabase/schemas/views/public.catalogue.sql) and the reference data, and nothing else
-- (supabase/schemas/grants/vitrine_exporter.sql).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'vitrine_exporter') then
    create role vitrine_exporter nologin noinherit;
  end if;
end
$$;
-- The connecting user must be a member to `set local role` (on Supabase it is not a superuser).
grant vitrine_exporter to current_user;
