-- set_member_role(listing, member, 'owner') → {role}
-- An owner makes an editor an owner (handing over ownership), or makes an owner an editor: another
-- owner only with their consent, that is, themselves, and never the last owner (VT409).
create or replace function public.set_member_role(target uuid, member uuid, role public.member_role) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  theirs public.member_role;
begin
  perform private.require_member(target, owner_only => true);
  perform 1 from public.listing_members where listing_id = target order by user_id for update;
  select m.role into theirs from public.listing_members m where m.listing_id = target and m.user_id = member;
  if theirs is null then
    raise exception 'not a member' using errcode = 'VT404';
  end if;
  if theirs = 'owner' and set_member_role.role = 'editor' then
    if member <> auth.uid() then
      raise exception 'an owner steps down only themselves' using errcode = 'VT403';
    end if;
    if not exists (select 1 from public.listing_members m where m.listing_id = target and m.role = 'owner' and m.user_id <> member) then
      raise exception 'the last owner hands over ownership first' using errcode = 'VT409',
        detail = jsonb_build_object('message', 'account.error.lastOwner')::text;
    end if;
  end if;
  update public.listing_members m set role = set_member_role.role where m.listing_id = target and m.user_id = member;
  perform private.journal_member('change_role', target, set_member_role.role);
  return jsonb_build_object('role', set_member_role.role);
end
$$;
