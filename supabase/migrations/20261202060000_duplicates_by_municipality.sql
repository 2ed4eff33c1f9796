-- A business of one name in one municipality, whatever town name it was written with ("Chicoutimi",
-- "Saguenay"), is a possible duplicate (private.same_town_and_name): looked up by municipality too.
create index listings_municipality_name_idx on public.listings (municipality_code, private.name_key(name)) where status = 'published';
create index proposals_municipality_name_idx on public.proposals ((fields ->> 'municipality_code'), private.name_key(fields ->> 'name'))
  where status in ('pending', 'changes_requested');
