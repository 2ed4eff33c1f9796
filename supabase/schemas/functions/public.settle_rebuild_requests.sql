-- settle_rebuild_requests(array[3, 4, 5], null): the build hook accepted the build, the requests are done.
-- settle_rebuild_requests(array[3, 4, 5], 'Build hook answered 500'): it did not; they stay open with
-- the error, which the next run retries and clears. Only vitrine_builder may call it.
create or replace function public.settle_rebuild_requests(ids bigint[], error text default null) returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  n integer;
begin
  if error is null then
    update public.rebuild_requests set built_at = now(), failed_at = null, last_error = null
      where id = any(ids) and built_at is null;
  else
    update public.rebuild_requests set failed_at = now(), last_error = left(error, 4000)
      where id = any(ids) and built_at is null;
  end if;
  get diagnostics n = row_count;
  return n;
end
$$;
