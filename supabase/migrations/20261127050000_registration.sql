-- Registration: a business submits its listing, automatic pre-checks run at once and are stored
-- with it, and the applicant gets a private link to follow where it stands. The functions are in
-- supabase/schemas/functions (public.register_merchant, public.registration_status and their helpers).

-- Columns a submission needs beyond the listing itself.
alter table public.merchants
  add column submitted_locale text not null default 'fr' check (submitted_locale in ('fr', 'en')),
  -- The client's Idempotency-Key, or a fingerprint of the submission: a retried or double-clicked
  -- submission finds its first row instead of creating a second.
  add column idempotency_key text unique check (length(idempotency_key) <= 200),
  -- [{check, outcome: pass|warn|fail, message_fr, message_en}], and the worst outcome of them.
  add column checks jsonb not null default '[]',
  add column checks_outcome text check (checks_outcome in ('pass', 'warn', 'fail')),
  add column checks_computed_at timestamptz,
  -- Why it was refused or what to change, shown to the applicant.
  add column decision_reason text check (length(decision_reason) <= 2000),
  add column decided_at timestamptz;

-- The queue is read oldest first, by outcome; duplicates are looked up by each identifier.
create index merchants_queue_idx on public.merchants (created_at, id) where status = 'pending';
create index merchants_neq_idx on public.merchants (neq) where neq is not null;
create index merchants_phone_idx on public.merchants (phone) where phone is not null;
create index merchants_website_idx on public.merchants (lower(website)) where website is not null;

-- Secrets that never leave the database: the key that signs status links.
create table private.secrets (
  name text primary key,
  value text not null
);
alter table private.secrets enable row level security;
insert into private.secrets (name, value)
  values ('status_link', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- Registration attempts per client and minute. The bucket is a salted hash computed by the function
-- from the client address: the address itself is never stored (Law 25).
create table private.rate_limits (
  bucket text not null check (length(bucket) between 16 and 128),
  window_start timestamptz not null,
  hits integer not null default 1,
  primary key (bucket, window_start)
);
alter table private.rate_limits enable row level security;

create index merchants_name_key_idx on public.merchants (private.name_key(city), private.name_key(name));
