// <vitrine-moderation-outbox>: the latest notices to merchants (./ModerationOutbox.astro),
// each with its recipient, decision, language, when it was queued and whether it was sent.
import type { Notice } from '../../../functions/_shared/moderation-answers.ts';
import { fill, formatDate, plural } from '../../lib/moderation/text.ts';
import { pageContext, part } from './context.ts';
import { ModeratorGate } from './sign-in.ts';

class VitrineModerationOutbox extends HTMLElement {
  #gate!: ModeratorGate;

  connectedCallback() {
    part(this, '[data-needs-js]').remove();
    this.#gate = new ModeratorGate(this, part(this, '[data-gated]'), pageContext(this).m, () => void this.#load());
    part(this, '[data-refresh]').addEventListener('click', () => void this.#load());
    void this.#gate.start();
  }

  async #load() {
    const { m, locale } = pageContext(this);
    const status = part(this, '[data-outbox-status]');
    status.textContent = m['outbox.loading']!;
    part(this, '[data-error]').textContent = '';
    try {
      const { items } = await this.#gate.call<{ items: Notice[] }>('outbox', { locale });
      this.#render(items);
      status.textContent = items.length ? plural(m, locale, 'outbox.loaded', items.length) : m['outbox.empty']!;
    } catch (error) {
      status.textContent = '';
      if ((error as Error).name === 'AbortError' || this.#gate.refused(error)) return;
      part(this, '[data-error]').textContent = fill(m['error.generic']!, { message: (error as Error).message || m['error.network']! });
    }
  }

  #render(items: Notice[]) {
    const { m, locale } = pageContext(this);
    const rows = items.map((n) => {
      // textContent only: subjects and bodies quote what applicants and moderators typed.
      const article = document.createElement('article');
      article.className = `notice notice-${n.kind}`;
      const title = document.createElement('h2');
      title.textContent = n.subject;
      const facts = document.createElement('dl');
      const fact = (label: string, value: string) => {
        const div = document.createElement('div');
        const dt = document.createElement('dt');
        dt.textContent = m[label] ?? label;
        const dd = document.createElement('dd');
        dd.textContent = value;
        div.append(dt, dd);
        facts.append(div);
      };
      fact('outbox.recipient', n.recipient);
      fact('outbox.kind', m[`decision.${n.kind}`] ?? n.kind);
      fact('outbox.language', m[`language.${n.locale}`] ?? n.locale);
      fact('outbox.created', formatDate(locale, n.createdAt));
      fact('outbox.state', n.sentAt ? fill(m['outbox.sent']!, { date: formatDate(locale, n.sentAt) }) : m['outbox.queued']!);
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = m['outbox.body']!;
      const body = document.createElement('pre');
      body.textContent = n.body;
      body.lang = n.locale;
      details.append(summary, body);
      article.append(title, facts, details);
      return article;
    });
    part(this, '[data-notices]').replaceChildren(...rows);
  }
}

customElements.define('vitrine-moderation-outbox', VitrineModerationOutbox);
