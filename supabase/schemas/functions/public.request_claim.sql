-- request_claim('boulangerie-du-coin-lac-megantic', bucket) → {sent: true}
-- "This is my business", from a listing's page: the listing's contact address is invited to own
-- it. The answer is the same whether anything was sent, so it tells nothing about the listing;
-- nothing is sent when an owner already holds the listing or an invitation went out in the last
-- hour. Only vitrine_registrar calls it, with the client's rate-limit bucket.
create or replace function public.request_claim(listing_slug text, client_bucket text) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  listing public.listings;
begin
  perform private.admit_registration(client_bucket);
  select * into listing from public.listings l where l.slug = listing_slug and l.status = 'published';
  if listing.id is null then
    raise exception 'no such listing' using errcode = 'VT404';
  end if;
  if not exists (select 1 from public.listing_members m where m.listing_id = listing.id and m.role = 'owner')
     and not exists (select 1 from public.invitations i where i.listing_id = listing.id and lower(i.email) = lower(listing.contact_email)
                     and i.accepted_at is null and i.created_at > now() - interval '1 hour') then
    perform private.invite(listing, listing.contact_email, 'owner', 'claim');
  end if;
  return jsonb_build_object('sent', true);
end
$$;
