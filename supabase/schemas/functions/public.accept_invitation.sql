-- accept_invitation(id) → {listingId, role}
-- The account signed in with the invited address joins the listing (an owner stays an owner when
-- invited as an editor). An invitation for another address, used or expired is not found (VT404).
create or replace function public.accept_invitation(invitation uuid) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  i public.invitations;
  kept public.member_role;
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = 'VT401';
  end if;
  select * into i from public.invitations
    where id = invitation and lower(email) = lower(auth.email()) and accepted_at is null and expires_at > now()
    for update;
  if i.id is null then
    raise exception 'no such invitation' using errcode = 'VT404';
  end if;
  insert into public.listing_members as m (listing_id, user_id, role) values (i.listing_id, auth.uid(), i.role)
    on conflict (listing_id, user_id) do update set role = case when m.role = 'owner' then m.role else excluded.role end
    returning m.role into kept;
  update public.invitations set accepted_at = now(), accepted_by = auth.uid() where id = i.id;
  perform private.journal_member('join', i.listing_id, kept);
  return jsonb_build_object('listingId', i.listing_id, 'role', kept);
end
$$;
