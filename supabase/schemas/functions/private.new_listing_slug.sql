-- A new listing's slug: "name-town", with a number when that is taken (the two "Boulangerie du
-- Village" in different towns differ by town, and a third one added later never renames the first
-- two). security definer: uniqueness must see every listing.
create or replace function private.new_listing_slug(name text, city text) returns text
language plpgsql security definer
set search_path = ''
as $$
declare
  base text := coalesce(nullif(private.slugify(name || ' ' || city), ''), 'commerce');
  candidate text := base;
  n integer := 1;
begin
  -- Serialises concurrent publications of the same name in the same town. The key is folded into
  -- 1,024 buckets so that a bulk approval holds at most that many locks (one per row would exhaust
  -- the lock table past a few thousand rows in one transaction).
  perform pg_advisory_xact_lock(hashtext('merchant-slug'), hashtext(base) & 1023);
  while exists (select 1 from public.listings where slug = candidate) loop
    n := n + 1;
    candidate := base || '-' || n;
  end loop;
  return candidate;
end
$$;
