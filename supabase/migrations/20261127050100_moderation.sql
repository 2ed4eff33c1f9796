-- Moderation: moderators decide on submissions one by one or in bulk; every decision is kept in an
-- append-only journal, queues a notice to the merchant, and approvals ask for a rebuild of the site.
-- The functions, the append-only triggers and the policies are in supabase/schemas.

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

-- TRUNCATE ignores row-level security and row triggers, and TRIGGER lets a role attach code to a
-- table; the API roles need neither, but the platform's default privileges grant them.
alter default privileges in schema public revoke truncate, trigger on tables from anon, authenticated;

-- Registration counts attempts per client inside register_merchant, which only this role may call
-- (supabase/schemas/grants/vitrine_registrar.sql): called straight through the Supabase API it could
-- be given any client bucket, or none, and skip the limit.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'vitrine_registrar') then
    create role vitrine_registrar nologin noinherit;
  end if;
end
$$;
grant vitrine_registrar to current_user;
