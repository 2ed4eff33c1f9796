-- claim_notices(20, '2 minutes') → [{id, proposalId, recipient, locale, kind, params, subject, body, attempts}]
-- For the sender (vitrine_mailer only: through the Supabase API it would hand anyone the mail):
-- the notices due, oldest first, each claimed for `lease` so that two senders running at once
-- never send the same one. A notice whose last claim ended without an outcome (its sender died
-- mid-send) is due again once, as interrupted; interrupted a second time, it is failed instead of
-- sent a third time.
create or replace function public.claim_notices(batch integer default 20, lease interval default '2 minutes')
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  claimed jsonb;
begin
  update public.outbox o set failed_at = now(), claimed_until = null, last_error = 'interrupted twice while sending'
    where o.sent_at is null and o.failed_at is null and o.interrupted and o.claimed_until < now();
  with due as (
    select o.id from public.outbox o
    where o.sent_at is null and o.failed_at is null and o.next_attempt_at <= now()
      and (o.claimed_until is null or o.claimed_until < now())
    order by o.next_attempt_at, o.id
    limit greatest(batch, 1)
    for update skip locked
  ), taken as (
    update public.outbox o set
        attempts = o.attempts + 1,
        interrupted = o.interrupted or o.claimed_until is not null,
        claimed_until = now() + lease
      from due where o.id = due.id
      returning o.*
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', t.id, 'proposalId', t.proposal_id, 'recipient', t.recipient, 'locale', t.locale, 'kind', t.kind,
      'params', t.params, 'subject', t.subject, 'body', t.body, 'attempts', t.attempts) order by t.id), '[]')
    into claimed from taken t;
  return claimed;
end
$$;
