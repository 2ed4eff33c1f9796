// <vitrine-moderation-outbox>: the notices to merchants (./ModerationOutbox.astro), newest first, 50
// at a time ("Older notices" adds the next 50), searched by recipient or business, each with its
// recipient, kind, language, when it was queued and where its delivery stands.
import type { Notice } from '../../../functions/_shared/moderation-answers.ts';
import { fill, formatDate, plural } from '../../lib/moderation/text.ts';
import { pageContext, part } from './context.ts';
import { factList } from './facts.ts';
import { ModeratorGate } from './sign-in.ts';

class VitrineModerationOutbox extends HTMLElement {
  #gate!: ModeratorGate;
  #shown: Notice[] = [];
  #nextBefore: number | null = null;

  connectedCallback() {
    part(this, '[data-needs-js]').remove();
    this.#gate = new ModeratorGate(this, part(this, '[data-gated]'), pageContext(this).m, () => void this.#load());
    part(this, '[data-refresh]').addEventListener('click', () => void this.#load());
    part<HTMLFormElement>(this, '[data-search]').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#load();
    });
    part(this, '[data-more]').addEventListener('click', () => void this.#load(this.#nextBefore));
    void this.#gate.start();
  }

  /** The first page of what the search box asks for, or the page after `before`. */
  async #load(before: number | null = null) {
    const { m, locale } = pageContext(this);
    const status = part(this, '[data-outbox-status]');
    status.textContent = m['outbox.loading']!;
    part(this, '[data-error]').textContent = '';
    const q = part<HTMLInputElement>(this, '#outbox-q').value.trim();
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(before ? { before: String(before) } : {}) });
    try {
      const { items, nextBefore } = await this.#gate.call<{ items: Notice[]; nextBefore: number | null }>(`outbox?${query}`, { locale });
      this.#shown = before ? [...this.#shown, ...items] : items;
      this.#nextBefore = nextBefore;
      this.#render(this.#shown);
      part(this, '[data-more]').hidden = nextBefore === null;
      status.textContent = this.#shown.length ? plural(m, locale, 'outbox.loaded', this.#shown.length) : q ? fill(m['outbox.noMatch']!, { q }) : m['outbox.empty']!;
      // After "Older notices", the first of them takes focus, where reading goes on.
      if (before) part(this, '[data-notices]').children[this.#shown.length - items.length]?.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      status.textContent = '';
      if ((error as Error).name === 'AbortError' || this.#gate.refused(error)) return;
      part(this, '[data-error]').textContent = fill(m['error.generic']!, { message: (error as Error).message || m['error.network']! });
    }
  }

  #state(n: Notice): string {
    const { m, locale } = pageContext(this);
    if (n.sentAt) return fill(m['outbox.sent']!, { date: formatDate(locale, n.sentAt) });
    if (n.failedAt) return fill(m['outbox.failed']!, { date: formatDate(locale, n.failedAt), attempts: n.attempts, error: n.lastError ?? '' });
    if (n.lastError) return fill(m['outbox.retrying']!, { date: formatDate(locale, n.nextAttemptAt), attempts: n.attempts, error: n.lastError });
    return m['outbox.queued']!;
  }

  #render(items: Notice[]) {
    const { m, locale } = pageContext(this);
    const rows = items.map((n) => {
      // textContent only: subjects and bodies quote what applicants and moderators typed.
      const article = document.createElement('article');
      article.className = `notice notice-${n.kind}${n.failedAt ? ' notice-failed' : ''}`;
      const title = document.createElement('h2');
      title.tabIndex = -1;
      title.textContent = n.subject;
      const { list: facts, add: fact } = factList(m);
      fact('outbox.recipient', n.recipient);
      fact('outbox.kind', m[`decision.${n.kind}`] ?? n.kind);
      fact('outbox.language', m[`language.${n.locale}`] ?? n.locale);
      fact('outbox.created', formatDate(locale, n.createdAt));
      fact('outbox.state', this.#state(n));
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
