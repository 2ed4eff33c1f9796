-- The journal is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks, the owner included.
-- (TRUNCATE skips row-level security and row triggers: a statement trigger stops it.)
create or replace function private.refuse_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'the journal is append-only' using errcode = 'VT403';
end
$$;

create trigger append_only before update or delete on public.journal
  for each statement execute function private.refuse_change();
create trigger append_only_truncate before truncate on public.journal
  for each statement execute function private.refuse_change();
