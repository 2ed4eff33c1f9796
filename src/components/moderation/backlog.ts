// <moderation-backlog> (./Backlog.astro): "1 200 inscriptions en attente : 900 réussissent, …".
import type { Backlog } from '../../../functions/_shared/moderation-answers.ts';
import { age, fill, formatDate, intlTag, plural } from '../../lib/moderation/text.ts';
import { pageContext, part } from './context.ts';

export class ModerationBacklog extends HTMLElement {
  show(b: Backlog) {
    const { m, locale } = pageContext(this);
    const box = part(this, '[data-backlog]');
    if (!b.pending) {
      box.textContent = m['backlog.empty']!;
      return;
    }
    const numbers = new Intl.NumberFormat(intlTag(locale));
    const parts = [
      plural(m, locale, 'backlog.summary', b.pending),
      // French puts a no-break space before the colon.
      locale === 'fr' ? '\u00a0: ' : ': ',
      fill(m['backlog.byOutcome']!, { pass: numbers.format(b.pass), warn: numbers.format(b.warn), fail: numbers.format(b.fail) }),
    ];
    if (b.oldestSubmittedAt) {
      parts.push(` ${fill(m['backlog.oldest']!, { age: age(m, locale, new Date(b.oldestSubmittedAt)), date: formatDate(locale, b.oldestSubmittedAt, false) })}`);
    }
    box.textContent = parts.join('');
  }
}

customElements.define('moderation-backlog', ModerationBacklog);
