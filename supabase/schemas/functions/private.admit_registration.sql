-- The first line of a registration or a resubmission: refuses one without a client bucket (VT428),
-- rather than counting it with everyone else's, and one past the client's allowance (VT429).
create or replace function private.admit_registration(client_bucket text) returns void
language plpgsql
set search_path = ''
as $$
begin
  if client_bucket is null then
    raise exception 'no client address' using errcode = 'VT428';
  end if;
  if not private.take_rate_limit(client_bucket) then
    raise exception 'rate_limited' using errcode = 'VT429';
  end if;
end
$$;
