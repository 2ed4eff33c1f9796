-- settle_notice(42, null) → 'sent': notice 42 was delivered. settle_notice(42, 'SMTP 451 …') →
-- 'retry' or 'failed': it was not; it is due again after 1, 2, 4, 8 minutes, and failed after the
-- fifth try. For the sender only (vitrine_mailer). A notice already settled, or not claimed, is
-- left as it is (null).
create or replace function public.settle_notice(notice_id bigint, error text)
returns text
language plpgsql security definer
set search_path = ''
as $$
declare
  outcome text;
begin
  update public.outbox o set
      sent_at = case when error is null then now() end,
      failed_at = case when error is not null and o.attempts >= 5 then now() end,
      last_error = left(error, 1000),
      next_attempt_at = case when error is null then o.next_attempt_at else now() + make_interval(mins => power(2, least(o.attempts, 5) - 1)::integer) end,
      claimed_until = null
    where o.id = notice_id and o.sent_at is null and o.failed_at is null and o.claimed_until is not null
    returning case when o.sent_at is not null then 'sent' when o.failed_at is not null then 'failed' else 'retry' end into outcome;
  return outcome;
end
$$;
