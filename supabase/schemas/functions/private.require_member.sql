-- The first line of every member's function: VT401 for nobody signed in; VT404 for a listing the
-- caller is not a member of (whether it exists is none of their business); VT403 for an editor
-- where an owner is needed. Returns the caller's role.
create or replace function private.require_member(listing uuid, owner_only boolean default false) returns public.member_role
language plpgsql stable
set search_path = ''
as $$
declare
  found_role public.member_role;
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = 'VT401';
  end if;
  found_role := private.member_role(listing);
  if found_role is null then
    raise exception 'no such listing among yours' using errcode = 'VT404';
  end if;
  if owner_only and found_role <> 'owner' then
    raise exception 'owners only' using errcode = 'VT403',
      detail = jsonb_build_object('message', 'account.error.ownersOnly')::text;
  end if;
  return found_role;
end
$$;
