-- Eligibility for publication: a Quebec business (postal code G, H or J, a known region) with a
-- well-formed NEQ. coalesce: a CHECK passes when its expression is NULL, and a missing NEQ would
-- make it so.
create or replace function private.is_publishable(neq text, postal_code text, region_code text) returns boolean
language sql immutable parallel safe
as $$
  select coalesce(private.is_well_formed_neq(neq) and postal_code ~ '^[GHJ]' and region_code is not null, false)
$$;
