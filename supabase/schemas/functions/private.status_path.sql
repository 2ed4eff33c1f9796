-- status_path(id, 'en') = '/en/status/?id=…&token=…': the applicant's private page, without the
-- site's address, which the site adds from its configuration when a notice is read or sent.
create or replace function private.status_path(proposal_id uuid, locale text) returns text
language sql stable
set search_path = ''
as $$
  select case locale when 'en' then '/en/status/' else '/statut/' end
    || '?id=' || proposal_id::text || '&token=' || private.status_token(proposal_id)
$$;
