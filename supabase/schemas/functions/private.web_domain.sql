-- web_domain('https://www.Boulangerie.ca/menu') = 'boulangerie.ca': where a link leads, for telling
-- a new page on the same site (published at once) from a new site (a moderator looks).
create or replace function private.web_domain(address text) returns text
language sql immutable
set search_path = ''
as $$
  select regexp_replace(lower(substring(address from '^https?://([^/:?#]+)')), '^www\.', '')
$$;
