-- The schema of helpers, secrets and counters: never exposed through the API (PostgREST serves
-- `public` only). It exists before any table because the tables' constraints call its helpers.
create schema if not exists private;
comment on schema private is 'Helpers used by policies and functions; not exposed through the API.';
