-- Moderation fixes found while writing the HTTP API: TRUNCATE skipped every rule, a listing
-- without a NEQ could be approved, and a refused bulk approval could not say which listing.

-- TRUNCATE ignores row-level security and row triggers, and TRIGGER lets a role attach code to a
-- table; the API roles need neither, but the platform's default privileges grant them.
revoke truncate, trigger on all tables in schema public from anon, authenticated;
alter default privileges in schema public revoke truncate, trigger on tables from anon, authenticated;
create trigger append_only_truncate before truncate on public.moderation_decisions
  for each statement execute function private.refuse_change();

-- A CHECK passes when its expression is NULL: with neq NULL the rule let an approval through.
-- Re-adding the constraint also checks the rows already there.
alter table public.merchants drop constraint approved_merchants_are_quebec_businesses;
alter table public.merchants add constraint approved_merchants_are_quebec_businesses check (
  status <> 'approved'
  or coalesce(private.is_well_formed_neq(neq) and postal_code ~ '^[GHJ]' and region_code is not null, false)
);

/** The eligibility rule of the constraint above, for functions that must check before they write. */
create function private.is_publishable(m public.merchants) returns boolean
language sql immutable
set search_path = ''
as $$
  select coalesce(private.is_well_formed_neq(m.neq) and m.postal_code ~ '^[GHJ]' and m.region_code is not null, false)
$$;
grant execute on function private.is_publishable(public.merchants) to authenticated, service_role;

-- decide_merchants as before, plus: an approval that includes an ineligible listing is refused
-- before anything changes, naming the first such listing (VT422, detail {"id", "name"}).
create or replace function public.decide_merchants(ids uuid[], decision text, reason text default null, site_url text default 'http://localhost:8888')
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  target public.merchant_status;
  found_count integer;
  changed uuid[];
  notice record;
  decided public.merchants;
  ineligible record;
begin
  perform private.require_moderator();
  if decision not in ('approve', 'reject', 'request_changes') then
    raise exception 'decision must be approve, reject or request_changes' using errcode = 'VT400';
  end if;
  if decision <> 'approve' and coalesce(btrim(reason), '') = '' then
    raise exception 'a reason is required to reject or request changes' using errcode = 'VT400';
  end if;
  if coalesce(cardinality(ids), 0) = 0 or cardinality(ids) > 5000 then
    raise exception 'between 1 and 5000 ids' using errcode = 'VT400';
  end if;
  target := case decision when 'approve' then 'approved' when 'reject' then 'rejected' else 'changes_requested' end;

  -- Lock in a fixed order so two moderators deciding overlapping batches cannot deadlock.
  perform 1 from public.merchants where id = any(ids) order by id for update;
  select count(*) into found_count from public.merchants where id = any(ids);
  if found_count < (select count(distinct x) from unnest(ids) x) then
    raise exception 'unknown merchant in ids' using errcode = 'VT404';
  end if;

  if target = 'approved' then
    select m.id, m.name into ineligible from public.merchants m
      where m.id = any(ids) and m.status <> 'approved' and not private.is_publishable(m)
      order by m.created_at, m.id limit 1;
    if found then
      raise exception 'listing "%" cannot be published: Quebec businesses with a well-formed NEQ only', ineligible.name
        using errcode = 'VT422', detail = jsonb_build_object('id', ineligible.id, 'name', ineligible.name)::text;
    end if;
  end if;

  with before as (
    select id, status as previous_status from public.merchants where id = any(ids) and status <> target
  ), updated as (
    update public.merchants m set status = target, decision_reason = nullif(btrim(reason), ''), decided_at = now()
    from before b where m.id = b.id
    returning m.id
  ), journal as (
    insert into public.moderation_decisions (merchant_id, moderator_id, moderator_email, decision, reason, previous_status)
    select b.id, auth.uid(), auth.email(), decision, nullif(btrim(reason), ''), b.previous_status from before b
    returning merchant_id
  ) select coalesce(array_agg(id), '{}') into changed from updated;

  for decided in select * from public.merchants where id = any(changed) loop
    select * into notice from private.decision_notice(decided, decision, reason, site_url);
    insert into public.outbox (merchant_id, recipient, locale, kind, subject, body)
      values (decided.id, decided.contact_email, decided.submitted_locale, decision, notice.subject, notice.body);
  end loop;

  if decision = 'approve' and cardinality(changed) > 0 then
    insert into public.rebuild_requests (reason) values (format('%s listing(s) approved', cardinality(changed)));
  end if;

  return jsonb_build_object('decision', decision, 'changed', cardinality(changed), 'unchanged', found_count - cardinality(changed), 'changedIds', to_jsonb(changed));
end
$$;

-- Registration counts attempts per client inside register_merchant. Called straight through the
-- Supabase API it could be given any client bucket, or none, and skip the limit: only the role the
-- register function switches to may call it.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'vitrine_registrar') then
    create role vitrine_registrar nologin noinherit;
  end if;
end
$$;
grant vitrine_registrar to current_user;
grant usage on schema public to vitrine_registrar;
revoke execute on function public.register_merchant(jsonb, text, text) from anon, authenticated;
grant execute on function public.register_merchant(jsonb, text, text) to vitrine_registrar;
