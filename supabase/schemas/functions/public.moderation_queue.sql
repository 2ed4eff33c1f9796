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
  last_key text;
begin
  perform private.require_moderator();
  -- The fields as every moderation answer shows them (private.fields_for_moderators), with the
  -- proposal's own; the cursor is the last row's key.
  select coalesce(jsonb_agg(page.item order by page.created_at, page.id), '[]'),
         (array_agg((to_jsonb(page.created_at) #>> '{}') || '|' || page.id order by page.created_at desc, page.id desc))[1]
    into items, last_key
  from (
    -- A member's change is shown as the listing it would make (its name and town among them).
    select p.created_at, p.id, private.fields_for_moderators(private.proposed_fields(p)) || jsonb_build_object(
             'id', p.id, 'kind', p.kind, 'listingId', p.listing_id, 'locale', p.locale, 'checks', p.checks,
             'outcome', p.checks_outcome, 'submittedAt', p.created_at) as item
    from public.proposals p
    where p.status = 'pending'
      and (after is null or (p.created_at, p.id) > (after_created, after_id))
      and (outcome is null or p.checks_outcome = outcome)
      and private.matches_filters(p, q, category, region)
    order by p.created_at, p.id
    limit page_size
  ) page;
  return jsonb_build_object('items', items, 'nextCursor', case when jsonb_array_length(items) = page_size then last_key end);
end
$$;
