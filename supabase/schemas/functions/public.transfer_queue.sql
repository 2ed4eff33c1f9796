-- transfer_queue() → [{id, listing: {id, slug, name, city, neq, contactEmail}, email, neq, neqMatches, reason, createdAt}]
-- The transfer requests waiting, oldest first, each beside the listing it asks for: moderators only.
create or replace function public.transfer_queue() returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_moderator();
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', t.id, 'email', u.email, 'neq', t.neq, 'neqMatches', t.neq = l.neq, 'reason', t.reason, 'createdAt', t.created_at,
      'listing', jsonb_build_object('id', l.id, 'slug', l.slug, 'name', l.name, 'city', l.city, 'neq', l.neq, 'contactEmail', l.contact_email,
                                    'owners', (select count(*) from public.listing_members m where m.listing_id = l.id and m.role = 'owner')))
      order by t.created_at)
    from public.transfer_requests t join public.listings l on l.id = t.listing_id left join auth.users u on u.id = t.requested_by
    where t.status = 'pending'), '[]');
end
$$;
