-- request_transfer('fromagerie-b-lac-megantic', '1161234567', 'Notre ancienne adresse courriel est fermée.') → {id, neqMatches}
-- A signed-in business whose listing's contact address no longer works asks a moderator for it,
-- with its NEQ and a reason. One open request per account and listing (asking again updates it).
create or replace function public.request_transfer(listing_slug text, neq text, reason text) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  request uuid;
  target uuid;
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = 'VT401';
  end if;
  select l.id into target from public.listings l where l.slug = listing_slug and l.status = 'published';
  if target is null then
    raise exception 'no such listing' using errcode = 'VT404';
  end if;
  if private.member_role(target) = 'owner' then
    raise exception 'already an owner' using errcode = 'VT409',
      detail = jsonb_build_object('message', 'account.error.alreadyOwner')::text;
  end if;
  if not private.is_well_formed_neq(btrim(request_transfer.neq)) then
    raise exception 'malformed NEQ' using errcode = 'VT400', detail = jsonb_build_object('field', 'neq', 'message', 'register.neq.invalid')::text;
  end if;
  if coalesce(length(btrim(request_transfer.reason)), 0) not between 1 and 2000 then
    raise exception 'a reason is required' using errcode = 'VT400', detail = jsonb_build_object('field', 'reason', 'message', 'account.transfer.reason_required')::text;
  end if;
  insert into public.transfer_requests as t (listing_id, requested_by, neq, reason) values (target, auth.uid(), btrim(request_transfer.neq), btrim(request_transfer.reason))
    on conflict (listing_id, requested_by) where status = 'pending' do update set neq = excluded.neq, reason = excluded.reason, created_at = now()
    returning t.id into request;
  return jsonb_build_object('id', request);
end
$$;
