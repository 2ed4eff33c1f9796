-- The export that feeds the static site (vitrine_exporter): the public catalogue and the reference
-- data, nothing else.
grant usage on schema public to vitrine_exporter;
grant select on public.catalogue, public.categories, public.regions, public.municipalities,
  public.municipality_aliases, public.municipality_slug_changes to vitrine_exporter;
