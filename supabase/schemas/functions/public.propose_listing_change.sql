-- propose_listing_change(listing, '{"phone": "+14185550100", "name": "…"}', 3)
-- A member's edit of its listing, made from version `base_version`. The edit may send every field
-- of the form: only those that differ from what they were at that version count as changed. Then:
--   - a changed field that someone else changed since that version is a conflict: nothing is
--     written, VT40C with each such field's current value (the member's edit is kept by the page);
--   - low-risk fields publish at once (private.apply_decision, journaled 'publish', a rebuild);
--   - sensitive ones (private.needs_moderator) wait in the moderators' queue as one proposal, with
--     the registration's pre-checks run on the listing as it would become.
-- Returns {published: [fields], queued: [fields], proposalId, version}.
create or replace function public.propose_listing_change(target uuid, edit jsonb, base_version integer)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  listing public.listings;
  fields jsonb;
  checks jsonb;
  key text;
  wanted jsonb;
  conflicts jsonb := '{}';
  low jsonb := '{}';
  sensitive jsonb := '{}';
  queued public.proposals;
  published_id uuid;
begin
  perform private.require_member(target);
  if jsonb_typeof(edit) is distinct from 'object' or base_version is null then
    raise exception 'an edit is an object of fields and the version it started from' using errcode = 'VT400';
  end if;
  select * into listing from public.listings l where l.id = target for update;
  if listing.status <> 'published' then
    raise exception 'the listing is closed' using errcode = 'VT409',
      detail = jsonb_build_object('message', 'account.error.closed')::text;
  end if;
  if base_version > listing.version or base_version < 1 then
    raise exception 'unknown version' using errcode = 'VT400';
  end if;

  fields := private.edited_fields(listing, edit);
  -- A field the edit empties (no website any more) is not in `fields`: it changes to null.
  for key in select k from unnest(array['phone', 'website', 'neq', 'latitude', 'longitude']) k
    where not fields ? k and to_jsonb(listing) -> k <> 'null'::jsonb loop
    fields := fields || jsonb_build_object(key, null);
  end loop;
  for key, wanted in select * from jsonb_each(fields) loop
    continue when wanted = coalesce(to_jsonb(listing) -> key, 'null'::jsonb);
    if coalesce((listing.field_versions ->> key)::integer, 1) > base_version then
      -- Changed by someone else since the member started: a conflict only if the member changed it too.
      continue when wanted = private.field_at(listing, key, base_version);
      conflicts := conflicts || jsonb_build_object(key, coalesce(to_jsonb(listing) -> key, 'null'::jsonb));
    end if;
  end loop;
  if conflicts <> '{}' then
    raise exception 'changed since the edit started' using errcode = 'VT40C',
      detail = jsonb_build_object('conflicts', conflicts, 'version', listing.version)::text;
  end if;

  checks := private.compute_checks(fields, gen_random_uuid(), listing.id);
  for key, wanted in select * from jsonb_each(fields) loop
    continue when wanted = coalesce(to_jsonb(listing) -> key, 'null'::jsonb);
    continue when coalesce((listing.field_versions ->> key)::integer, 1) > base_version;
    if private.needs_moderator(key, listing, fields, checks) then
      sensitive := sensitive || jsonb_build_object(key, wanted);
    else
      low := low || jsonb_build_object(key, wanted);
    end if;
  end loop;
  -- A point moves whole: its latitude, longitude and precision are decided together.
  if sensitive ?| array['latitude', 'longitude', 'location_precision'] then
    sensitive := sensitive || (select coalesce(jsonb_object_agg(k, v), '{}') from jsonb_each(low) as e(k, v)
                               where k in ('latitude', 'longitude', 'location_precision'));
    low := low - 'latitude' - 'longitude' - 'location_precision';
  end if;

  if low <> '{}' then
    insert into public.proposals (kind, listing_id, base_version, fields, status, checks, checks_outcome, checks_computed_at, proposed_by, locale)
      values ('change', listing.id, listing.version, low,
              'pending', '[]', 'pass', now(), auth.uid(), listing.locale)
      returning id into published_id;
    perform private.apply_decision(array[published_id], 'approve', null, 'publish');
    select * into listing from public.listings l where l.id = target;
  end if;
  if sensitive <> '{}' then
    insert into public.proposals (kind, listing_id, base_version, fields, checks, checks_outcome, checks_computed_at, proposed_by, locale)
      values ('change', listing.id, listing.version, sensitive, checks, private.worst_outcome(checks), now(), auth.uid(), listing.locale)
      returning * into queued;
  end if;
  return jsonb_build_object(
    'published', (select coalesce(jsonb_agg(k order by k), '[]') from jsonb_object_keys(low) k),
    'queued', (select coalesce(jsonb_agg(k order by k), '[]') from jsonb_object_keys(sensitive) k),
    'proposalId', queued.id, 'version', listing.version);
exception
  when check_violation or not_null_violation or foreign_key_violation or invalid_text_representation then
    raise exception 'invalid edit: %', sqlerrm using errcode = 'VT400';
end
$$;
