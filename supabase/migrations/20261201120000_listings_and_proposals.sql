-- Listings apart from proposals. Until now one public.merchants row was both the submission under
-- review and the published listing, so an edit could never be reviewed while the current version
-- stayed online. From here:
--   public.listings   what the catalogue publishes (or has withdrawn), changed only by
--                     private.apply_decision(), which journals every change;
--   public.proposals  what someone asks to create or change: only the fields it sets, the listing
--                     version it started from, its pre-checks, who made it and when, its decision;
--                     a registration is a proposal to create;
--   public.journal    every decision and resubmission, append-only (was public.moderation_decisions).
-- Existing rows move without loss: each merchant becomes the proposal that created it (same id, so
-- status links keep working) and, if it was ever published, a listing with the same id and slug.
-- Pre-checks are stored as codes with parameters, rendered in the reader's language by the site.

-- Types. The fields of a listing, each with its rule, shared by listings (columns) and proposals
-- (fields jsonb, cast to public.listing_fields): one definition of what a valid field is.
create type public.listing_status as enum ('published', 'withdrawn');
create type public.proposal_kind as enum ('create', 'change');
alter type public.merchant_status rename to proposal_status;

create domain public.business_name as text check (length(btrim(value)) between 1 and 120);
create domain public.listing_text as text check (length(value) <= 2000);
create domain public.street_address as text check (length(value) <= 200);
create domain public.town_name as text check (length(btrim(value)) between 1 and 100);
-- Canadian postal code, upper case with its space: 'H2X 1Y4'. Canada Post never uses D, F, I, O, Q
-- or U, nor W or Z as the first letter.
create domain public.postal_code as text
  check (value ~ '^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$');
create domain public.latitude as double precision check (value between -90 and 90);
create domain public.longitude as double precision check (value between -180 and 180);
-- North American number in E.164 form: '+15145550123'.
create domain public.phone_number as text check (value ~ '^\+1[2-9][0-9]{9}$');
create domain public.web_address as text check (value ~ '^https?://[^\s]+$' and length(value) <= 300);
create domain public.web_addresses as text[] check (private.are_web_links(value));
create domain public.opening_hours as jsonb check (value is null or private.is_valid_opening_hours(value));
create domain public.email_address as text check (value ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');

create type public.listing_fields as (
  name public.business_name,
  category_slug text,
  description_fr public.listing_text,
  description_en public.listing_text,
  street_address public.street_address,
  city public.town_name,
  municipality_code text,
  region_code text,
  postal_code public.postal_code,
  latitude public.latitude,
  longitude public.longitude,
  phone public.phone_number,
  website public.web_address,
  social_links public.web_addresses,
  opening_hours public.opening_hours,
  contact_email public.email_address,
  neq text
);

-- What the catalogue shows: one row per business that is or was published. contact_email and neq
-- never leave the database but to moderators (and, later, the listing's members).
create table public.listings (
  id uuid primary key,
  -- Assigned once, from the name and town, and never changed, so shared links keep working.
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  status public.listing_status not null default 'published',
  -- Raised by each applied change; field_versions holds the version at which each field last
  -- changed ({"phone": 3}; a field not named there has not changed since version 1), so that a
  -- proposal conflicts only when a field it changes moved after the version it started from.
  version integer not null default 1 check (version >= 1),
  field_versions jsonb not null default '{}' check (jsonb_typeof(field_versions) = 'object'),
  -- The Supabase Auth account that manages this listing, once claimed.
  owner_id uuid references auth.users (id) on delete set null,
  name public.business_name not null,
  category_slug text not null references public.categories (slug),
  description_fr public.listing_text not null default '',
  description_en public.listing_text not null default '',
  street_address public.street_address not null default '',
  city public.town_name not null,
  municipality_code text references public.municipalities (code),
  region_code text references public.regions (code),
  postal_code public.postal_code not null,
  latitude public.latitude,
  longitude public.longitude,
  phone public.phone_number,
  website public.web_address,
  social_links public.web_addresses not null default '{}',
  opening_hours public.opening_hours not null default '{}',
  contact_email public.email_address not null,
  neq text,
  -- The language the business writes to us in: notices are sent in it.
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  check ((latitude is null) = (longitude is null)),
  -- Eligibility: only a Quebec business with a well-formed NEQ can be published.
  constraint published_listings_are_quebec_businesses check (
    status <> 'published' or private.is_publishable(neq, postal_code, region_code)
  )
);
alter table public.listings enable row level security;
create index listings_owner_idx on public.listings (owner_id) where owner_id is not null;
-- The pre-checks look for published duplicates by each identifier.
create index listings_neq_idx on public.listings (neq) where status = 'published';
create index listings_phone_idx on public.listings (phone) where status = 'published';
create index listings_website_idx on public.listings (lower(website)) where status = 'published';
create index listings_name_key_idx on public.listings (private.name_key(city), private.name_key(name)) where status = 'published';

-- What someone asks to create or change. `fields` holds only the fields it sets, in listing column
-- names; the constraint casts them to public.listing_fields, so each holds its column's rule and
-- nothing else is accepted (an unknown key, or a number given as text, fails the containment).
create table public.proposals (
  id uuid primary key default gen_random_uuid(),
  kind public.proposal_kind not null default 'create',
  -- The listing it changes; for a creation, the listing it created once approved (same id).
  listing_id uuid references public.listings (id),
  -- The listing version a change started from.
  base_version integer check (base_version >= 1),
  fields jsonb not null,
  status public.proposal_status not null default 'pending',
  -- [{check, outcome: pass|warn|fail, code, params}], and the worst outcome of them.
  checks jsonb not null default '[]' check (jsonb_typeof(checks) = 'array'),
  checks_outcome text check (checks_outcome in ('pass', 'warn', 'fail')),
  checks_computed_at timestamptz,
  -- The signed-in account that made it; null for a registration from the public form.
  proposed_by uuid,
  -- The language it was written in: what the applicant reads and receives.
  locale text not null default 'fr' check (locale in ('fr', 'en')),
  -- The client's Idempotency-Key, or a fingerprint of the submission and its client: a retried or
  -- double-clicked submission finds its first row instead of creating a second.
  idempotency_key text unique check (length(idempotency_key) <= 200),
  created_at timestamptz not null default now(),
  -- The last (re)submission: after "changes requested", the applicant edits and sends it again.
  submitted_at timestamptz not null default now(),
  -- Why it was refused or what to change, shown to the applicant.
  decision_reason text check (length(decision_reason) <= 2000),
  decided_at timestamptz,
  decided_by uuid,
  constraint proposals_set_listing_fields check (
    jsonb_typeof(fields) = 'object' and to_jsonb(jsonb_populate_record(null::public.listing_fields, fields)) @> fields
  ),
  constraint changes_name_their_listing check (kind = 'create' or (listing_id is not null and base_version is not null)),
  constraint creations_start_from_nothing check (kind <> 'create' or base_version is null)
);
alter table public.proposals enable row level security;
-- The queue is read oldest first; open proposals are searched for duplicates by each identifier.
create index proposals_queue_idx on public.proposals (created_at, id) where status = 'pending';
create index proposals_listing_idx on public.proposals (listing_id) where listing_id is not null;
create index proposals_neq_idx on public.proposals ((fields ->> 'neq')) where status in ('pending', 'changes_requested');
create index proposals_phone_idx on public.proposals ((fields ->> 'phone')) where status in ('pending', 'changes_requested');
create index proposals_website_idx on public.proposals (lower(fields ->> 'website')) where status in ('pending', 'changes_requested');
create index proposals_name_key_idx on public.proposals (private.name_key(fields ->> 'city'), private.name_key(fields ->> 'name'))
  where status in ('pending', 'changes_requested');
create index proposals_decided_idx on public.proposals (decided_at) where decided_at is not null;

-- The journal: every decision on a proposal and every resubmission, with what it did to the
-- listing. Append-only (supabase/schemas/functions/private.refuse_change.sql).
drop trigger if exists append_only on public.moderation_decisions;
drop trigger if exists append_only_truncate on public.moderation_decisions;
alter table public.moderation_decisions rename to journal;
alter sequence public.moderation_decisions_id_seq rename to journal_id_seq;
alter index public.moderation_decisions_merchant_idx rename to journal_proposal_idx;
alter table public.journal drop constraint moderation_decisions_merchant_id_fkey;
alter table public.journal drop constraint moderation_decisions_decision_check;
alter table public.journal drop constraint moderation_decisions_check;
alter table public.journal rename constraint moderation_decisions_reason_check to journal_reason_check;
alter table public.journal rename constraint moderation_decisions_pkey to journal_pkey;
alter table public.journal rename column merchant_id to proposal_id;
alter table public.journal rename column moderator_id to actor_id;
alter table public.journal rename column moderator_email to actor_email;
alter table public.journal rename column decision to action;
alter table public.journal rename column decided_at to at;
alter table public.journal
  add constraint journal_action_check check (action in ('approve', 'reject', 'request_changes', 'resubmit')),
  add constraint refusals_give_a_reason check (action not in ('reject', 'request_changes') or length(btrim(reason)) > 0),
  add column listing_id uuid references public.listings (id),
  -- What the decision did to the published listing, and the listing version it produced.
  add column listing_change text check (listing_change in ('created', 'changed', 'withdrawn', 'republished')),
  add column listing_version integer,
  -- For a change: {"field": [before, after], …}, without the contact e-mail (personal data).
  add column changes jsonb;
create index journal_listing_idx on public.journal (listing_id, at) where listing_id is not null;

-- Notices: composed by the database from trusted data as a kind and its parameters, rendered in the
-- merchant's language by the site's dictionary when read or sent, with the configured site address.
-- Notices queued before this change keep the subject and body they were written with.
alter table public.outbox drop constraint outbox_merchant_id_fkey;
alter table public.outbox rename column merchant_id to proposal_id;
alter table public.outbox
  add column params jsonb,
  alter column subject drop not null,
  alter column body drop not null,
  add constraint notices_are_composed_or_written check (params is not null or (subject is not null and body is not null));

-- Rate limiting. The client address is hashed by the function with a random salt of the day, kept
-- here and deleted with the buckets after 48 hours: a bucket cannot be tied to an address once its
-- salt is gone, nor guessed by anyone without it (Quebec's Law 25).
create table private.rate_limit_salts (
  day date primary key,
  salt text not null check (length(salt) >= 32)
);
alter table private.rate_limit_salts enable row level security;

-- Settings the operators may change without a release.
create table private.settings (
  name text primary key,
  value jsonb not null
);
alter table private.settings enable row level security;
insert into private.settings (name, value) values ('registrations_per_minute', '20');

-- Moving the rows. Old opening hours were the week alone, {"mon": [["09:00", "17:00"]]}, spans in
-- any order; they become {"week": …} with each day's spans in order.
create function pg_temp.hours(old jsonb) returns jsonb language sql immutable as $$
  select case when old = '{}'::jsonb then '{}'::jsonb else jsonb_build_object('week', (
    select jsonb_object_agg(day, (select coalesce(jsonb_agg(span order by span ->> 0), '[]') from jsonb_array_elements(spans) span))
    from jsonb_each(old) as d(day, spans))) end
$$;

-- Old pre-checks carried their sentences in both languages; each becomes a code and the values its
-- sentence quoted. The sentences these patterns read are the only ones the old functions wrote.
create function pg_temp.coded(c jsonb, m public.merchants) returns jsonb language sql stable as $$
  select jsonb_build_object('check', c ->> 'check', 'outcome', c ->> 'outcome') || case c ->> 'check'
    when 'postal_code' then jsonb_build_object(
      'code', case c ->> 'outcome' when 'pass' then 'postal_code.quebec' else 'postal_code.outside' end,
      'params', jsonb_build_object('postalCode', m.postal_code))
    when 'municipality' then case c ->> 'outcome'
      when 'pass' then jsonb_build_object('code', 'municipality.known', 'params', coalesce((
        select jsonb_build_object('town', mu.name, 'region', jsonb_build_object('fr', r.name_fr, 'en', r.name_en))
        from public.municipalities mu join public.regions r on r.code = mu.region_code where mu.code = m.municipality_code), '{}'))
      else jsonb_build_object('code', 'municipality.unknown', 'params', jsonb_build_object('city', m.city)) end
    when 'coordinates' then case c ->> 'outcome'
      when 'pass' then jsonb_build_object('code', 'coordinates.quebec', 'params', '{}'::jsonb)
      when 'warn' then jsonb_build_object('code', 'coordinates.missing', 'params', '{}'::jsonb)
      else jsonb_build_object('code', 'coordinates.outside', 'params',
        jsonb_build_object('latitude', round(m.latitude::numeric, 4), 'longitude', round(m.longitude::numeric, 4))) end
    when 'neq' then jsonb_build_object(
      'code', case c ->> 'outcome' when 'pass' then 'neq.valid' else 'neq.malformed' end,
      'params', jsonb_build_object('neq', coalesce(m.neq, '')))
    when 'duplicate' then case
      when c ->> 'outcome' = 'pass' then jsonb_build_object('code', 'duplicate.none', 'params', '{}'::jsonb)
      when c ->> 'message_fr' ~ '^Même NEQ que « .* » \(.*\), déjà (publié|en attente)\.$' then (
        select jsonb_build_object('code', case x[3] when 'publié' then 'duplicate.neq_published' else 'duplicate.neq_waiting' end,
          'params', jsonb_build_object('name', x[1], 'city', x[2]))
        from regexp_match(c ->> 'message_fr', '^Même NEQ que « (.*) » \((.*)\), déjà (publié|en attente)\.$') x)
      when c ->> 'message_fr' ~ ' que « .* » \(.*\) : doublon possible\.$' then (
        select jsonb_build_object('code', case x[1] when 'Même téléphone' then 'duplicate.phone' when 'Même site web' then 'duplicate.website' else 'duplicate.name' end,
          'params', jsonb_build_object('name', x[2], 'city', x[3]))
        from regexp_match(c ->> 'message_fr', '^(.*) que « (.*) » \((.*)\) : doublon possible\.$') x)
      else jsonb_build_object('code', 'duplicate.similar', 'params', '{}'::jsonb) end
    when 'content' then case
      when c ->> 'outcome' = 'pass' then jsonb_build_object('code', 'content.clean', 'params', '{}'::jsonb)
      when c ->> 'outcome' = 'fail' then jsonb_build_object('code', 'content.profanity', 'params',
        jsonb_build_object('word', coalesce((regexp_match(c ->> 'message_fr', '« (.*) »'))[1], '')))
      when c ->> 'message_en' like '%link%' then jsonb_build_object('code', 'content.link', 'params', '{}'::jsonb)
      else jsonb_build_object('code', 'content.capitals', 'params', '{}'::jsonb) end
    else '{}'::jsonb end
$$;

-- Every merchant that is or was published (approved_at is set at its first approval and kept).
insert into public.listings (
  id, slug, status, owner_id, name, category_slug, description_fr, description_en, street_address, city,
  municipality_code, region_code, postal_code, latitude, longitude, phone, website, social_links, opening_hours,
  contact_email, neq, locale, created_at, updated_at, published_at
)
select m.id, m.slug, case when m.status = 'approved' then 'published' else 'withdrawn' end::public.listing_status, m.owner_id,
  m.name, m.category_slug, m.description_fr, m.description_en, m.street_address, m.city,
  m.municipality_code, m.region_code, m.postal_code, m.latitude, m.longitude, m.phone, m.website, m.social_links,
  pg_temp.hours(m.opening_hours), m.contact_email, m.neq, m.submitted_locale, m.created_at, m.updated_at, m.approved_at
from public.merchants m
where m.approved_at is not null;

-- Every merchant is the proposal that created it, with the fields it had.
insert into public.proposals (
  id, kind, listing_id, fields, status, checks, checks_outcome, checks_computed_at, locale, idempotency_key,
  created_at, submitted_at, decision_reason, decided_at, decided_by
)
select m.id, 'create', l.id,
  jsonb_strip_nulls(to_jsonb(row(
    m.name, m.category_slug, m.description_fr, m.description_en, m.street_address, m.city, m.municipality_code,
    m.region_code, m.postal_code, m.latitude, m.longitude, m.phone, m.website, m.social_links,
    pg_temp.hours(m.opening_hours), m.contact_email, m.neq)::public.listing_fields)),
  m.status,
  coalesce((select jsonb_agg(pg_temp.coded(c, m) order by n) from jsonb_array_elements(m.checks) with ordinality as e(c, n)), '[]'),
  m.checks_outcome, m.checks_computed_at, m.submitted_locale, m.idempotency_key,
  m.created_at, m.created_at, m.decision_reason, m.decided_at,
  (select j.actor_id from public.journal j where j.proposal_id = m.id order by j.at desc, j.id desc limit 1)
from public.merchants m left join public.listings l on l.id = m.id;

-- What each past decision did to the listing.
update public.journal j set
  listing_id = l.id,
  listing_version = 1,
  listing_change = case
    when j.action = 'approve' and j.previous_status <> 'approved' then
      case when exists (select 1 from public.journal e where e.proposal_id = j.proposal_id and e.action = 'approve' and e.id < j.id)
        then 'republished' else 'created' end
    when j.action <> 'approve' and j.previous_status = 'approved' then 'withdrawn'
  end
from public.listings l where l.id = j.proposal_id;

alter table public.journal add constraint journal_proposal_id_fkey foreign key (proposal_id) references public.proposals (id) on delete restrict;
alter table public.outbox add constraint outbox_proposal_id_fkey foreign key (proposal_id) references public.proposals (id) on delete cascade;

-- The old table goes, with the functions, view, policies and triggers built on its row type; their
-- successors are in supabase/schemas, applied after this migration.
drop function pg_temp.coded(jsonb, public.merchants);
drop function pg_temp.hours(jsonb);
drop table public.merchants cascade;
