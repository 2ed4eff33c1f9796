-- The one opening-hours format, checked here for the database and by src/lib/opening-hours.ts (zod)
-- for forms and pages; supabase/tests/opening-hours.test.ts holds both to the same answers.
--   {
--     "week": {"mon": [["09:00", "12:00"], ["13:00", "17:00"]], "fri": [["17:00", "02:00"]]},
--     "exceptions": [{"date": "2027-06-24", "spans": []},
--                    {"date": "2026-12-24", "spans": [["09:00", "15:00"]]},
--                    {"date": "2027-07-19", "until": "2027-08-01", "spans": []}],
--     "closedSeasons": [{"from": "11-01", "to": "04-30"}],
--     "temporarilyClosed": true
--   }
-- Every key is optional; {} means the hours are not known. A span is [opens, closes] on the 24-hour
-- clock; a closing before the opening is on the next day (a bar open Friday 17:00 to 02:00), and
-- midnight as a closing is "24:00". A day holds at most 4 spans that do not overlap, an overnight
-- one last, and its early-morning part must end before the next day opens. Exceptions are dated
-- days or ranges (inclusive, at most a year) whose spans replace the week's ([] = closed);
-- closed seasons repeat every year between two month-days, and may run over the new year.

/** Minutes since midnight of a valid "HH:MM" (or "24:00"): private.minutes('17:30') = 1050. */
create or replace function private.minutes(t text) returns integer
language sql immutable parallel safe
as $$
  select pg_catalog.split_part(t, ':', 1)::integer * 60 + pg_catalog.split_part(t, ':', 2)::integer
$$;

/** Whether a day's list of spans is well formed (see above). */
create or replace function private.are_valid_spans(spans jsonb) returns boolean
language plpgsql immutable parallel safe
as $$
declare
  span jsonb;
  opens integer;
  closes integer;
  previous_end integer := -1;
begin
  if pg_catalog.jsonb_typeof(spans) is distinct from 'array' or pg_catalog.jsonb_array_length(spans) > 4 then
    return false;
  end if;
  for span in select value from pg_catalog.jsonb_array_elements(spans) loop
    if pg_catalog.jsonb_typeof(span) <> 'array' or pg_catalog.jsonb_array_length(span) <> 2
       or pg_catalog.jsonb_typeof(span -> 0) <> 'string' or pg_catalog.jsonb_typeof(span -> 1) <> 'string'
       or not (span ->> 0 ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
       or not (span ->> 1 ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$')
       or span ->> 1 = '00:00' then
      return false;
    end if;
    opens := private.minutes(span ->> 0);
    closes := private.minutes(span ->> 1);
    -- Spans come in order and do not overlap the previous one; an overnight one is the last.
    if opens = closes or opens < previous_end or previous_end >= 1440 then
      return false;
    end if;
    previous_end := case when closes < opens then closes + 1440 else closes end;
  end loop;
  return true;
end
$$;

/** The minute an overnight span of these spans ends on the next day (0 when none runs past midnight). */
-- PL/pgSQL: not inlinable (an aggregate), so as SQL it would be planned again at each of its 7 calls.
create or replace function private.overnight_end(spans jsonb) returns integer
language plpgsql immutable parallel safe
as $$
begin
  return (select coalesce(max(private.minutes(s ->> 1)) filter (where s ->> 1 < s ->> 0), 0)
    from pg_catalog.jsonb_array_elements(coalesce(spans, '[]'::jsonb)) as s);
end
$$;

/** Whether text is a real calendar date written YYYY-MM-DD (2027-02-29 is not). */
create or replace function private.is_iso_date(value text) returns boolean
language sql immutable parallel safe
as $$
  select coalesce(value ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
    and pg_catalog.substr(value, 9, 2)::integer <= pg_catalog.date_part('day',
      pg_catalog.make_date(pg_catalog.substr(value, 1, 4)::integer, pg_catalog.substr(value, 6, 2)::integer, 1)
      + interval '1 month - 1 day'), false)
$$;

create or replace function private.is_valid_opening_hours(hours jsonb) returns boolean
language plpgsql immutable parallel safe
as $$
declare
  days constant text[] := array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  day text;
  entry jsonb;
  next_first text;
  ranges daterange[] := '{}';
  range daterange;
begin
  if pg_catalog.jsonb_typeof(hours) is distinct from 'object'
     or exists (select 1 from pg_catalog.jsonb_object_keys(hours) k where k not in ('week', 'exceptions', 'closedSeasons', 'temporarilyClosed')) then
    return false;
  end if;

  if hours ? 'week' then
    if pg_catalog.jsonb_typeof(hours -> 'week') <> 'object'
       or exists (select 1 from pg_catalog.jsonb_object_keys(hours -> 'week') k where k <> all(days)) then
      return false;
    end if;
    for i in 1 .. 7 loop
      day := days[i];
      if hours -> 'week' ? day and not private.are_valid_spans(hours -> 'week' -> day) then
        return false;
      end if;
      -- Friday's 17:00–02:00 must end before Saturday opens.
      next_first := hours -> 'week' -> days[i % 7 + 1] -> 0 ->> 0;
      if next_first is not null and private.overnight_end(hours -> 'week' -> day) > private.minutes(next_first) then
        return false;
      end if;
    end loop;
  end if;

  if hours ? 'exceptions' then
    if pg_catalog.jsonb_typeof(hours -> 'exceptions') <> 'array' or pg_catalog.jsonb_array_length(hours -> 'exceptions') > 50 then
      return false;
    end if;
    for entry in select value from pg_catalog.jsonb_array_elements(hours -> 'exceptions') loop
      if pg_catalog.jsonb_typeof(entry) <> 'object'
         or exists (select 1 from pg_catalog.jsonb_object_keys(entry) k where k not in ('date', 'until', 'spans'))
         or not private.is_iso_date(entry ->> 'date')
         or (entry ? 'until' and not (private.is_iso_date(entry ->> 'until') and entry ->> 'until' >= entry ->> 'date'
               and (entry ->> 'until')::date - (entry ->> 'date')::date <= 366))
         or not private.are_valid_spans(entry -> 'spans') then
        return false;
      end if;
      range := pg_catalog.daterange((entry ->> 'date')::date, coalesce(entry ->> 'until', entry ->> 'date')::date, '[]');
      if range && any(ranges) then
        return false;
      end if;
      ranges := ranges || range;
    end loop;
  end if;

  if hours ? 'closedSeasons' then
    if pg_catalog.jsonb_typeof(hours -> 'closedSeasons') <> 'array' or pg_catalog.jsonb_array_length(hours -> 'closedSeasons') > 4 then
      return false;
    end if;
    for entry in select value from pg_catalog.jsonb_array_elements(hours -> 'closedSeasons') loop
      -- Month-days are checked in a leap year, so that 02-29 is a day a season can start or end on.
      if pg_catalog.jsonb_typeof(entry) <> 'object'
         or exists (select 1 from pg_catalog.jsonb_object_keys(entry) k where k not in ('from', 'to'))
         or not private.is_iso_date('2028-' || (entry ->> 'from')) or not private.is_iso_date('2028-' || (entry ->> 'to'))
         or entry ->> 'from' = entry ->> 'to' then
        return false;
      end if;
    end loop;
  end if;

  return not hours ? 'temporarilyClosed' or pg_catalog.jsonb_typeof(hours -> 'temporarilyClosed') = 'boolean';
end
$$;
