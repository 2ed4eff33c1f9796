-- decide_transfer(request, 'approve' | 'reject', reason) → {status}
-- A moderator's decision on a transfer request: approved, the requester becomes an owner of the
-- listing (beside any owner there is); either way it is journaled and the requester is told.
create or replace function public.decide_transfer(request uuid, decision text, reason text default null) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  t public.transfer_requests;
  listing public.listings;
  requester text;
begin
  perform private.require_moderator();
  if decision is null or decision not in ('approve', 'reject') then
    raise exception 'decision must be approve or reject' using errcode = 'VT400';
  end if;
  if decision = 'reject' and coalesce(btrim(decide_transfer.reason), '') = '' then
    raise exception 'a reason is required to reject' using errcode = 'VT400',
      detail = jsonb_build_object('field', 'reason', 'message', 'moderation.reason.required')::text;
  end if;
  select * into t from public.transfer_requests where id = request for update;
  if t.id is null then
    raise exception 'no such request' using errcode = 'VT404';
  end if;
  if t.status <> 'pending' then
    return jsonb_build_object('status', t.status);
  end if;
  update public.transfer_requests set status = case decision when 'approve' then 'approved' else 'rejected' end,
      decided_at = now(), decided_by = auth.uid(), decision_reason = nullif(btrim(decide_transfer.reason), '')
    where id = request;
  if decision = 'approve' then
    insert into public.listing_members (listing_id, user_id, role) values (t.listing_id, t.requested_by, 'owner')
      on conflict (listing_id, user_id) do update set role = 'owner';
  end if;
  insert into public.journal (action, listing_id, actor_id, actor_email, member_role, reason)
    values ('transfer_' || decision, t.listing_id, auth.uid(), auth.email(), case when decision = 'approve' then 'owner'::public.member_role end,
            nullif(btrim(decide_transfer.reason), ''));
  select * into listing from public.listings where id = t.listing_id;
  select email into requester from auth.users where id = t.requested_by;
  if requester is not null then
    insert into public.outbox (listing_id, recipient, locale, kind, params)
      values (listing.id, requester, listing.locale, 'transfer', jsonb_strip_nulls(jsonb_build_object(
        'name', listing.name, 'decision', decision, 'reason', nullif(btrim(decide_transfer.reason), ''),
        'statusPath', case listing.locale when 'en' then '/en/account/' else '/compte/' end)));
  end if;
  return jsonb_build_object('status', case decision when 'approve' then 'approved' else 'rejected' end);
end
$$;
