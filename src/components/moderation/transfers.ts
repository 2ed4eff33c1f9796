// <vitrine-moderation-transfers>: the listing transfer requests (./ModerationTransfers.astro),
// oldest first, each beside its listing, accepted (the requester becomes an owner) or refused with a
// reason the requester receives, through /api/moderation/transfer-decide; and what members published
// themselves (/api/moderation/member-changes), each undone with /api/moderation/revert.
import { FORM_NAMES } from '../../lib/account-form.ts';
import { fill, formatDate } from '../../lib/moderation/text.ts';
import { pageContext, part } from './context.ts';
import { factList } from './facts.ts';
import { ModeratorGate } from './sign-in.ts';

type MemberChange = {
  entryId: number; at: string; action: 'publish' | 'revert'; revertible: boolean;
  listing: { id: string; slug: string; name: string }; changes: Record<string, [unknown, unknown]>;
};

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
      const [items, changes] = await Promise.all([
        this.#gate.call<Transfer[]>('transfers', { locale }),
        this.#gate.call<MemberChange[]>('member-changes', { locale }),
      ]);
      part(this, '[data-transfers]').replaceChildren(...items.map((item) => this.#article(item)));
      part(this, '[data-member-changes]').replaceChildren(...changes.map((change) => this.#change(change)));
      status.textContent = [said, items.length ? '' : m['transfers.empty']!, changes.length ? '' : m['changes.empty']!].filter(Boolean).join(' ');
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

  /** One change a member published: the listing, when, each field before and after, and undo. */
  #change(change: MemberChange): HTMLElement {
    const { m, locale } = pageContext(this);
    const article = document.createElement('article');
    const title = document.createElement('h3');
    title.append(listingLink(change.listing.slug, change.listing.name, locale), ` · ${m[`changes.action.${change.action}`] ?? change.action} · ${formatDate(locale, change.at)}`);
    const { list, add } = factList(m);
    const shown = (value: unknown) => (typeof value === 'string' ? value : value === null ? '—' : JSON.stringify(value));
    for (const [field, [before, after]] of Object.entries(change.changes ?? {})) add(`field.${FORM_NAMES[field] ?? field}`, `${shown(before)} → ${shown(after)}`);
    article.append(title, list);
    if (change.revertible) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = m['changes.revert']!;
      button.addEventListener('click', async () => {
        try {
          await this.#gate.call('revert', { locale, method: 'POST', body: { entryId: change.entryId } });
          await this.#load(m['changes.reverted']!);
        } catch (error) {
          this.#failed(error);
        }
      });
      article.append(button);
    } else if (change.action === 'publish') {
      const note = document.createElement('p');
      note.textContent = m['changes.changedAgain']!;
      article.append(note);
    }
    return article;
  }

  /** One request; every value is text (what requesters typed never becomes markup). */
  #article(item: Transfer): HTMLElement {
    const { m, locale } = pageContext(this);
    const article = document.createElement('article');
    const title = document.createElement('h3');
    title.append(listingLink(item.listing.slug, `${item.listing.name} (${item.listing.city})`, locale));
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

/** A link to a listing's page, in the console's language. */
function listingLink(slug: string, text: string, locale: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = `/commerces/${slug}/${locale === 'en' ? '?lang=en' : ''}`;
  link.textContent = text;
  return link;
}

customElements.define('vitrine-moderation-transfers', VitrineModerationTransfers);
