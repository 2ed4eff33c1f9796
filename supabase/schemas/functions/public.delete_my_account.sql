-- delete_my_account() → {deleted: true, listingsLeft: n}
-- Erases the caller's account (Law 25): its memberships, the invitations sent to its address, its
-- transfer requests, the notices addressed to it, then the account itself (auth.users; on Supabase
-- that also ends its sessions). The journal keeps the account's id on its entries, which names no
-- one once the account is gone, and one 'delete_account' entry per listing left. Refused (VT409),
-- with nothing erased, while the caller is the last owner of a published listing.
create or replace function public.delete_my_account() returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  me uuid := auth.uid();
  address text := lower(auth.email());
  blocking text;
  left_listings uuid[];
  listing uuid;
begin
  if me is null then
    raise exception 'sign in first' using errcode = 'VT401';
  end if;
  perform 1 from public.listing_members m
    where m.listing_id in (select listing_id from public.listing_members where user_id = me) order by m.listing_id, m.user_id for update;
  select l.name into blocking from public.listing_members m join public.listings l on l.id = m.listing_id
    where m.user_id = me and m.role = 'owner' and l.status = 'published'
      and not exists (select 1 from public.listing_members o where o.listing_id = m.listing_id and o.role = 'owner' and o.user_id <> me)
    limit 1;
  if found then
    raise exception 'last owner of "%": hand over ownership or close the listing first', blocking using errcode = 'VT409',
      detail = jsonb_build_object('message', 'account.error.lastOwnerOf', 'params', jsonb_build_object('name', blocking))::text;
  end if;
  select array_agg(listing_id) into left_listings from public.listing_members where user_id = me;
  delete from public.listing_members where user_id = me;
  foreach listing in array coalesce(left_listings, '{}') loop
    perform private.journal_member('delete_account', listing);
    perform private.erase_if_ownerless(listing);
  end loop;
  delete from public.invitations where lower(email) = address;
  delete from public.transfer_requests where requested_by = me;
  delete from public.outbox where lower(recipient) = address and listing_id is not null and proposal_id is null;
  update public.proposals set proposed_by = null where proposed_by = me;
  delete from auth.users where id = me;
  return jsonb_build_object('deleted', true, 'listingsLeft', coalesce(cardinality(left_listings), 0));
end
$$;
