-- The listing a proposal would make: a creation's own fields; a change's fields over the listing
-- it changes. What its pre-checks are computed on, and what the moderator compares.
create or replace function private.proposed_fields(p public.proposals) returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  if p.kind = 'create' then
    return p.fields;
  end if;
  return coalesce((select private.fields_of(l) from public.listings l where l.id = p.listing_id), '{}') || p.fields;
end
$$;
