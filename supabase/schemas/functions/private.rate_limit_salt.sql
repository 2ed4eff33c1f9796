-- The random salt of the day (UTC) that keys the hash of client addresses, made on the day's first
-- call. Salts and the buckets counted with them are deleted after 48 hours: past that, nothing ties
-- a bucket to an address, not even for whoever holds the database (Quebec's Law 25).
-- security definer: the salts table is readable by no API role.
create or replace function private.rate_limit_salt() returns text
language plpgsql security definer
set search_path = ''
as $$
declare
  today date := (now() at time zone 'utc')::date;
  value text;
begin
  select s.salt into value from private.rate_limit_salts s where s.day = today;
  if value is null then
    insert into private.rate_limit_salts (day, salt)
      values (today, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
      on conflict (day) do nothing;
    select s.salt into value from private.rate_limit_salts s where s.day = today;
    delete from private.rate_limit_salts where day < today - 1;
    delete from private.rate_limits where window_start < now() - interval '48 hours';
  end if;
  return value;
end
$$;
