-- close_listing(listing) → {closed: true}
-- An owner takes the listing out of the catalogue (a rebuild follows). The listing keeps its page
-- address, which no other business will get; its owners stay, and its contact data is erased once
-- none remains (private.erase_if_ownerless). Reopening is a moderator's decision.
create or replace function public.close_listing(target uuid) returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  listing public.listings;
begin
  perform private.require_member(target, owner_only => true);
  update public.listings set status = 'withdrawn', version = version + 1, updated_at = now()
    where id = target and status = 'published' returning * into listing;
  if listing.id is not null then
    insert into public.journal (action, listing_id, actor_id, listing_change, listing_version)
      values ('close', target, auth.uid(), 'closed', listing.version);
    insert into public.rebuild_requests (reason) values ('1 listing closed by its owner');
  end if;
  return jsonb_build_object('closed', true);
end
$$;
