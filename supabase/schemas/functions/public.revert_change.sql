-- revert_change(journal_entry) → {reverted: [fields], version}
-- Undoes one applied change of a listing, from its journal entry: each field it changed goes back
-- to its value before, published at once (those values were published before) and journaled
-- 'revert'. A member reverts its own changes; a moderator any. A field changed again since is a
-- conflict (VT40C with its current value): revert the later change first.
create or replace function public.revert_change(entry bigint) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  j public.journal;
  listing public.listings;
  back jsonb := '{}';
  conflicts jsonb := '{}';
  key text;
  pair jsonb;
  new_id uuid;
begin
  if auth.uid() is null and auth.role() is distinct from 'service_role' then
    raise exception 'sign in first' using errcode = 'VT401';
  end if;
  select * into j from public.journal where id = entry;
  if j.id is null or j.listing_change is distinct from 'changed' or j.changes is null then
    raise exception 'no change to revert' using errcode = 'VT404';
  end if;
  if not private.is_moderator() and auth.role() is distinct from 'service_role' then
    perform private.require_member(j.listing_id);
    if j.actor_id is distinct from auth.uid() then
      raise exception 'members revert their own changes' using errcode = 'VT403',
        detail = jsonb_build_object('message', 'account.error.revertOthers')::text;
    end if;
  end if;
  select * into listing from public.listings where id = j.listing_id for update;
  if listing.status <> 'published' then
    raise exception 'the listing is closed' using errcode = 'VT409',
      detail = jsonb_build_object('message', 'account.error.closed')::text;
  end if;
  for key, pair in select * from jsonb_each(j.changes) loop
    if coalesce((listing.field_versions ->> key)::integer, 1) > j.listing_version then
      conflicts := conflicts || jsonb_build_object(key, coalesce(to_jsonb(listing) -> key, 'null'::jsonb));
    else
      back := back || jsonb_build_object(key, pair -> 0);
    end if;
  end loop;
  if conflicts <> '{}' then
    raise exception 'changed again since' using errcode = 'VT40C',
      detail = jsonb_build_object('conflicts', conflicts, 'version', listing.version)::text;
  end if;
  insert into public.proposals (kind, listing_id, base_version, fields, status, checks, checks_outcome, checks_computed_at, proposed_by, locale)
    values ('change', listing.id, listing.version, back, 'pending', '[]', 'pass', now(), auth.uid(), listing.locale)
    returning id into new_id;
  perform private.apply_decision(array[new_id], 'approve', 'revert of journal entry ' || entry, 'revert');
  return jsonb_build_object('reverted', (select jsonb_agg(k order by k) from jsonb_object_keys(back) k),
    'version', (select l.version from public.listings l where l.id = listing.id));
end
$$;
