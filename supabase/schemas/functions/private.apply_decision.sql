-- apply_decision(array[…], 'approve', null)
-- Carries out a decision on proposals: the only function that writes public.listings, and the one
-- that journals. For each proposal not already in the decided state, in their order of arrival:
--   approve          a creation publishes its listing (created, or republished if withdrawn);
--                    a change applies its fields and raises the listing's version;
--   reject, request  a creation whose listing is published withdraws it;
--   changes
-- then records the proposal's new status, one journal row (who, why, what it did to the listing),
-- one notice to the merchant, and, when the catalogue changed (a listing in or out of it, or a
-- published one changed), one rebuild request for the whole batch; the registrations waiting
-- that share an identifier with them get their pre-checks computed again. The caller has
-- checked who decides and whether they may; the actor is the caller's token (auth.uid/email), or
-- nobody for the service role. A member's own change (journal_action 'publish' or 'revert') is
-- journaled as such and sends no notice. Returns the ids it changed.
create or replace function private.apply_decision(ids uuid[], decision text, reason text, journal_action text default null) returns uuid[]
language plpgsql security definer
set search_path = ''
as $$
declare
  target public.proposal_status := case decision when 'approve' then 'approved' when 'reject' then 'rejected' else 'changes_requested' end;
  p public.proposals;
  listing public.listings;
  before public.listings;
  change text;
  changed uuid[] := '{}';
  catalogue_changes integer := 0;
  clean_reason text := nullif(btrim(reason), '');
begin
  for p in select * from public.proposals where id = any(ids) and status <> target order by created_at, id loop
    change := null;
    select * into listing from public.listings where id = p.listing_id;
    if decision = 'approve' and p.kind = 'create' and listing.id is null then
      insert into public.listings (
        id, slug, name, category_slug, description_fr, description_en, street_address, city, municipality_code,
        region_code, postal_code, latitude, longitude, location_precision, phone, website, social_links, opening_hours,
        ways_to_buy, contact_email, neq, locale, published_at
      )
      select p.id, private.new_listing_slug(f.name, f.city), f.name, f.category_slug, coalesce(f.description_fr, ''),
        coalesce(f.description_en, ''), coalesce(f.street_address, ''), f.city, f.municipality_code, f.region_code,
        -- Defaults of the fields' own domain types: the values, already checked as the record was
        -- populated, are not coerced (and checked) again on their way into the listing.
        f.postal_code, f.latitude, f.longitude,
        case when f.latitude is null then 'none' else coalesce(f.location_precision, 'town') end::public.location_precision,
        f.phone, f.website, coalesce(f.social_links, '{}'::public.web_addresses),
        coalesce(f.opening_hours, '{}'::public.opening_hours), coalesce(f.ways_to_buy, '{}'::public.ways_to_buy),
        f.contact_email, f.neq, p.locale, now()
      from jsonb_populate_record(null::public.listing_fields, p.fields) f
      returning * into listing;
      change := 'created';
      -- The business manages its listing from its account: its contact address is invited to own it.
      insert into public.invitations (listing_id, email, role, origin) values (listing.id, listing.contact_email, 'owner', 'approval')
        on conflict do nothing;
    elsif decision = 'approve' and p.kind = 'create' and listing.status = 'withdrawn' then
      update public.listings set status = 'published', published_at = now(), updated_at = now()
        where id = listing.id returning * into listing;
      change := 'republished';
    elsif decision = 'approve' and p.kind = 'change' then
      before := listing;
      update public.listings l set
          name = coalesce(f.name, l.name), category_slug = coalesce(f.category_slug, l.category_slug),
          description_fr = case when p.fields ? 'description_fr' then coalesce(f.description_fr, '') else l.description_fr end,
          description_en = case when p.fields ? 'description_en' then coalesce(f.description_en, '') else l.description_en end,
          street_address = case when p.fields ? 'street_address' then coalesce(f.street_address, '') else l.street_address end,
          city = coalesce(f.city, l.city),
          municipality_code = case when p.fields ? 'municipality_code' then f.municipality_code else l.municipality_code end,
          region_code = case when p.fields ? 'region_code' then f.region_code else l.region_code end,
          postal_code = coalesce(f.postal_code, l.postal_code),
          latitude = case when p.fields ? 'latitude' then f.latitude else l.latitude end,
          longitude = case when p.fields ? 'longitude' then f.longitude else l.longitude end,
          location_precision = case
            when p.fields ? 'latitude' and f.latitude is null then 'none'
            when p.fields ? 'location_precision' then f.location_precision
            when p.fields ? 'latitude' and l.location_precision = 'none' then 'pin'
            else l.location_precision end,
          phone = case when p.fields ? 'phone' then f.phone else l.phone end,
          website = case when p.fields ? 'website' then f.website else l.website end,
          social_links = case when p.fields ? 'social_links' then coalesce(f.social_links, '{}') else l.social_links end,
          opening_hours = case when p.fields ? 'opening_hours' then coalesce(f.opening_hours, '{}') else l.opening_hours end,
          ways_to_buy = case when p.fields ? 'ways_to_buy' then coalesce(f.ways_to_buy, '{}') else l.ways_to_buy end,
          contact_email = coalesce(f.contact_email, l.contact_email),
          neq = case when p.fields ? 'neq' then f.neq else l.neq end,
          version = l.version + 1,
          field_versions = l.field_versions || (select jsonb_object_agg(k, l.version + 1) from jsonb_object_keys(p.fields) k),
          updated_at = now()
        from jsonb_populate_record(null::public.listing_fields, p.fields) f
        where l.id = listing.id
        returning l.* into listing;
      change := 'changed';
    elsif decision <> 'approve' and p.kind = 'create' and listing.status = 'published' then
      update public.listings set status = 'withdrawn', updated_at = now() where id = listing.id returning * into listing;
      change := 'withdrawn';
    end if;

    update public.proposals set status = target, decision_reason = clean_reason, decided_at = now(), decided_by = auth.uid(),
        listing_id = coalesce(listing.id, listing_id)
      where id = p.id;
    insert into public.journal (action, proposal_id, listing_id, actor_id, actor_email, reason, previous_status, listing_change, listing_version, changes)
      values (coalesce(journal_action, decision), p.id, listing.id, auth.uid(),
              -- A moderator answers for decisions by name; a member's entry keeps no e-mail (personal data).
              case when private.is_moderator() then auth.email() end, clean_reason, p.status, change,
              case when change is not null then listing.version end,
              case when change = 'changed' then (
                select jsonb_object_agg(k, jsonb_build_array(to_jsonb(before) -> k, to_jsonb(listing) -> k))
                from jsonb_object_keys(p.fields) k where k <> 'contact_email') end);
    if journal_action is null then
      insert into public.outbox (proposal_id, listing_id, recipient, locale, kind, params)
        values (p.id, listing.id, coalesce(listing.contact_email, p.fields ->> 'contact_email'), p.locale, decision, jsonb_strip_nulls(jsonb_build_object(
          'name', coalesce(listing.name, p.fields ->> 'name'),
          'reason', clean_reason,
          'listingPath', case when listing.status = 'published' then '/commerces/' || listing.slug || '/' end,
          -- A member's change is followed from the merchant space; a registration from its status page.
          'statusPath', case when p.kind = 'change' then case p.locale when 'en' then '/en/account/' else '/compte/' end
                             else private.status_path(p.id, p.locale) end,
          'accountPath', case when change = 'created' then case p.locale when 'en' then '/en/account/' else '/compte/' end end,
          'change', case when p.kind = 'change' then true end)));
    end if;
    changed := changed || p.id;
    if change in ('created', 'republished', 'withdrawn') or (change = 'changed' and listing.status = 'published') then
      catalogue_changes := catalogue_changes + 1;
    end if;
  end loop;

  if catalogue_changes > 0 then
    insert into public.rebuild_requests (reason) values (format('%s listing(s) %s', catalogue_changes, case
      when journal_action = 'publish' then 'changed by their members' when journal_action = 'revert' then 'reverted'
      when decision = 'approve' then 'approved' else 'withdrawn' end));
  end if;
  -- The registrations still waiting that share an identifier with those decided (the same NEQ,
  -- phone, website, or name in the same town) get their duplicate check computed again, so that
  -- the console shows, and "approve every passing" counts, what is true now.
  perform private.refresh_checks(array(
    select distinct o.id from public.proposals d join public.proposals o
      on o.status = 'pending' and o.kind = 'create' and o.id <> d.id
      and (o.fields ->> 'neq' = d.fields ->> 'neq' or o.fields ->> 'phone' = d.fields ->> 'phone'
           or lower(o.fields ->> 'website') = lower(d.fields ->> 'website')
           or private.same_town_and_name(o.fields ->> 'city', o.fields ->> 'municipality_code', o.fields ->> 'name',
                                         d.fields ->> 'city', d.fields ->> 'municipality_code', d.fields ->> 'name'))
    where d.id = any(changed) and o.id <> all(changed)));
  return changed;
end
$$;
