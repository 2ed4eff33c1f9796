// The browser side of the registration's fields (src/components/RegistrationFields.astro), shared by
// the registration page and the status page's corrections: each error the API reports shown beside
// its field and listed at the top with a link to it, and a stored registration put back into the
// fields. The API words every message; nothing here validates on its own.
import { formatPhone } from './format.ts';
import { DAYS, type OpeningHours } from './opening-hours.ts';

export type FieldError = { field: string; message: string };
/** The words the summary needs: its heading for one error and for several ({count}). */
export type SummaryMessages = { one: string; other: string };

/**
 * Marks each field in error under `root`, lists the errors in its [data-error-summary] with links to
 * the fields, and focuses the list; `errors` [] clears everything.
 */
export function showFieldErrors(root: HTMLElement, errors: FieldError[], { locale, messages, fallback }: { locale: 'fr' | 'en'; messages: SummaryMessages; fallback?: string }): void {
  const colon = locale === 'fr' ? '\u00a0: ' : ': ';
  const byField = new Map<string, { messages: string[]; path: string }>();
  for (const { field, message } of errors) {
    // "links.2" is the third line of the links box. The first problem of a field is enough: an
    // empty NEQ is "required", not also "10 digits".
    const name = field.split('.')[0]!;
    if (!byField.has(name)) byField.set(name, { messages: [message], path: field });
  }
  // Each field in error: the control its error marks, the message shown beside it, its label.
  const marked = new Map<string, { control: HTMLElement; text: string; label: string }>();
  for (const wrapper of root.querySelectorAll<HTMLElement>('[data-field]')) {
    const name = wrapper.dataset.field!;
    const error = wrapper.querySelector<HTMLElement>('.error')!;
    // Clear what an earlier answer marked: in a group (the hours table), on any of its fields.
    for (const field of wrapper.querySelectorAll<HTMLElement>('input, select, textarea')) {
      field.removeAttribute('aria-invalid');
      const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
      if (ids.length) field.setAttribute('aria-describedby', ids.join(' '));
      else field.removeAttribute('aria-describedby');
    }
    const found = byField.get(name);
    error.hidden = !found;
    error.textContent = '';
    if (!found) continue;
    const control = controlFor(wrapper, name, found.path);
    const text = [...new Set(found.messages.map((m) => inGroup(root, name, control, m, colon)))].join(' ');
    error.textContent = text;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [error.id, ...(control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)].join(' '));
    marked.set(name, { control, text, label: wrapper.querySelector('[data-label-text]')?.textContent ?? name });
  }

  const summary = root.querySelector<HTMLElement>('[data-error-summary]')!;
  const list = root.querySelector<HTMLUListElement>('[data-error-list]')!;
  if (byField.size === 0) {
    summary.hidden = true;
    list.replaceChildren();
    return;
  }
  const items = [...byField].map(([name, found]) => {
    const li = document.createElement('li');
    const shown = marked.get(name);
    if (!shown) {
      li.textContent = [...new Set(found.messages)].join(' ') || fallback || '';
      return li;
    }
    const { control, text, label } = shown;
    const a = document.createElement('a');
    a.href = `#${control.id}`;
    // A group's message already names its field ("Samedi, fermeture : …").
    a.textContent = control.getAttribute('name') === name ? `${label}${colon}${text}` : `${label} — ${text}`;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      control.focus();
    });
    li.append(a);
    return li;
  });
  list.replaceChildren(...items);
  const count = byField.size;
  const heading = new Intl.PluralRules(locale === 'en' ? 'en-CA' : 'fr-CA').select(count) === 'one' ? messages.one : messages.other;
  root.querySelector('[data-error-heading]')!.textContent = heading.replace('{count}', String(count));
  summary.hidden = false;
  summary.focus();
}

/**
 * The control an error marks: the field's own element, or in the hours table the one its path names:
 * "hours.week.sat.1.0" is Saturday's second opening time; else the group's first input.
 */
function controlFor(wrapper: HTMLElement, name: string, path: string): HTMLElement {
  const own = wrapper.querySelector<HTMLElement>(`[name="${name}"]`);
  if (own) return own;
  const [, part, day, span, end] = path.split('.');
  const named = part === 'week' && day
    ? wrapper.querySelector<HTMLElement>(`[name="${name}-${day}-${end === '1' ? 'closes' : 'opens'}${span === '1' ? '-2' : ''}"]`)
    : null;
  return named ?? wrapper.querySelector<HTMLElement>('input, select, textarea')!;
}

/** In a group, a message says which of its fields it is about: "Samedi, fermeture : …". */
function inGroup(root: HTMLElement, name: string, control: HTMLElement, message: string, colon: string): string {
  if (control.getAttribute('name') === name) return message;
  const label = root.querySelector(`label[for="${control.id}"]`)?.textContent?.trim();
  return label ? `${label}${colon}${message}` : message;
}

/** The registration as the status API gives it back for corrections (private.submission_of). */
export type StoredSubmission = {
  name?: string; neq?: string; category?: string; description?: string; address?: string; city?: string; postalCode?: string;
  phone?: string; email?: string; website?: string; links?: string[]; hours?: OpeningHours;
  location?: 'pin' | 'town' | 'none'; latitude?: number; longitude?: number;
};

/** A stored registration as the form's fields hold it, by field name (the hours table too). */
export function registrationFormValues(submission: StoredSubmission): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of ['name', 'neq', 'category', 'description', 'address', 'city', 'postalCode', 'email', 'website'] as const) values[name] = submission[name] ?? '';
  values.phone = submission.phone ? formatPhone(submission.phone) : '';
  values.links = (submission.links ?? []).join('\n');
  values.location = submission.location ?? 'town';
  values.latitude = submission.latitude === undefined ? '' : String(submission.latitude);
  values.longitude = submission.longitude === undefined ? '' : String(submission.longitude);
  for (const day of DAYS) {
    const spans = submission.hours?.week?.[day] ?? [];
    ['', '-2'].forEach((suffix, i) => {
      // A time field takes 00:00 for midnight, which the API reads back as 24:00.
      values[`hours-${day}-opens${suffix}`] = spans[i]?.[0] ?? '';
      values[`hours-${day}-closes${suffix}`] = (spans[i]?.[1] === '24:00' ? '00:00' : spans[i]?.[1]) ?? '';
    });
  }
  return values;
}

/** What the form does not show of the hours (dates, seasons, a temporary closing), kept as they were. */
export function hoursBeyondTheWeek(submission: StoredSubmission): Omit<OpeningHours, 'week'> {
  const { week: _week, ...rest } = submission.hours ?? {};
  return rest;
}

/** Puts a stored registration back into the form's fields, as the applicant typed it (the hours table too). */
export function fillRegistrationFields(form: HTMLFormElement, submission: StoredSubmission): void {
  for (const [name, value] of Object.entries(registrationFormValues(submission))) {
    const control = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | RadioNodeList | null;
    if (control) control.value = value; // a radio group (location) checks the radio of that value
  }
}
