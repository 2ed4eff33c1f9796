// The merchant page's "open now" line and today's row, computed in the visitor's browser in the
// shop's time zone: the static page, built days earlier, shows the table without a claim.
import { localTime, openState } from '../lib/open-now.ts';
import { openNowText, type OpenNowWords } from '../lib/open-now-text.ts';
import { DAYS, type OpeningHours } from '../lib/opening-hours.ts';

for (const line of document.querySelectorAll<HTMLElement>('[data-open-now]')) {
  const zone = line.dataset.zone!;
  const now = new Date();
  const today = localTime(now, zone).date;
  const state = openState(JSON.parse(line.dataset.hours!) as OpeningHours, zone, now);
  const text = openNowText(state, today, JSON.parse(line.dataset.words!) as OpenNowWords);
  if (text) {
    line.textContent = text;
    line.classList.toggle('is-open', state.known && state.open);
    line.hidden = false;
  }
  const weekday = DAYS[(new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7];
  const row = line.parentElement?.querySelector(`tr[data-day="${weekday}"]`);
  row?.classList.add('today');
  row?.setAttribute('aria-current', 'date');
}
