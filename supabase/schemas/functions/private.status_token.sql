-- The capability in a status link: only someone given the link can read or resubmit that proposal.
-- security definer: it reads the secret, which nobody else may.
-- PL/pgSQL rather than SQL: PostgreSQL cannot inline this one, and plans a SQL function that is not
-- inlined again at every call; PL/pgSQL keeps its plan (a bulk approval calls it 1,000 times).
create or replace function private.status_token(proposal_id uuid) returns text
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return encode(sha256(convert_to((select value from private.secrets where name = 'status_link') || ':' || proposal_id::text, 'UTF8')), 'hex');
end
$$;
