-- A closed listing that no owner holds any more keeps its name, address and page address (never
-- given to another business) but not its contact data: its contact e-mail and phone are erased,
-- from the listing and from the proposals that carried them. Returns whether it erased.
create or replace function private.erase_if_ownerless(listing uuid) returns boolean
language plpgsql
set search_path = ''
as $$
begin
  if exists (select 1 from public.listing_members m where m.listing_id = listing and m.role = 'owner')
     or exists (select 1 from public.listings l where l.id = listing and l.status = 'published') then
    return false;
  end if;
  update public.listings set contact_email = null, phone = null, updated_at = now() where id = listing;
  update public.proposals set fields = fields - 'contact_email' - 'phone' where listing_id = listing;
  delete from public.invitations where listing_id = listing and accepted_at is null;
  return true;
end
$$;
