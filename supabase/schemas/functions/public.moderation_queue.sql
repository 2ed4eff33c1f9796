-- moderation_queue(q => 'megantic', outcome => 'fail', lim => 50)
-- Pending proposals, oldest first, with their pre-checks; `after` is the cursor the previous page
-- returned ("<created_at>|<id>"). Moderators only; runs with the caller's rights (they may read
-- every proposal).
create or replace function public.moderation_queue(
  q text default null, outcome text default null, category text default null, region text default null,
  lim integer default 50, after text default null
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  page_size integer := least(greatest(lim, 1), 500);
  after_created timestamptz := split_part(after, '|', 1)::timestamptz;
  after_id uuid := nullif(split_part(after, '|', 2), '')::uuid;
  items jsonb;
begin
  perform private.require_moderator();
  select coalesce(jsonb_agg(row_to_json(page) order by page.submitted_at, page.id), '[]') into items from (
    select p.id, p.kind, p.listing_id as "listingId", p.fields ->> 'name' as name, p.fields ->> 'category_slug' as category,
           p.fields ->> 'city' as city, p.fields ->> 'region_code' as region, p.fields ->> 'postal_code' as "postalCode",
           p.fields ->> 'neq' as neq, p.fields ->> 'phone' as phone, p.fields ->> 'website' as website,
           p.fields ->> 'contact_email' as email, coalesce(p.fields ->> 'description_fr', '') as "descriptionFr",
           coalesce(p.fields ->> 'description_en', '') as "descriptionEn", p.fields ->> 'street_address' as address,
           coalesce(p.fields -> 'social_links', '[]') as "socialLinks", coalesce(p.fields -> 'opening_hours', '{}') as "openingHours",
           p.locale, p.checks, p.checks_outcome as outcome, p.created_at as "submittedAt", p.created_at as submitted_at
    from public.proposals p
    where p.status = 'pending'
      and (after is null or (p.created_at, p.id) > (after_created, after_id))
      and (outcome is null or p.checks_outcome = outcome)
      and private.matches_filters(p, q, category, region)
    order by p.created_at, p.id
    limit page_size
  ) page;
  return jsonb_build_object(
    'items', items,
    'nextCursor', case when jsonb_array_length(items) = page_size
                    then (items -> -1 ->> 'submitted_at') || '|' || (items -> -1 ->> 'id') end);
end
$$;
