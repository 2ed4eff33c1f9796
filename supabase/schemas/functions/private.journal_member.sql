-- Journals what happened to a listing's membership or life: who (the caller's id, never an e-mail:
-- a member's entry must say nothing personal once its account is gone), which listing, what role.
create or replace function private.journal_member(action text, listing uuid, role public.member_role default null,
                                                  listing_change text default null) returns void
language sql
set search_path = ''
as $$
  insert into public.journal (action, listing_id, actor_id, actor_email, member_role, listing_change)
    values (action, listing, auth.uid(), case when private.is_moderator() then auth.email() end, role, listing_change)
$$;
