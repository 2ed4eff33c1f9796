-- Counts one attempt for a client bucket (a salted hash of its address, never the address); false
-- once it made the allowed number in the window (private.settings 'registrations_per_minute').
create or replace function private.take_rate_limit(client_bucket text, window_seconds integer default 60) returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  current_window timestamptz := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
  allowed integer := coalesce((select (value #>> '{}')::integer from private.settings where name = 'registrations_per_minute'), 20);
  hits_now integer;
begin
  insert into private.rate_limits as r (bucket, window_start) values (client_bucket, current_window)
    on conflict (bucket, window_start) do update set hits = r.hits + 1
    returning r.hits into hits_now;
  -- Old windows are useless; sweep them now and then rather than on every call.
  if random() < 0.01 then
    delete from private.rate_limits where window_start < now() - interval '48 hours';
  end if;
  return hits_now <= allowed;
end
$$;
