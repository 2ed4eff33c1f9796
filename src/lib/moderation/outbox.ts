// <vitrine-moderation-outbox>: the latest notices to merchants (src/components/ModerationOutbox.astro),
// each with its recipient, decision, language, when it was queued and whether it was sent.
import { ModeratorGate } from './sign-in.ts';
import { fill, formatDate, plural, type Messages } from './text.ts';

type Notice = {
  id: number; merchantId: string; recipient: string; locale: 'fr' | 'en'; kind: string;
  subject: string; body: string; createdAt: string; sentAt: string | null;
};

class VitrineModerationOutbox extends HTMLElement {
  #m: Messages = {};
  #locale: 'fr' | 'en' = 'fr';
  #gate!: ModeratorGate;

  #$<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  connectedCallback() {
    this.#m = JSON.parse(this.dataset.messages ?? '{}') as Messages;
    this.#locale = this.dataset.locale === 'en' ? 'en' : 'fr';
    this.#$('[data-needs-js]').remove();
    this.#gate = new ModeratorGate(this, this.#$('[data-outbox]'), this.#m, () => void this.#load());
    this.#$('[data-refresh]').addEventListener('click', () => void this.#load());
    void this.#gate.start();
  }

  async #load() {
    const status = this.#$('[data-outbox-status]');
    status.textContent = this.#m['outbox.loading']!;
    this.#$('[data-error]').textContent = '';
    try {
      const { items } = await this.#gate.call<{ items: Notice[] }>('outbox', { locale: this.#locale });
      this.#render(items);
      status.textContent = items.length ? plural(this.#m, this.#locale, 'outbox.loaded', items.length) : this.#m['outbox.empty']!;
    } catch (error) {
      status.textContent = '';
      if ((error as Error).name === 'AbortError' || this.#gate.refused(error)) return;
      this.#$('[data-error]').textContent = fill(this.#m['error.generic']!, { message: (error as Error).message || this.#m['error.network']! });
    }
  }

  #render(items: Notice[]) {
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
        dt.textContent = this.#m[label] ?? label;
        const dd = document.createElement('dd');
        dd.textContent = value;
        div.append(dt, dd);
        facts.append(div);
      };
      fact('outbox.recipient', n.recipient);
      fact('outbox.kind', this.#m[`decision.${n.kind}`] ?? n.kind);
      fact('outbox.language', this.#m[`language.${n.locale}`] ?? n.locale);
      fact('outbox.created', formatDate(this.#locale, n.createdAt));
      fact('outbox.state', n.sentAt ? fill(this.#m['outbox.sent']!, { date: formatDate(this.#locale, n.sentAt) }) : this.#m['outbox.queued']!);
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = this.#m['outbox.body']!;
      const body = document.createElement('pre');
      body.textContent = n.body;
      body.lang = n.locale;
      details.append(summary, body);
      article.append(title, facts, details);
      return article;
    });
    this.#$('[data-notices]').replaceChildren(...rows);
  }
}

customElements.define('vitrine-moderation-outbox', VitrineModerationOutbox);
