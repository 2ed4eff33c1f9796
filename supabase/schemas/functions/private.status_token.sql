-- The capability in a status link: only someone given the link can read or resubmit that proposal.
-- security definer: it reads the secret, which nobody else may.
create or replace function private.status_token(proposal_id uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select encode(sha256(convert_to((select value from private.secrets where name = 'status_link') || ':' || proposal_id::text, 'UTF8')), 'hex')
$$;
