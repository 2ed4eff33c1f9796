-- The e-mail of an account that shares a listing with the caller (or is the caller), else null:
-- members see who else manages their listing; nobody can look up other accounts. security definer
-- because the API roles cannot read auth.users.
create or replace function private.co_member_email(member uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select u.email from auth.users u
  where u.id = member and (member = auth.uid() or exists (
    select 1 from public.listing_members a join public.listing_members b on b.listing_id = a.listing_id
    where a.user_id = auth.uid() and b.user_id = member))
$$;
