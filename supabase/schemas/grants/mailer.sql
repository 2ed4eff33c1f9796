-- The sender (vitrine_mailer: functions/send-notices, `npm start`'s sender) claims and settles
-- notices, and nothing else.
grant usage on schema public to vitrine_mailer;
grant execute on function public.claim_notices(integer, interval), public.settle_notice(bigint, text), public.release_notices(bigint[])
  to vitrine_mailer;
