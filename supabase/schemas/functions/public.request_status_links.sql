-- request_status_links('owner@example.ca', 'bucket…') → true: an applicant who lost its private link asks
-- for it again. Each registration with that contact address that is still open (or was decided in
-- the last 90 days) gets a notice with its link, at most one an hour; the caller learns nothing, so
-- the answer is the same whether the address is known or not. Counted against the client's
-- allowance like a registration (VT428, VT429). Only vitrine_registrar may call it: the handler
-- gives it the client's bucket.
create or replace function public.request_status_links(email text, client_bucket text)
returns boolean
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.admit_registration(client_bucket);
  insert into public.outbox (proposal_id, recipient, locale, kind, params)
    select p.id, p.fields ->> 'contact_email', p.locale, 'status_link', jsonb_build_object(
        'name', p.fields ->> 'name', 'statusPath', private.status_path(p.id, p.locale))
    from public.proposals p
    where lower(p.fields ->> 'contact_email') = lower(btrim(email)) and p.kind = 'create'
      and (p.status in ('pending', 'changes_requested') or p.decided_at > now() - interval '90 days')
      and not exists (select 1 from public.outbox o where o.proposal_id = p.id and o.kind = 'status_link'
                      and o.created_at > now() - interval '1 hour')
    limit 20;
  -- The same answer whatever was found.
  return true;
end
$$;
