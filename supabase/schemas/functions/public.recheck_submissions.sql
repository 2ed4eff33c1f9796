-- Recomputes the pre-checks of the given proposals, or of every pending one. Moderators only.
-- security definer to call the private refresh, which nobody else may; it checks the caller first.
create or replace function public.recheck_submissions(ids uuid[] default null) returns integer
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.require_moderator();
  return private.refresh_checks(ids);
end
$$;
