-- A proposal sets only listing fields, each valid for its column: cast to public.listing_fields
-- (whose domains hold the rules: hours, links, postal code…), the fields come back whole. Checked
-- when the fields are written (insert, or an update that sets them), not when only the status
-- changes: a CHECK constraint would run at every update of the row. Refused as a check violation
-- under the name the constraint had, which callers map to VT400.
create or replace function private.check_proposal_fields() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not (jsonb_typeof(new.fields) = 'object'
          and to_jsonb(jsonb_populate_record(null::public.listing_fields, new.fields)) @> new.fields) then
    raise exception 'new row for relation "proposals" violates check constraint "proposals_set_listing_fields"'
      using errcode = 'check_violation', constraint = 'proposals_set_listing_fields', schema = 'public', table = 'proposals';
  end if;
  return new;
end
$$;

create trigger set_listing_fields before insert or update of fields on public.proposals
  for each row execute function private.check_proposal_fields();
