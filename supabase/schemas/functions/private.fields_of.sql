-- A listing's fields as a proposal names them (public.listing_fields), private ones included, without
-- its bookkeeping (id, slug, status, versions, dates). Plain JSON: no domain is checked again, so
-- functions that run with the caller's rights can call it.
create or replace function private.fields_of(listing public.listings) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_strip_nulls(to_jsonb(listing) - 'id' - 'slug' - 'status' - 'version' - 'field_versions' - 'locale'
                           - 'created_at' - 'updated_at' - 'published_at')
$$;
