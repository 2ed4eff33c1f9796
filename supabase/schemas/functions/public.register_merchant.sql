-- register_merchant('{"name": "Café chez Ginette", …}', 'key:…', 'bucket…')
-- Stores a registration as a proposal to create a listing, with its pre-checks, once per
-- idempotency key, queues the notice that it was received (with the private link), and returns
-- {id, status, statusToken, checks, checksOutcome, created}. The handler's schema validated the submission; the proposal's constraint holds whatever calls this.
-- Only vitrine_registrar may call it (grants/vitrine_registrar.sql): the handler gives it the
-- client's bucket, which a caller of the Supabase API could otherwise choose, or leave out.
create or replace function public.register_merchant(submission jsonb, idempotency_key text, client_bucket text)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  new_id uuid := gen_random_uuid();
  fields jsonb;
  checks jsonb;
  proposal public.proposals;
  is_new boolean := true;
begin
  perform private.admit_registration(client_bucket);
  fields := private.submission_fields(submission);
  -- Computed before the insert, so a registration writes its row once, checks included.
  checks := private.compute_checks(fields, new_id);
  insert into public.proposals as p (id, kind, fields, checks, checks_outcome, checks_computed_at, locale, idempotency_key)
    values (new_id, 'create', fields, checks, private.worst_outcome(checks), now(),
            case submission ->> 'locale' when 'en' then 'en' else 'fr' end, register_merchant.idempotency_key)
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
