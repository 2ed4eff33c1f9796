// "Ouvert maintenant · ferme à 21 h" / "Fermé · ouvre demain à 9 h": an open state (open-now.ts) in
// words. The words come from the page (its dictionary), so the browser carries no dictionary.
import type { OpenState } from './open-now.ts';
import { addDays } from './open-now.ts';

export type OpenNowWords = {
  open: string; // "Ouvert maintenant · ferme à {time}"
  closed: string; // "Fermé · ouvre {when} à {time}"
  closedForNow: string; // "Fermé pour le moment"
  today: string;
  tomorrow: string;
  /** Weekday names, Monday first. */
  days: string[];
  /** Each "HH:MM" the hours use, in the page's style ("9 h", "9 a.m."). */
  times: Record<string, string>;
};

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The sentence for a known state; null when the hours say nothing. `today` is the shop's date (YYYY-MM-DD). */
export function openNowText(state: OpenState, today: string, words: OpenNowWords): string | null {
  if (!state.known) return null;
  const time = (minute: number) => words.times[hhmm(minute)] ?? hhmm(minute);
  if (state.open) return words.open.replace('{time}', time(state.closes.minute));
  if (!state.opens) return words.closedForNow;
  const when = state.opens.date === today ? words.today
    : state.opens.date === addDays(today, 1) ? words.tomorrow
    : words.days[(new Date(`${state.opens.date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  return words.closed.replace('{when}', when).replace('{time}', time(state.opens.minute));
}
