-- Names, descriptions, addresses and towns refuse the characters that change what a reader sees:
-- bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "‮moc.elpmaxe")
-- and runs of three or more combining marks (glyphs piled over the lines around them). The
-- registration form refuses them too, field by field (functions/_shared/schema-parts.ts); here they
-- hold for every writer. NOT VALID: values stored before are not checked again, new ones are.
alter domain public.business_name add constraint readable_text
  check (value !~ '[\u202a-\u202e\u2066-\u2069]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3,}') not valid;
alter domain public.listing_text add constraint readable_text
  check (value !~ '[\u202a-\u202e\u2066-\u2069]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3,}') not valid;
alter domain public.street_address add constraint readable_text
  check (value !~ '[\u202a-\u202e\u2066-\u2069]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3,}') not valid;
alter domain public.town_name add constraint readable_text
  check (value !~ '[\u202a-\u202e\u2066-\u2069]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3,}') not valid;
