-- my_account() → {email, listings: [{id, slug, name, status, role, version, fields, fieldVersions,
--   members, invitations, proposals, history}], invitations: [the ones waiting for my address]}
-- What the merchant space shows. Runs with the caller's rights: row-level security decides which
-- listings, members, proposals and journal entries it may read, whatever this function asks for.
create or replace function public.my_account() returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'userId', auth.uid(),
    'email', auth.email(),
    'listings', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', l.id, 'slug', l.slug, 'name', l.name, 'status', l.status, 'role', private.member_role(l.id),
        'version', l.version, 'fieldVersions', l.field_versions, 'locale', l.locale,
        -- Every field of the form (public.listing_fields), the private ones included.
        'fields', private.fields_of(l),
        'members', (select coalesce(jsonb_agg(jsonb_build_object('userId', m.user_id, 'email', private.co_member_email(m.user_id), 'role', m.role, 'addedAt', m.added_at)
                                              order by m.role, m.added_at), '[]')
                    from public.listing_members m where m.listing_id = l.id),
        'invitations', (select coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'email', i.email, 'role', i.role, 'createdAt', i.created_at)
                                                  order by i.created_at), '[]')
                        from public.invitations i where i.listing_id = l.id and i.accepted_at is null and i.expires_at > now()),
        'proposals', (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'fields', p.fields, 'status', p.status,
                        'checks', p.checks, 'reason', p.decision_reason, 'submittedAt', p.submitted_at, 'decidedAt', p.decided_at,
                        'mine', p.proposed_by = auth.uid()) order by p.submitted_at desc), '[]')
                      from public.proposals p where p.listing_id = l.id and p.kind = 'change' and p.status <> 'approved'),
        'history', (select coalesce(jsonb_agg(jsonb_build_object('id', j.id, 'action', j.action, 'at', j.at, 'version', j.listing_version,
                      'fields', (select jsonb_agg(k order by k) from jsonb_object_keys(j.changes) k),
                      'by', case when j.actor_id = auth.uid() then 'me' when j.actor_email is not null then 'moderator'
                                 when j.actor_id is null then 'platform' else 'member' end,
                      'revertible', j.listing_change = 'changed' and j.changes is not null and j.actor_id = auth.uid()
                        and l.status = 'published'
                        and not exists (select 1 from jsonb_object_keys(j.changes) k
                                        where coalesce((l.field_versions ->> k)::integer, 1) > j.listing_version))
                      order by j.at desc, j.id desc), '[]')
                    from (select * from public.journal j where j.listing_id = l.id order by j.at desc, j.id desc limit 50) j)
      ) order by l.name)
      from public.listings l where exists (select 1 from public.listing_members m where m.listing_id = l.id and m.user_id = auth.uid())), '[]'),
    'invitations', coalesce((
      select jsonb_agg(jsonb_build_object('id', i.id, 'listingId', i.listing_id, 'name', private.invited_listing_name(i.listing_id), 'role', i.role)
                       order by i.created_at)
      from public.invitations i
      where lower(i.email) = lower(auth.email()) and i.accepted_at is null and i.expires_at > now()
        and not exists (select 1 from public.listing_members m where m.listing_id = i.listing_id and m.user_id = auth.uid())), '[]'))
$$;
