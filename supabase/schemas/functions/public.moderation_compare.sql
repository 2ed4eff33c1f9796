-- moderation_compare('5b0e…') → {submission: {...}, duplicates: [{..., matches: ['neq', 'phone']}]}
-- A proposal beside up to 10 published listings or open proposals it may duplicate, by the
-- pre-check's rules (same NEQ, phone or website, or near-identical name in the same town),
-- published ones first. A member's change is shown as the listing it would make, beside the
-- published listing (`published`), so the moderator sees what changes. Moderators only; runs with
-- the caller's rights.
create or replace function public.moderation_compare(proposal_id uuid) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  p public.proposals;
  f jsonb;
  duplicates jsonb;
begin
  perform private.require_moderator();
  select * into p from public.proposals where id = moderation_compare.proposal_id;
  if p.id is null then
    raise exception 'unknown proposal' using errcode = 'VT404';
  end if;
  f := private.proposed_fields(p);
  select coalesce(jsonb_agg(o.listing || jsonb_build_object('matches', to_jsonb(o.matches)) order by o.rank), '[]') into duplicates
  from (
    select c.listing, row_number() over (order by c.published desc, c.created_at, c.id) as rank, array_remove(array[
             case when c.fields ->> 'neq' = f ->> 'neq' then 'neq' end,
             case when c.fields ->> 'phone' = f ->> 'phone' then 'phone' end,
             case when lower(c.fields ->> 'website') = lower(f ->> 'website') then 'website' end,
             case when private.same_town_and_name(c.fields ->> 'city', c.fields ->> 'municipality_code', c.fields ->> 'name',
                                                  f ->> 'city', f ->> 'municipality_code', f ->> 'name') then 'name' end
           ], null) as matches
    from (
      select l.id, to_jsonb(l) as fields, true as published, l.created_at,
             private.fields_for_moderators(to_jsonb(l)) || jsonb_build_object('id', l.id, 'slug', l.slug, 'status', 'approved', 'submittedAt', l.created_at) as listing
        from public.listings l
        where l.status = 'published' and l.id is distinct from p.listing_id
          and (l.neq = f ->> 'neq' or l.phone = f ->> 'phone' or lower(l.website) = lower(f ->> 'website')
               or private.same_town_and_name(l.city, l.municipality_code, l.name, f ->> 'city', f ->> 'municipality_code', f ->> 'name'))
      union all
      select o.id, o.fields, false, o.created_at,
             private.fields_for_moderators(o.fields) || jsonb_build_object('id', o.id, 'status', o.status, 'locale', o.locale, 'submittedAt', o.created_at)
        from public.proposals o
        where o.status in ('pending', 'changes_requested') and o.id <> p.id and o.kind = 'create'
          and (o.fields ->> 'neq' = f ->> 'neq' or o.fields ->> 'phone' = f ->> 'phone' or lower(o.fields ->> 'website') = lower(f ->> 'website')
               or private.same_town_and_name(o.fields ->> 'city', o.fields ->> 'municipality_code', o.fields ->> 'name',
                                             f ->> 'city', f ->> 'municipality_code', f ->> 'name'))
    ) c
    order by c.published desc, c.created_at, c.id
    limit 10
  ) o;
  return jsonb_build_object(
    'submission', private.fields_for_moderators(f) || jsonb_build_object('id', p.id, 'kind', p.kind, 'status', p.status, 'locale', p.locale,
      'submittedAt', p.created_at, 'slug', (select l.slug from public.listings l where l.id = p.listing_id)),
    'duplicates', duplicates)
    || case when p.kind = 'change' then jsonb_build_object('published', (
         select private.fields_for_moderators(to_jsonb(l))
           || jsonb_build_object('id', l.id, 'slug', l.slug, 'status', 'approved', 'locale', l.locale, 'submittedAt', l.created_at)
         from public.listings l where l.id = p.listing_id)) else '{}'::jsonb end;
end
$$;
