-- register_merchant('{"name": "Café chez Ginette", …}', 'key:…', 'bucket…')
-- Stores a registration as a proposal to create a listing, with its pre-checks, once per
-- idempotency key, and queues the notice that it was received (with the private link), and returns {id, status, statusToken, checks, checksOutcome, created}. The
-- handler's schema validated the submission; the proposal's constraint holds whatever calls this.
-- Only vitrine_registrar may call it (grants/vitrine_registrar.sql): the handler gives it the
-- client's bucket, which a caller of the Supabase API could otherwise choose, or leave out.
create or replace function public.register_merchant(submission jsonb, idempotency_key text, client_bucket text)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
<<main>>
declare
  new_id uuid := gen_random_uuid();
  fields jsonb;
  checks jsonb;
  proposal public.proposals;
  is_new boolean := true;
  retry text;
begin
  perform private.admit_registration(client_bucket);
  fields := private.submission_fields(submission);
  retry := encode(sha256(convert_to(client_bucket || E'\n' || lower(fields ->> 'contact_email') || E'\n' || coalesce(fields ->> 'neq', ''), 'UTF8')), 'hex');
  -- The same business from the same client within the hour, with other content or another key (a
  -- slow answer, a form sent again after a change): the same registration, with what came last,
  -- never a second one flagged as its own duplicate.
  select * into proposal from public.proposals p
    where p.retry_key = retry and p.status = 'pending' and p.created_at > now() - interval '1 hour'
      and p.idempotency_key is distinct from register_merchant.idempotency_key
    order by p.created_at limit 1 for update;
  if proposal.id is not null then
    checks := private.compute_checks(fields, proposal.id);
    update public.proposals p set fields = main.fields, checks = main.checks,
        checks_outcome = private.worst_outcome(main.checks), checks_computed_at = now(), submitted_at = now()
      where p.id = proposal.id returning * into proposal;
    return jsonb_build_object(
      'id', proposal.id, 'status', proposal.status, 'statusToken', private.status_token(proposal.id),
      'checks', private.checks_for_applicant(proposal.checks), 'checksOutcome', proposal.checks_outcome, 'created', false);
  end if;
  -- Computed before the insert, so a registration writes its row once, checks included.
  checks := private.compute_checks(fields, new_id);
  insert into public.proposals as p (id, kind, fields, checks, checks_outcome, checks_computed_at, locale, idempotency_key, retry_key)
    values (new_id, 'create', fields, checks, private.worst_outcome(checks), now(),
            case submission ->> 'locale' when 'en' then 'en' else 'fr' end, register_merchant.idempotency_key, retry)
    on conflict on constraint proposals_idempotency_key_key do nothing
    returning * into proposal;
  if proposal.id is null then
    -- The same submission again (a retry, a double click): answer with the first one.
    is_new := false;
    select * into proposal from public.proposals p where p.idempotency_key = register_merchant.idempotency_key;
  else
    -- "We received your registration", with the private link to follow it.
    insert into public.outbox (proposal_id, recipient, locale, kind, params)
      values (proposal.id, fields ->> 'contact_email', proposal.locale, 'received', jsonb_build_object(
        'name', fields ->> 'name', 'statusPath', private.status_path(proposal.id, proposal.locale)));
  end if;
  return jsonb_build_object(
    'id', proposal.id, 'status', proposal.status, 'statusToken', private.status_token(proposal.id),
    'checks', private.checks_for_applicant(proposal.checks), 'checksOutcome', proposal.checks_outcome, 'created', is_new);
exception
  when check_violation or not_null_violation or foreign_key_violation or invalid_text_representation then
    raise exception 'invalid submission: %', sqlerrm using errcode = 'VT400';
end
$$;
