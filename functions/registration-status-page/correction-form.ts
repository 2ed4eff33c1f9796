// After "changes requested", the status page's correction form works without JavaScript: the
// template's form (StatusPage.astro, hidden until used) is shown, posts to
// /api/registration-resubmit with the private link's two halves, and holds the registration's
// values, filled in here. The script, when it runs, sends the same form as JSON instead.
import { fillFormHtml } from '../_shared/fill-form.ts';
import { escapeHtml } from '../_shared/respond.ts';
import { hoursBeyondTheWeek, registrationFormValues, type StoredSubmission } from '../../src/lib/registration-form.ts';

export function withCorrectionForm(page: string, submission: StoredSubmission, link: { id: string; token: string; locale: string }): string {
  const form = /<form([^>]*) data-resubmit-form([^>]*)>([\s\S]*?)<\/form>/.exec(page);
  if (!form) return page;
  const inner = fillFormHtml(form[3]!, registrationFormValues(submission));
  const hidden = [
    ['id', link.id], ['token', link.token], ['locale', link.locale],
    ['hoursKept', JSON.stringify(hoursBeyondTheWeek(submission))],
  ].map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value!)}">`).join('');
  const shown = page.slice(0, form.index) + `<form${form[1]} data-resubmit-form${form[2]} method="post" action="/api/registration-resubmit">${hidden}${inner}</form>` + page.slice(form.index + form[0].length);
  // The section that holds it, shown.
  return shown.replace(/(<section[^>]* data-resubmit[^>]*?) hidden>/, '$1>');
}
