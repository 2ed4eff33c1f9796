-- Notices are sent. A sender (functions/send-notices on Netlify, `npm start` locally) claims the
-- notices due, delivers them over SMTP and records how it went: sent, or an error and when to try
-- again, or failed after the last try. A claim is a lease: a sender that dies mid-send leaves the
-- notice claimed until the lease ends; it is then sent once more (with the same Message-ID, so the
-- receiving server can tell it is the same message), and never a third time.
-- Two notices besides decisions: "we received your registration" with the private status link,
-- and the link again for an applicant who lost it.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'vitrine_mailer') then
    create role vitrine_mailer nologin noinherit;
  end if;
end
$$;
grant vitrine_mailer to current_user;

alter table public.outbox
  add column attempts integer not null default 0 check (attempts >= 0),
  -- Due from then; pushed back after a failed try.
  add column next_attempt_at timestamptz not null default now(),
  -- Claimed by a sender until then (null: not being sent).
  add column claimed_until timestamptz,
  -- A claim that ended without an outcome (the sender died): the one resend is spent.
  add column interrupted boolean not null default false,
  add column last_error text check (length(last_error) <= 1000),
  add column failed_at timestamptz,
  drop constraint outbox_kind_check,
  add constraint outbox_kind_check check (kind in ('approve', 'reject', 'request_changes', 'received', 'status_link')),
  add constraint sent_or_failed_not_both check (sent_at is null or failed_at is null);
drop index public.outbox_unsent_idx;
-- Notices queued before senders existed were never delivered. Those of the last week still go out
-- (a decision a few days old is news); older ones would confuse (a "changes requested" for a
-- registration decided since): they are marked failed, with why, and stay on the outbox page.
update public.outbox set failed_at = now(), last_error = 'queued before notices were sent automatically'
  where sent_at is null and created_at < now() - interval '7 days';
create index outbox_due_idx on public.outbox (next_attempt_at, id) where sent_at is null and failed_at is null;
-- The outbox page searches every notice by recipient and pages through them newest first.
create index outbox_recipient_idx on public.outbox (lower(recipient));
create index outbox_created_idx on public.outbox (created_at desc, id desc);
-- An applicant who lost its link asks for it by its contact address.
create index proposals_contact_email_idx on public.proposals (lower(fields ->> 'contact_email')) where kind = 'create';

