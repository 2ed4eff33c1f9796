// After "changes requested", the status page's correction form works without JavaScript: the
// template's form (StatusPage.astro, hidden until used) is shown, posts to
// /api/registration-resubmit with the private link's two halves, and holds the registration's
// values, filled in here. The script, when it runs, sends the same form as JSON instead.
import { escapeHtml } from '../_shared/respond.ts';
import { hoursBeyondTheWeek, registrationFormValues, type StoredSubmission } from '../../src/lib/registration-form.ts';

export function withCorrectionForm(page: string, submission: StoredSubmission, link: { id: string; token: string; locale: string }): string {
  const form = /<form([^>]*) data-resubmit-form([^>]*)>([\s\S]*?)<\/form>/.exec(page);
  if (!form) return page;
  const values = registrationFormValues(submission);
  let inner = form[3]!;
  for (const [name, value] of Object.entries(values)) {
    const attr = `name="${name}"`;
    // Where the business is shown: the radio of the stored choice, checked instead of the default.
    if (name === 'location') {
      inner = inner.replace(/(<input[^>]* name="location"[^>]*?) checked([^>]*>)/g, '$1$2');
      inner = inner.replace(new RegExp(`(<input[^>]* name="location"[^>]* value="${escapeHtml(value)}")`), '$1 checked');
      continue;
    }
    // A text, time, e-mail or tel field: its value; a text area: its text; the category: its option.
    inner = inner.replace(new RegExp(`<input([^>]*) ${attr}([^>]*)>`), (_m, a: string, b: string) => `<input${a} ${attr}${b} value="${escapeHtml(value)}">`);
    inner = inner.replace(new RegExp(`(<textarea[^>]* ${attr}[^>]*>)</textarea>`), (_m, open: string) => `${open}${escapeHtml(value)}</textarea>`);
    if (name === 'category' && value) inner = inner.replace(`<option value="${escapeHtml(value)}"`, `<option selected value="${escapeHtml(value)}"`);

  }
  const hidden = [
    ['id', link.id], ['token', link.token], ['locale', link.locale],
    ['hoursKept', JSON.stringify(hoursBeyondTheWeek(submission))],
  ].map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value!)}">`).join('');
  const shown = page.slice(0, form.index) + `<form${form[1]} data-resubmit-form${form[2]} method="post" action="/api/registration-resubmit">${hidden}${inner}</form>` + page.slice(form.index + form[0].length);
  // The section that holds it, shown.
  return shown.replace(/(<section[^>]* data-resubmit[^>]*?) hidden>/, '$1>');
}
