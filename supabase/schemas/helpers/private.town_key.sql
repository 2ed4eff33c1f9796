-- The key a town is looked up by, whatever way people write it: accents and case optional, "St-" and
-- "Ste-" for "Saint-" and "Sainte-", any dash, apostrophe or space (or none) between the words.
-- town_key('Ste-Agathe-des-Monts') = town_key('Sainte-Agathe-des-Monts') = 'sainteagathedesmonts'
-- town_key('Ayers Cliff') = town_key('Ayer''s Cliff'); town_key('Saint-Lin–Laurentides') = town_key('St-Lin--Laurentides')
-- Indexed (municipalities and their aliases by key): changing it means rebuilding those indexes in a
-- migration. No SET clause, so that it is inlined (see private.fold).
create or replace function private.town_key(name text) returns text
language sql immutable parallel safe
as $$
  select pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(pg_catalog.regexp_replace(private.fold(name), '\mste\M', 'sainte', 'g'), '\mst\M', 'saint', 'g'),
    '[^a-z0-9]+', '', 'g')
$$;
