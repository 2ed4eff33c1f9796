-- Merchant accounts (issue 12): signed-in users may call these; each function's first line
-- (private.require_member, or auth.uid()) and row-level security decide for which listings. No
-- INSERT, UPDATE or DELETE on any table: every change goes through the journaled functions.
grant select on public.listing_members, public.invitations, public.transfer_requests to authenticated, service_role;
grant execute on function
  public.my_account(),
  public.export_my_data(),
  public.propose_listing_change(uuid, jsonb, integer),
  public.revert_change(bigint),
  public.invite_member(uuid, text, public.member_role),
  public.accept_invitation(uuid),
  public.remove_member(uuid, uuid),
  public.set_member_role(uuid, uuid, public.member_role),
  public.close_listing(uuid),
  public.delete_my_account(),
  public.request_transfer(text, text, text),
  public.transfer_queue(),
  public.decide_transfer(uuid, text, text),
  public.member_changes(integer)
  to authenticated, service_role;
-- What the policies and the functions that run with the caller's rights call.
grant execute on function private.member_role(uuid), private.co_member_email(uuid), private.invited_listing_name(uuid)
  to authenticated, service_role;
-- "This is my business" on a listing's page goes through the registrar role, with the client's bucket.
grant execute on function public.request_claim(text, text) to vitrine_registrar;
