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
create index outbox_due_idx on public.outbox (next_attempt_at, id) where sent_at is null and failed_at is null;
-- The outbox page searches every notice by recipient and pages through them newest first.
create index outbox_recipient_idx on public.outbox (lower(recipient));
create index outbox_created_idx on public.outbox (created_at desc, id desc);
-- An applicant who lost its link asks for it by its contact address.
create index proposals_contact_email_idx on public.proposals (lower(fields ->> 'contact_email')) where kind = 'create';

-- The same business sent again by the same client within the hour (a slow answer, a form sent
-- again after a change, without the script's Idempotency-Key): a hash of the client's bucket of the
-- day, the contact address and the NEQ finds the registration it repeats (public.register_merchant).
alter table public.proposals add column retry_key text check (length(retry_key) = 64);
create index proposals_retry_key_idx on public.proposals (retry_key, created_at) where status = 'pending' and retry_key is not null;
