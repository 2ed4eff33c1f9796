-- What the moderators' console needs beyond the moderation API: a submission beside the listings it
-- may duplicate (the pre-check names only the first one, in a sentence), and "approve every
-- submission that passes all checks" made safe: the moderator confirms a count of listed ids, and
-- exactly those are approved, or none when any of them changed meanwhile.

/** A listing's fields as moderators compare them (private fields included: moderators only). */
create function private.listing_fields(m public.merchants) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', m.id, 'name', m.name, 'slug', m.slug, 'status', m.status, 'category', m.category_slug,
    'address', m.street_address, 'city', m.city, 'region', m.region_code, 'postalCode', m.postal_code,
    'neq', m.neq, 'phone', m.phone, 'website', m.website, 'email', m.contact_email,
    'descriptionFr', m.description_fr, 'descriptionEn', m.description_en, 'locale', m.submitted_locale,
    'submittedAt', m.created_at)
$$;
-- It reads nothing but the row it is given; the callers below check that a moderator asks.
grant execute on function private.listing_fields(public.merchants) to authenticated, service_role;

/** The queue's filters, for the bulk approval to count the same listings the moderator sees. */
create function private.matches_filters(m public.merchants, q text, category text, region text) returns boolean
language sql stable
set search_path = ''
as $$
  select (category is null or m.category_slug = category)
     and (region is null or m.region_code = region)
     and (q is null or private.fold(m.name || ' ' || m.city || ' ' || coalesce(m.neq, '')) like '%' || private.fold(q) || '%')
$$;
grant execute on function private.matches_filters(public.merchants, text, text, text) to authenticated, service_role;

/** Pending, every pre-check passed, and publishable: what "approve all that pass" may approve. */
create function private.passes_all_checks(m public.merchants) returns boolean
language sql stable
set search_path = ''
as $$
  select m.status = 'pending' and m.checks_outcome = 'pass' and private.is_publishable(m.neq, m.postal_code, m.region_code)
$$;
grant execute on function private.passes_all_checks(public.merchants) to authenticated, service_role;

/**
 * moderation_compare('5b0e…') → {submission: {...}, duplicates: [{..., matches: ['neq', 'phone']}]}
 * A listing and up to 10 published or waiting listings it may duplicate, by the pre-check's rules
 * (same NEQ, phone or website, or near-identical name in the same town), published ones first.
 * Moderators only; runs with the caller's rights.
 */
create function public.moderation_compare(merchant_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  m public.merchants;
  duplicates jsonb;
begin
  perform private.require_moderator();
  select * into m from public.merchants where id = moderation_compare.merchant_id;
  if m.id is null then
    raise exception 'unknown merchant' using errcode = 'VT404';
  end if;
  select coalesce(jsonb_agg(private.listing_fields(o.listing) || jsonb_build_object('matches', to_jsonb(o.matches)) order by o.rank), '[]')
    into duplicates
    from (
      select c as listing, row_number() over (order by c.status = 'approved' desc, c.created_at, c.id) as rank, array_remove(array[
               case when c.neq = m.neq then 'neq' end,
               case when c.phone = m.phone then 'phone' end,
               case when lower(c.website) = lower(m.website) then 'website' end,
               case when private.name_key(c.city) = private.name_key(m.city) and private.name_key(c.name) = private.name_key(m.name) then 'name' end
             ], null) as matches
      from public.merchants c
      where c.id <> m.id and c.status in ('approved', 'pending', 'changes_requested')
        and (c.neq = m.neq or c.phone = m.phone or lower(c.website) = lower(m.website)
             or (private.name_key(c.city) = private.name_key(m.city) and private.name_key(c.name) = private.name_key(m.name)))
      order by c.status = 'approved' desc, c.created_at, c.id
      limit 10
    ) o;
  return jsonb_build_object('submission', private.listing_fields(m), 'duplicates', duplicates);
end
$$;

/**
 * passing_submissions(q => 'megantic') → {total, ids}
 * The pending submissions that pass every pre-check and may be published, among those the queue's
 * filters select: how many, and the ids of the `lim` oldest, which the moderator then confirms.
 */
create function public.passing_submissions(q text default null, category text default null, region text default null, lim integer default 5000)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.require_moderator();
  select jsonb_build_object(
      'total', count(*),
      'ids', coalesce(to_jsonb((array_agg(m.id order by m.created_at, m.id))[1:least(greatest(lim, 1), 5000)]), '[]'))
    into result
    from public.merchants m
    where m.status = 'pending' and private.passes_all_checks(m) and private.matches_filters(m, q, category, region);
  return result;
end
$$;

/**
 * approve_passing(array[...], 37, 'https://vitrine.example')
 * Approves exactly the listed submissions, whose number the moderator confirmed, and only if every
 * one of them still waits and still passes every pre-check; otherwise nothing changes (VT409, with
 * {expected, stillPassing} in the detail). Nothing beyond the confirmed ids is ever approved, so a
 * submission that arrived or changed after the confirmation cannot slip in. Runs with the caller's
 * rights, through decide_merchants: journal, notices and rebuild request as for any approval.
 */
create function public.approve_passing(ids uuid[], expected integer, site_url text default 'http://localhost:8888')
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  requested integer := (select count(distinct x) from unnest(ids) x);
  still_passing integer;
begin
  perform private.require_moderator();
  if requested = 0 or requested > 5000 then
    raise exception 'between 1 and 5000 ids' using errcode = 'VT400';
  end if;
  if expected is distinct from requested then
    raise exception 'the confirmed count (%) is not the number of ids (%)', expected, requested using errcode = 'VT400';
  end if;

  -- Lock, then look: what is counted here is what decide_merchants approves, and no other
  -- moderator can decide on these rows in between. Same order as decide_merchants: no deadlock.
  perform 1 from public.merchants where id = any(ids) order by id for update;
  select count(*) into still_passing from public.merchants m where m.id = any(ids) and private.passes_all_checks(m);
  if still_passing < requested then
    raise exception '% of the % confirmed submissions changed since the confirmation: nothing was approved', requested - still_passing, requested
      using errcode = 'VT409', detail = jsonb_build_object('expected', requested, 'stillPassing', still_passing)::text;
  end if;
  return public.decide_merchants(ids, 'approve', null, site_url);
end
$$;
