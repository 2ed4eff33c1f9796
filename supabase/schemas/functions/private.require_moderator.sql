-- The first line of every moderators' function: VT401 for nobody signed in, VT403 for anyone else
-- than a moderator or the service role (a reviewed server job).
create or replace function private.require_moderator() returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if auth.uid() is null and auth.role() is distinct from 'service_role' then
    raise exception 'sign in as a moderator' using errcode = 'VT401';
  end if;
  if not private.is_moderator() and auth.role() is distinct from 'service_role' then
    raise exception 'moderators only' using errcode = 'VT403';
  end if;
end
$$;
