-- decide_proposals(array[…], 'reject', 'Entreprise hors Québec')
-- Decides on up to 5,000 proposals at once, all or nothing. A proposal already in the decided state
-- is left as it is (a repeated click is harmless). An approval that includes an ineligible listing
-- is refused before anything changes, naming it (VT422). Moderators only; the rest is
-- private.apply_decision: listing, journal, notice, rebuild. security definer because moderators
-- hold no right to write any of those tables themselves.
create or replace function public.decide_proposals(ids uuid[], decision text, reason text default null)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  found_count integer;
  changed uuid[];
  ineligible record;
  stale record;
begin
  perform private.require_moderator();
  if decision is null or decision not in ('approve', 'reject', 'request_changes') then
    raise exception 'decision must be approve, reject or request_changes' using errcode = 'VT400';
  end if;
  if decision <> 'approve' and coalesce(btrim(reason), '') = '' then
    raise exception 'a reason is required to reject or request changes' using errcode = 'VT400';
  end if;
  if coalesce(cardinality(ids), 0) = 0 or cardinality(ids) > 5000 then
    raise exception 'between 1 and 5000 ids' using errcode = 'VT400';
  end if;

  -- Lock in a fixed order so two moderators deciding overlapping batches cannot deadlock.
  perform 1 from public.proposals where id = any(ids) order by id for update;
  select count(*) into found_count from public.proposals where id = any(ids);
  if found_count < (select count(distinct x) from unnest(ids) x) then
    raise exception 'unknown proposal in ids' using errcode = 'VT404';
  end if;

  if decision = 'approve' then
    select p.id, p.fields ->> 'name' as name into ineligible from public.proposals p
      left join public.listings l on l.id = p.listing_id
      where p.id = any(ids) and p.status <> 'approved'
        and not private.is_publishable(coalesce(p.fields ->> 'neq', l.neq), coalesce(p.fields ->> 'postal_code', l.postal_code),
                                       coalesce(p.fields ->> 'region_code', l.region_code))
      order by p.created_at, p.id limit 1;
    if found then
      raise exception 'listing "%" cannot be published: Quebec businesses with a well-formed NEQ only', ineligible.name
        using errcode = 'VT422', detail = jsonb_build_object('id', ineligible.id, 'name', ineligible.name)::text;
    end if;
  end if;

  if decision = 'approve' then
    -- A member's change whose fields changed again since it was made (another change approved
    -- meanwhile) would undo that one: refused, naming it, with the fields' current values.
    select p.id, l.name, (select jsonb_object_agg(k, to_jsonb(l) -> k) from jsonb_object_keys(p.fields) k
                          where coalesce((l.field_versions ->> k)::integer, 1) > p.base_version) as conflicts
      into stale
      from public.proposals p join public.listings l on l.id = p.listing_id
      where p.id = any(ids) and p.kind = 'change' and p.status <> 'approved'
        and exists (select 1 from jsonb_object_keys(p.fields) k where coalesce((l.field_versions ->> k)::integer, 1) > p.base_version)
      order by p.created_at, p.id limit 1;
    if found then
      raise exception 'the change to "%" is stale: its fields changed since it was made', stale.name using errcode = 'VT40C',
        detail = jsonb_build_object('id', stale.id, 'conflicts', stale.conflicts,
          'message', 'error.staleChange', 'params', jsonb_build_object('name', stale.name))::text;
    end if;
  end if;

  changed := private.apply_decision(ids, decision, reason);
  return jsonb_build_object('decision', decision, 'changed', cardinality(changed), 'unchanged', found_count - cardinality(changed),
    'changedIds', to_jsonb(changed));
end
$$;
