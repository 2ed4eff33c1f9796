-- Invites an address to a listing: one open invitation per address and listing (a new one renews
-- it), and the notice that carries it, in the listing's language. Returns the invitation's id.
create or replace function private.invite(listing public.listings, address text, role public.member_role, origin text) returns uuid
language plpgsql
set search_path = ''
as $$
declare
  invitation uuid;
begin
  insert into public.invitations as i (listing_id, email, role, origin, invited_by)
    values (listing.id, lower(btrim(address)), role, origin, auth.uid())
    on conflict (listing_id, lower(email)) where accepted_at is null
    do update set role = excluded.role, origin = excluded.origin, invited_by = excluded.invited_by,
                  created_at = now(), expires_at = now() + interval '30 days'
    returning i.id into invitation;
  insert into public.outbox (listing_id, recipient, locale, kind, params)
    values (listing.id, lower(btrim(address)), listing.locale, 'invitation', jsonb_build_object(
      'name', listing.name, 'role', role, 'origin', origin,
      'statusPath', case listing.locale when 'en' then '/en/account/' else '/compte/' end,
      'listingPath', '/commerces/' || listing.slug || '/'));
  return invitation;
end
$$;
