-- remove_member(listing, member) → {removed: true}
-- Anyone leaves (member = their own id); an owner removes editors. An editor cannot remove anyone
-- else, an owner cannot remove another owner (who leaves, or steps down, themselves), and the last
-- owner of a published listing cannot leave: hand over ownership or close the listing first (VT409).
create or replace function public.remove_member(target uuid, member uuid) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  mine public.member_role := private.require_member(target);
  theirs public.member_role;
begin
  -- Lock the listing's members so two owners leaving at once cannot both be "not the last".
  perform 1 from public.listing_members where listing_id = target order by user_id for update;
  select role into theirs from public.listing_members where listing_id = target and user_id = member;
  if theirs is null then
    raise exception 'not a member' using errcode = 'VT404';
  end if;
  if member <> auth.uid() and (mine <> 'owner' or theirs = 'owner') then
    raise exception 'owners remove editors; owners leave themselves' using errcode = 'VT403',
      detail = jsonb_build_object('message', 'account.error.removeOwner')::text;
  end if;
  if theirs = 'owner' and (select status from public.listings where id = target) = 'published'
     and not exists (select 1 from public.listing_members where listing_id = target and role = 'owner' and user_id <> member) then
    raise exception 'the last owner hands over ownership or closes the listing first' using errcode = 'VT409',
      detail = jsonb_build_object('message', 'account.error.lastOwner')::text;
  end if;
  delete from public.listing_members where listing_id = target and user_id = member;
  perform private.journal_member(case when member = auth.uid() then 'leave' else 'remove_member' end, target, theirs);
  perform private.erase_if_ownerless(target);
  return jsonb_build_object('removed', true);
end
$$;
