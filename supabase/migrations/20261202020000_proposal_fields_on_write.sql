-- A proposal's fields are checked when they are written, not at every update of the row: as a CHECK
-- constraint, deciding 1,000 proposals validated each one's opening hours and links again just to
-- change its status. The same rule is now the trigger of
-- supabase/schemas/functions/private.check_proposal_fields.sql.
alter table public.proposals drop constraint if exists proposals_set_listing_fields;
