// <vitrine-moderation-transfers>: the listing transfer requests (./ModerationTransfers.astro),
// oldest first, each beside its listing, accepted (the requester becomes an owner) or refused with a
// reason the requester receives, through /api/moderation/transfer-decide.
import { fill } from '../../lib/moderation/text.ts';
import { pageContext, part } from './context.ts';
import { factList } from './facts.ts';
import { ModeratorGate } from './sign-in.ts';

type Transfer = {
  id: string; email: string | null; neq: string; neqMatches: boolean; reason: string; createdAt: string;
  listing: { id: string; slug: string; name: string; city: string; neq: string | null; contactEmail: string | null; owners: number };
};

class VitrineModerationTransfers extends HTMLElement {
  #gate!: ModeratorGate;

  connectedCallback() {
    part(this, '[data-needs-js]').remove();
    this.#gate = new ModeratorGate(this, part(this, '[data-gated]'), pageContext(this).m, () => void this.#load());
    void this.#gate.start();
  }

  async #load(said = '') {
    const { m, locale } = pageContext(this);
    const status = part(this, '[data-transfers-status]');
    status.textContent = m['transfers.loading']!;
    part(this, '[data-error]').textContent = '';
    try {
      const items = await this.#gate.call<Transfer[]>('transfers', { locale });
      part(this, '[data-transfers]').replaceChildren(...items.map((item) => this.#article(item)));
      status.textContent = [said, items.length ? '' : m['transfers.empty']!].filter(Boolean).join(' ');
    } catch (error) {
      status.textContent = '';
      this.#failed(error);
    }
  }

  #failed(error: unknown) {
    const { m } = pageContext(this);
    if ((error as Error).name === 'AbortError' || this.#gate.refused(error)) return;
    part(this, '[data-error]').textContent = fill(m['error.generic']!, { message: (error as Error).message || m['error.network']! });
  }

  /** One request; every value is text (what requesters typed never becomes markup). */
  #article(item: Transfer): HTMLElement {
    const { m, locale } = pageContext(this);
    const article = document.createElement('article');
    const title = document.createElement('h2');
    const link = document.createElement('a');
    link.href = `/commerces/${item.listing.slug}/${locale === 'en' ? '?lang=en' : ''}`;
    link.textContent = `${item.listing.name} (${item.listing.city})`;
    title.append(link);
    const { list: facts, add: fact } = factList(m);
    fact('transfers.requester', item.email ?? '');
    fact('transfers.neq', `${item.neq} : ${item.neqMatches ? m['transfers.neqMatches'] : fill(m['transfers.neqDiffers']!, { neq: item.listing.neq ?? '' })}`);
    fact('transfers.reason', item.reason);
    fact('transfers.contact', item.listing.contactEmail ?? '');
    fact('transfers.owners', String(item.listing.owners));
    const reasonId = `transfer-reason-${item.id}`;
    const label = document.createElement('label');
    label.htmlFor = reasonId;
    label.textContent = m['transfers.rejectReason']!;
    const reason = document.createElement('textarea');
    reason.id = reasonId;
    reason.rows = 2;
    const decide = (decision: 'approve' | 'reject') => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = m[`transfers.${decision}`]!;
      button.addEventListener('click', async () => {
        try {
          await this.#gate.call('transfer-decide', { locale, method: 'POST', body: { id: item.id, decision, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) } });
          await this.#load(m[`transfers.done.${decision}`]!);
        } catch (error) {
          this.#failed(error);
        }
      });
      return button;
    };
    const actions = document.createElement('p');
    actions.append(decide('approve'), ' ', decide('reject'));
    article.append(title, facts, label, reason, actions);
    return article;
  }
}

customElements.define('vitrine-moderation-transfers', VitrineModerationTransfers);
