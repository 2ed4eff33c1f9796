-- Moderation: moderators decide on submissions one by one or in bulk; every decision is kept in an
-- append-only journal, queues a notice to the merchant, and approvals ask for a rebuild of the site.

-- Every decision: who, when, what, why. Never updated, never deleted.
create table public.moderation_decisions (
  id bigint generated always as identity primary key,
  merchant_id uuid not null references public.merchants (id) on delete restrict,
  moderator_id uuid,
  moderator_email text,
  decision text not null check (decision in ('approve', 'reject', 'request_changes')),
  reason text check (length(reason) <= 2000),
  previous_status public.merchant_status not null,
  decided_at timestamptz not null default now(),
  check (decision = 'approve' or length(btrim(reason)) > 0)
);
alter table public.moderation_decisions enable row level security;
create index moderation_decisions_merchant_idx on public.moderation_decisions (merchant_id, decided_at);

-- Messages to merchants, written in the decision's transaction and sent by a separate sender: a
-- notice exists if and only if its decision does.
create table public.outbox (
  id bigint generated always as identity primary key,
  merchant_id uuid not null references public.merchants (id) on delete cascade,
  recipient text not null,
  locale text not null check (locale in ('fr', 'en')),
  kind text not null check (kind in ('approve', 'reject', 'request_changes')),
  subject text not null,
  body text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
alter table public.outbox enable row level security;
create index outbox_unsent_idx on public.outbox (created_at) where sent_at is null;

-- Requests to rebuild the static site. Kept in the database so that an approval made while the
-- builder is down is published by the next build: a build marks done only the requests it saw.
create table public.rebuild_requests (
  id bigint generated always as identity primary key,
  reason text not null,
  requested_at timestamptz not null default now(),
  built_at timestamptz,
  -- The last failed attempt, kept until a build succeeds: the failure is reported, not lost.
  failed_at timestamptz,
  last_error text
);
alter table public.rebuild_requests enable row level security;
create index rebuild_requests_open_idx on public.rebuild_requests (id) where built_at is null;

create function private.refuse_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'moderation decisions are append-only' using errcode = 'VT403';
end
$$;
create trigger append_only before update or delete on public.moderation_decisions
  for each statement execute function private.refuse_change();

create policy "Moderators can read the decisions" on public.moderation_decisions
  for select to authenticated using (private.is_moderator());
create policy "Moderators record their own decisions" on public.moderation_decisions
  for insert to authenticated with check (private.is_moderator() and moderator_id is not distinct from auth.uid());
create policy "Moderators can read the outbox" on public.outbox
  for select to authenticated using (private.is_moderator());
create policy "Moderators queue notices" on public.outbox
  for insert to authenticated with check (private.is_moderator());
create policy "Moderators can see rebuild requests" on public.rebuild_requests
  for select to authenticated using (private.is_moderator());
create policy "Moderators request rebuilds" on public.rebuild_requests
  for insert to authenticated with check (private.is_moderator());
create policy "Moderators decide on listings" on public.merchants
  for update to authenticated using (private.is_moderator()) with check (private.is_moderator());

/** The notice for a decision, in the applicant's language, with the reason and the status link. */
create function private.decision_notice(m public.merchants, decision text, reason text, site_url text)
returns table (subject text, body text)
language sql stable security definer
set search_path = ''
as $$
  select
    case m.submitted_locale
      when 'en' then case decision when 'approve' then format('Your listing "%s" is published', m.name)
                                   when 'reject' then format('Your listing "%s" was not accepted', m.name)
                                   else format('Your listing "%s": changes requested', m.name) end
      else case decision when 'approve' then format('Votre fiche « %s » est publiée', m.name)
                         when 'reject' then format('Votre fiche « %s » n''a pas été acceptée', m.name)
                         else format('Votre fiche « %s » : modifications demandées', m.name) end
    end,
    case m.submitted_locale
      when 'en' then concat_ws(E'\n\n',
        format('Hello,'),
        case decision when 'approve' then format('Your listing is now on Vitrine: %s/commerces/%s/', site_url, m.slug)
                      when 'reject' then 'After review, your listing could not be accepted.'
                      else 'Your listing needs changes before it can be published.' end,
        case when reason is not null and reason <> '' then format('Reason: %s', reason) end,
        format('Follow your submission: %s/en/status/?id=%s&token=%s', site_url, m.id, private.status_token(m.id)),
        'The Vitrine team')
      else concat_ws(E'\n\n',
        'Bonjour,',
        case decision when 'approve' then format('Votre fiche est maintenant sur Vitrine : %s/commerces/%s/', site_url, m.slug)
                      when 'reject' then 'Après examen, votre fiche n''a pas pu être acceptée.'
                      else 'Votre fiche doit être modifiée avant d''être publiée.' end,
        case when reason is not null and reason <> '' then format('Raison : %s', reason) end,
        format('Suivre votre inscription : %s/statut/?id=%s&token=%s', site_url, m.id, private.status_token(m.id)),
        'L''équipe Vitrine')
    end
  where private.is_moderator() or auth.role() = 'service_role'
$$;

create function private.require_moderator() returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if auth.uid() is null and auth.role() is distinct from 'service_role' then
    raise exception 'sign in as a moderator' using errcode = 'VT401';
  end if;
  if not private.is_moderator() and auth.role() is distinct from 'service_role' then
    raise exception 'moderators only' using errcode = 'VT403';
  end if;
end
$$;
grant execute on function private.require_moderator() to anon, authenticated, service_role;

/**
 * moderation_queue(q => 'megantic', outcome => 'fail', lim => 50)
 * Pending submissions, oldest first, with their pre-checks; `after` is the cursor the previous page
 * returned ("<created_at>|<id>"). Moderators only.
 */
create function public.moderation_queue(
  q text default null, outcome text default null, category text default null, region text default null,
  lim integer default 50, after text default null
) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  after_created timestamptz := split_part(after, '|', 1)::timestamptz;
  after_id uuid := nullif(split_part(after, '|', 2), '')::uuid;
  items jsonb;
begin
  perform private.require_moderator();
  select coalesce(jsonb_agg(row_to_json(page) order by page.submitted_at, page.id), '[]') into items from (
    select m.id, m.name, m.slug, m.category_slug as category, m.city, m.region_code as region, m.postal_code as "postalCode",
           m.neq, m.phone, m.website, m.contact_email as email, m.description_fr as "descriptionFr", m.description_en as "descriptionEn",
           m.street_address as address, m.checks, m.checks_outcome as outcome, m.created_at as "submittedAt", m.created_at as submitted_at
    from public.merchants m
    where m.status = 'pending'
      and (after is null or (m.created_at, m.id) > (after_created, after_id))
      and (outcome is null or m.checks_outcome = outcome)
      and (category is null or m.category_slug = category)
      and (region is null or m.region_code = region)
      and (q is null or private.fold(m.name || ' ' || m.city || ' ' || coalesce(m.neq, '')) like '%' || private.fold(q) || '%')
    order by m.created_at, m.id
    limit least(greatest(lim, 1), 500)
  ) page;
  return jsonb_build_object(
    'items', items,
    'nextCursor', case when jsonb_array_length(items) = least(greatest(lim, 1), 500)
                    then (items -> -1 ->> 'submitted_at') || '|' || (items -> -1 ->> 'id') end);
end
$$;

/** The backlog at a glance: how many wait, by outcome, and since when. Moderators only. */
create function public.moderation_backlog() returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.require_moderator();
  select jsonb_build_object(
    'pending', count(*),
    'pass', count(*) filter (where checks_outcome = 'pass'),
    'warn', count(*) filter (where checks_outcome = 'warn'),
    'fail', count(*) filter (where checks_outcome = 'fail'),
    'oldestSubmittedAt', min(created_at))
  into result from public.merchants where status = 'pending';
  return result;
end
$$;

/**
 * decide_merchants(array[...], 'reject', 'Entreprise hors Québec', 'https://vitrine.example')
 * Decides on many submissions at once, all or nothing. A submission already in the decided state
 * is left as it is (a repeated click is harmless); every change is journaled, queues a notice and,
 * for approvals, asks for a rebuild. An approval that includes an ineligible listing is refused
 * before anything changes, naming it (VT422). Runs with the caller's rights: row-level security applies.
 */
create function public.decide_merchants(ids uuid[], decision text, reason text default null, site_url text default 'http://localhost:8888')
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
      where m.id = any(ids) and m.status <> 'approved' and not private.is_publishable(m.neq, m.postal_code, m.region_code)
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

-- decide_merchants runs as the moderator; decision_notice checks that itself before it writes a
-- status link into the notice.
grant execute on function private.decision_notice(public.merchants, text, text, text) to authenticated, service_role;

/** Recomputes the pre-checks of the given submissions, or of every pending one. Moderators only. */
-- security definer to call the private refresh, which nobody else may; it checks the caller first.
create function public.recheck_submissions(ids uuid[] default null) returns integer
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.require_moderator();
  return private.refresh_checks(ids);
end
$$;

/** A listing's story for moderators: the submission and every decision on it, oldest first. */
create function public.merchant_history(merchant_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.require_moderator();
  select jsonb_build_object(
    'id', m.id, 'name', m.name, 'status', m.status, 'submittedAt', m.created_at, 'checks', m.checks,
    'decisions', coalesce((select jsonb_agg(jsonb_build_object(
        'decision', d.decision, 'reason', d.reason, 'moderator', d.moderator_email, 'previousStatus', d.previous_status, 'decidedAt', d.decided_at)
        order by d.decided_at, d.id)
      from public.moderation_decisions d where d.merchant_id = m.id), '[]'))
  into result from public.merchants m where m.id = merchant_history.merchant_id;
  if result is null then
    raise exception 'unknown merchant' using errcode = 'VT404';
  end if;
  return result;
end
$$;

-- TRUNCATE ignores row-level security and row triggers, and TRIGGER lets a role attach code to a
-- table; the API roles need neither, but the platform's default privileges grant them.
revoke truncate, trigger on all tables in schema public from anon, authenticated;
alter default privileges in schema public revoke truncate, trigger on tables from anon, authenticated;
create trigger append_only_truncate before truncate on public.moderation_decisions
  for each statement execute function private.refuse_change();

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
