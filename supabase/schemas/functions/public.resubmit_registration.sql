-- resubmit_registration('5b0e…', '<token>', '{"name": …}', 'bucket…')
-- The applicant's corrections after "changes requested": the same proposal takes the new fields
-- and pre-checks and waits again in the queue, at its first place; the journal keeps the
-- resubmission. Only a proposal awaiting changes can be resubmitted (VT409 otherwise). Same
-- answer as register_merchant; only vitrine_registrar may call it, for the same reason.
create or replace function public.resubmit_registration(proposal_id uuid, token text, submission jsonb, client_bucket text)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  p public.proposals;
  new_fields jsonb;
  new_checks jsonb;
begin
  perform private.admit_registration(client_bucket);
  select * into p from public.proposals where id = proposal_id for update;
  if p.id is null or token is distinct from private.status_token(p.id) then
    raise exception 'unknown submission' using errcode = 'VT404';
  end if;
  if p.status <> 'changes_requested' then
    raise exception 'this registration is not awaiting changes' using errcode = 'VT409';
  end if;
  new_fields := private.submission_fields(submission || jsonb_build_object('locale', p.locale));
  new_checks := private.compute_checks(new_fields, p.id, p.listing_id);
  update public.proposals set fields = new_fields, checks = new_checks,
      checks_outcome = private.worst_outcome(new_checks), checks_computed_at = now(),
      status = 'pending', submitted_at = now()
    where id = p.id
    returning * into p;
  insert into public.journal (action, proposal_id, listing_id, previous_status)
    values ('resubmit', p.id, p.listing_id, 'changes_requested');
  return jsonb_build_object(
    'id', p.id, 'status', p.status, 'statusToken', token,
    'checks', private.checks_for_applicant(p.checks), 'checksOutcome', p.checks_outcome, 'created', false);
exception
  when check_violation or not_null_violation or foreign_key_violation or invalid_text_representation then
    raise exception 'invalid submission: %', sqlerrm using errcode = 'VT400';
end
$$;
