-- What an applicant sees through their private link: status, checks (a possible duplicate not
-- named), the reason of a decision, the published listing once there is one (or the live listing
-- of the same business, published from another registration), the place in the
-- queue and the wait expected from the last 14 days' decision rate; and, while changes are
-- requested, the submission itself, for the applicant to correct and send again. Callable by
-- anyone, as a Supabase RPC too: the token is the capability.
create or replace function public.registration_status(proposal_id uuid, token text) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  p public.proposals;
  listing public.listings;
  live public.listings;
  queue_position integer;
  per_day numeric;
begin
  select * into p from public.proposals where id = proposal_id;
  -- The same answer for an unknown id and a wrong token: a link cannot be guessed by trying ids.
  if p.id is null or token is distinct from private.status_token(p.id) then
    raise exception 'unknown submission' using errcode = 'VT404';
  end if;
  select * into listing from public.listings where id = p.listing_id;
  -- The same business, from the same contact address, already live from another registration (a
  -- duplicate resolved the other way): the applicant is led to it, never to "refused" alone. Only
  -- then: a listing's NEQ is not public, and another registrant must not learn it from this page.
  if listing.id is null and p.kind = 'create' and p.status in ('pending', 'rejected') then
    select * into live from public.listings l
      where l.status = 'published' and l.neq = p.fields ->> 'neq' and lower(l.contact_email) = lower(p.fields ->> 'contact_email')
      order by l.published_at limit 1;
  end if;
  if p.status = 'pending' then
    select count(*) + 1 into queue_position from public.proposals
      where status = 'pending' and (created_at, id) < (p.created_at, p.id);
  end if;
  select count(*) / 14.0 into per_day from public.proposals where decided_at > now() - interval '14 days';
  return jsonb_build_object(
    'id', p.id, 'kind', p.kind, 'name', p.fields ->> 'name', 'status', p.status,
    'slug', case when listing.status = 'published' then listing.slug end,
    'liveSlug', live.slug,
    'checks', private.checks_for_applicant(p.checks), 'checksOutcome', p.checks_outcome,
    'reason', p.decision_reason, 'submittedAt', p.created_at, 'resubmittedAt', nullif(p.submitted_at, p.created_at),
    'decidedAt', p.decided_at, 'locale', p.locale,
    'queuePosition', queue_position,
    'decisionsPerDay', round(per_day, 1),
    'expectedWaitDays', case when queue_position is not null and per_day > 0 then ceil(queue_position / per_day) end,
    'submission', case when p.status = 'changes_requested' then private.submission_of(p.fields, p.locale) end);
end
$$;
