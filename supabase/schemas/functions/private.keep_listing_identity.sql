-- A listing keeps its slug and creation time whoever updates it (shared links keep working), and
-- records when it last changed.
create or replace function private.keep_listing_identity() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.id := old.id;
  new.slug := old.slug;
  new.created_at := old.created_at;
  new.updated_at := now();
  return new;
end
$$;

create trigger keep_identity before update on public.listings
  for each row execute function private.keep_listing_identity();
