-- export_my_data() → everything stored about the caller's account and its listings (Law 25's right
-- of access), in one JSON document: the account, each listing with all its fields, members,
-- invitations, every proposal and journal entry, the invitations and notices sent to the caller's
-- address and its transfer requests. Runs with the caller's rights: row-level security decides.
create or replace function public.export_my_data() returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'exportedAt', now(),
    'account', jsonb_build_object('id', auth.uid(), 'email', auth.email()),
    'listings', coalesce((
      select jsonb_agg(to_jsonb(l) || jsonb_build_object(
        'myRole', private.member_role(l.id),
        'members', (select coalesce(jsonb_agg(jsonb_build_object('userId', m.user_id, 'email', private.co_member_email(m.user_id),
                      'role', m.role, 'addedAt', m.added_at)), '[]') from public.listing_members m where m.listing_id = l.id),
        'invitations', (select coalesce(jsonb_agg(to_jsonb(i)), '[]') from public.invitations i where i.listing_id = l.id),
        'proposals', (select coalesce(jsonb_agg(to_jsonb(p) - 'idempotency_key' order by p.created_at), '[]')
                      from public.proposals p where p.listing_id = l.id),
        'journal', (select coalesce(jsonb_agg(to_jsonb(j) order by j.at, j.id), '[]') from public.journal j where j.listing_id = l.id))
        order by l.name)
      from public.listings l where private.member_role(l.id) is not null), '[]'),
    'invitationsToMe', coalesce((select jsonb_agg(to_jsonb(i) order by i.created_at) from public.invitations i
                                 where lower(i.email) = lower(auth.email())), '[]'),
    'transferRequests', coalesce((select jsonb_agg(to_jsonb(t) order by t.created_at) from public.transfer_requests t
                                  where t.requested_by = auth.uid()), '[]'),
    'noticesToMe', coalesce((select jsonb_agg(jsonb_build_object('kind', o.kind, 'locale', o.locale, 'params', o.params,
                               'createdAt', o.created_at, 'sentAt', o.sent_at) order by o.created_at)
                             from public.outbox o where lower(o.recipient) = lower(auth.email())), '[]'))
$$;
