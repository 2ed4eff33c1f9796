-- member_changes(100) → [{entryId, at, listing: {id, slug, name}, changes: {field: [before, after]}, revertible}]
-- What members published themselves lately (their low-risk changes and their undos), newest first,
-- for moderators to read and, in one click, undo (public.revert_change). Moderators only.
create or replace function public.member_changes(max_rows integer default 100) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_moderator();
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'entryId', j.id, 'at', j.at, 'action', j.action,
      'listing', jsonb_build_object('id', l.id, 'slug', l.slug, 'name', l.name),
      'changes', j.changes,
      'revertible', l.status = 'published' and j.listing_change = 'changed'
        and not exists (select 1 from jsonb_object_keys(j.changes) k where coalesce((l.field_versions ->> k)::integer, 1) > j.listing_version))
      order by j.at desc, j.id desc)
    from (select * from public.journal j where j.action in ('publish', 'revert') order by j.at desc, j.id desc
          limit least(greatest(coalesce(max_rows, 100), 1), 500)) j
    join public.listings l on l.id = j.listing_id), '[]');
end
$$;
