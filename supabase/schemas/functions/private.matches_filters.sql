-- The queue's filters, for the bulk approval to count the same proposals the moderator sees. The
-- search is a plain substring of the folded name, town and NEQ: % and _ are literal characters.
create or replace function private.matches_filters(p public.proposals, q text, category text, region text) returns boolean
language sql stable
as $$
  select (category is null or p.fields ->> 'category_slug' = category)
     and (region is null or p.fields ->> 'region_code' = region)
     and (q is null or pg_catalog.strpos(
           private.fold(pg_catalog.concat_ws(' ', p.fields ->> 'name', p.fields ->> 'city', p.fields ->> 'neq')), private.fold(q)) > 0)
$$;
