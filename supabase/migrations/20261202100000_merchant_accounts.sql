-- Merchants own their listing (issue 12). An account (a Supabase Auth user) can hold several
-- listings; a listing has one or more owners and may have editors. Members propose changes that
-- either publish at once (low-risk fields) or wait for a moderator (sensitive fields), through
-- public.propose_listing_change, which keeps using private.apply_decision: the one writer of
-- listings and of the journal. Who may do what is row-level security and the functions' first lines.

-- Ways to buy: in store, delivery (and where), curbside pickup, an online store, gift cards.
create domain public.ways_to_buy as jsonb check (value is null or private.is_valid_ways_to_buy(value));
alter type public.listing_fields add attribute ways_to_buy public.ways_to_buy;
alter table public.listings add column ways_to_buy public.ways_to_buy not null default '{}';

-- Members. One owner at least while the listing is published (public.leave_listing and
-- public.delete_my_account keep that); editors propose changes but manage no one.
create type public.member_role as enum ('owner', 'editor');
create table public.listing_members (
  listing_id uuid not null references public.listings (id),
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null,
  added_at timestamptz not null default now(),
  primary key (listing_id, user_id)
);
alter table public.listing_members enable row level security;
create index listing_members_user_idx on public.listing_members (user_id);

-- Listings claimed before this change had one owner column: each becomes an owner member.
insert into public.listing_members (listing_id, user_id, role)
  select l.id, l.owner_id, 'owner' from public.listings l where l.owner_id is not null;
drop policy if exists "Owners can read their own listing" on public.listings;
alter table public.listings drop column owner_id;

-- Invitations, by e-mail: an owner's (to an editor or another owner), the platform's after an
-- approval or a claim (to the listing's contact address). Accepted by the account signed in with
-- that address (a magic link proves it). Deleted with the account that received it.
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  listing_id uuid not null references public.listings (id),
  email public.email_address not null,
  role public.member_role not null,
  -- Why it was sent: 'approval' (a new listing), 'claim' (asked from the listing page), 'member'.
  origin text not null check (origin in ('approval', 'claim', 'member')),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '30 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null
);
alter table public.invitations enable row level security;
create unique index invitations_open_idx on public.invitations (listing_id, lower(email)) where accepted_at is null;
create index invitations_email_idx on public.invitations (lower(email)) where accepted_at is null;

-- A business whose contact address no longer works asks a moderator for its listing, with proof.
create table public.transfer_requests (
  id uuid primary key default gen_random_uuid(),
  listing_id uuid not null references public.listings (id),
  requested_by uuid not null references auth.users (id) on delete cascade,
  neq text not null check (length(neq) <= 20),
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by uuid,
  decision_reason text check (length(decision_reason) <= 2000)
);
alter table public.transfer_requests enable row level security;
create unique index transfer_requests_open_idx on public.transfer_requests (listing_id, requested_by) where status = 'pending';
create index transfer_requests_queue_idx on public.transfer_requests (created_at) where status = 'pending';

-- The journal records members' actions too. A member's entry keeps the account's id and never its
-- e-mail (once the account is deleted the id names no one); moderators' entries keep theirs.
alter table public.journal
  alter column proposal_id drop not null,
  alter column previous_status drop not null,
  drop constraint journal_action_check,
  add constraint journal_action_check check (action in (
    'approve', 'reject', 'request_changes', 'resubmit',
    -- a member's low-risk change published at once; a change undone; a listing closed by its owner
    'publish', 'revert', 'close',
    -- memberships: joined (an invitation accepted), left or removed, ownership given, a transfer decided
    'join', 'leave', 'remove_member', 'change_role', 'transfer_approve', 'transfer_reject', 'delete_account')),
  add column member_role public.member_role;
alter table public.journal drop constraint if exists journal_listing_change_check;
alter table public.journal add constraint journal_listing_change_check
  check (listing_change in ('created', 'changed', 'withdrawn', 'republished', 'closed'));

-- A closed listing whose last owner left keeps its name, address and slug (its page address is
-- never given to another business) but no contact data.
alter table public.listings alter column contact_email drop not null;
alter table public.listings add constraint published_listings_have_a_contact
  check (status <> 'published' or contact_email is not null);

-- Notices that belong to no proposal: invitations and sign-in links of members.
alter table public.outbox
  alter column proposal_id drop not null,
  add column listing_id uuid references public.listings (id),
  drop constraint outbox_kind_check,
  add constraint outbox_kind_check check (kind in ('approve', 'reject', 'request_changes', 'received', 'status_link', 'invitation', 'transfer'));

-- Who changed what, asked by the merchant's history and the revert.
create index proposals_proposed_by_idx on public.proposals (proposed_by) where proposed_by is not null;
create index journal_actor_idx on public.journal (actor_id) where actor_id is not null;
