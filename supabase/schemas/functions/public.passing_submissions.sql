-- passing_submissions(q => 'megantic') → {total, items: [{id, name, city, category}]}
-- The pending proposals that pass every pre-check and may be published, among those the queue's
-- filters select: how many, and the `lim` oldest, which the moderator then reads and confirms.
create or replace function public.passing_submissions(q text default null, category text default null, region text default null, lim integer default 5000)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  result jsonb;
begin
  perform private.require_moderator();
  -- Each with what the moderator reads before confirming: name, town, category.
  select jsonb_build_object(
      'total', count(*),
      'items', coalesce(to_jsonb((array_agg(jsonb_build_object('id', p.id, 'name', p.fields ->> 'name', 'city', p.fields ->> 'city',
                                                              'category', p.fields ->> 'category_slug')
                                            order by p.created_at, p.id))[1:least(greatest(lim, 1), 5000)]), '[]'))
    into result
    from public.proposals p
    where p.status = 'pending' and private.passes_all_checks(p) and private.matches_filters(p, q, category, region);
  return result;
end
$$;
