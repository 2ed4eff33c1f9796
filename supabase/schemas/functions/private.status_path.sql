-- status_path(id, 'en') = '/en/status/?id=…&token=…': the applicant's private page, without the
-- site's address, which the site adds from its configuration when a notice is read or sent.
-- PL/pgSQL rather than SQL: PostgreSQL cannot inline this one, and plans a SQL function that is not
-- inlined again at every call; PL/pgSQL keeps its plan (a bulk approval calls it 1,000 times).
create or replace function private.status_path(proposal_id uuid, locale text) returns text
language plpgsql stable
set search_path = ''
as $$
begin
  return case locale when 'en' then '/en/status/' else '/statut/' end
    || '?id=' || proposal_id::text || '&token=' || private.status_token(proposal_id);
end
$$;
