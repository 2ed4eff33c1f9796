-- Quebec enterprise number: 10 digits, starting with 11, 22, 33 or 88 according to the kind of
-- enterprise (Registraire des entreprises).
create or replace function private.is_well_formed_neq(neq text) returns boolean
language sql immutable parallel safe
as $$
  select neq ~ '^(11|22|33|88)[0-9]{8}$'
$$;
