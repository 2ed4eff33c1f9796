-- release_notices(array[41, 42]): notices a sender claimed and will not send in this run (its time
-- is up) are due again at once, as if never claimed, so that they are not counted as interrupted.
-- For the sender only (vitrine_mailer).
create or replace function public.release_notices(ids bigint[])
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.outbox o set claimed_until = null, attempts = greatest(o.attempts - 1, 0)
    where o.id = any(ids) and o.sent_at is null and o.failed_at is null and o.claimed_until is not null;
end
$$;
