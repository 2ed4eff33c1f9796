-- invite_member(listing, 'associe@exemple.ca', 'editor') → {invitationId}
-- An owner invites someone, by e-mail, to edit the listing or to own it with them.
create or replace function public.invite_member(target uuid, address text, role public.member_role) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  listing public.listings;
begin
  perform private.require_member(target, owner_only => true);
  if address is null or address !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or length(address) > 254 then
    raise exception 'invalid e-mail address' using errcode = 'VT400',
      detail = jsonb_build_object('field', 'email', 'message', 'validation.email')::text;
  end if;
  select * into listing from public.listings where id = target;
  return jsonb_build_object('invitationId', private.invite(listing, address, role, 'member'));
end
$$;
