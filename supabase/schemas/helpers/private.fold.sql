-- fold('Île-Perrot') = 'ile-perrot': lower case without accents, for comparing what people type.
-- Accents are removed with translate() rather than the unaccent extension, which PGlite lacks, and
-- case with an explicit map because lower() ignores non-ASCII letters under the C collation.
-- No SET clause: PostgreSQL inlines it (every name is schema-qualified, so the caller's search_path
-- cannot change what it calls), which the duplicate checks and name indexes rely on for speed.
create or replace function private.fold(value text) returns text
language sql immutable parallel safe
as $$
  select pg_catalog.replace(pg_catalog.replace(pg_catalog.lower(pg_catalog.translate(value,
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝŸýÿŒœÆæ’',
    'aaaaaaaaaaaacceeeeeeeeiiiiiiiinnoooooooooooouuuuuuuuyyyyœœææ''')), 'œ', 'oe'), 'æ', 'ae')
$$;
