-- Moderators carry role "moderator" in their JWT's app_metadata, which only the server can set
-- (user_metadata is the user's own and never counts). Policies call it as `(select …)`, once per
-- statement rather than once per row.
create or replace function private.is_moderator() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(auth.jwt() -> 'app_metadata' ->> 'role', '') = 'moderator'
$$;
