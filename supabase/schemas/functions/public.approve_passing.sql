-- approve_passing(array[…], 37)
-- Approves exactly the listed proposals, whose number the moderator confirmed, and only if every
-- one of them still waits and still passes every pre-check; otherwise nothing changes (VT412, with
-- {expected, stillPassing} in the detail). Nothing beyond the confirmed ids is ever approved, so a
-- submission that arrived or changed after the confirmation cannot slip in.
create or replace function public.approve_passing(ids uuid[], expected integer)
returns jsonb
language plpgsql security definer
set search_path = ''
as $$
declare
  requested integer := (select count(distinct x) from unnest(ids) x);
  still_passing integer;
begin
  perform private.require_moderator();
  if requested = 0 or requested > 5000 then
    raise exception 'between 1 and 5000 ids' using errcode = 'VT400';
  end if;
  if expected is distinct from requested then
    raise exception 'the confirmed count (%) is not the number of ids (%)', expected, requested using errcode = 'VT400';
  end if;
  -- Lock, then look: what is counted here is what is approved, and no other moderator can decide on
  -- these rows in between. Same order as decide_proposals: no deadlock.
  perform 1 from public.proposals where id = any(ids) order by id for update;
  select count(*) into still_passing from public.proposals p where p.id = any(ids) and private.passes_all_checks(p);
  if still_passing < requested then
    raise exception '% of the % confirmed submissions changed since the confirmation: nothing was approved', requested - still_passing, requested
      using errcode = 'VT412', detail = jsonb_build_object('expected', requested, 'stillPassing', still_passing)::text;
  end if;
  return public.decide_proposals(ids, 'approve', null);
end
$$;
