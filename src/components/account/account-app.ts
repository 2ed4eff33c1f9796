// <vitrine-account>: the merchant space (../AccountPage.astro). Signs in by a link sent by e-mail
// (POST /api/sign-in-link: Supabase Auth's magic link in production, the development link through
// the local mail catcher otherwise), whose session lives in an HttpOnly cookie that the browser
// sends with each call; then shows what GET /api/account returns and sends each action to
// /api/account/*.
// The edit form sends only what the merchant changed, with the version it started from; a 409
// keeps the merchant's text in the form and shows the current values beside it.
import { changedFields, fillForm, FORM_NAMES, readForm, type EditFields, type ListingFields } from '../../lib/account-form.ts';
import { ApiError, callApi } from '../../lib/moderation/api.ts';

type Member = { userId: string; email: string | null; role: 'owner' | 'editor'; addedAt: string };
type HistoryEntry = { id: number; action: string; at: string; fields: string[] | null; by: string; revertible: boolean };
type Proposal = { id: string; fields: Record<string, unknown>; status: string; reason: string | null; submittedAt: string };
type Listing = {
  id: string; slug: string; name: string; status: 'published' | 'withdrawn'; role: 'owner' | 'editor'; version: number;
  fields: ListingFields; members: Member[]; invitations: Array<{ id: string; email: string; role: string }>;
  proposals: Proposal[]; history: HistoryEntry[];
};
type Account = { userId: string; email: string; listings: Listing[]; invitations: Array<{ id: string; listingId: string; name: string | null; role: string }> };
type EditAnswer = { published: string[]; queued: string[]; proposalId: string | null; version: number };


class VitrineAccount extends HTMLElement {
  #m: Record<string, string> = {};
  #locale = 'fr';
  #account: Account | null = null;
  #listing: Listing | null = null;
  /** The form as filled from the listing: what an edit is compared with. */
  #initial: EditFields = {};
  /** Fields a 409 named: sent again even if unchanged since, now that the merchant has seen them. */
  #conflicted = new Set<string>();
  #base = 1;

  #$<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #text(key: string, vars: Record<string, string | number> = {}): string {
    return (this.#m[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
  }

  connectedCallback() {
    this.#m = JSON.parse(this.dataset.messages ?? '{}');
    this.#locale = this.dataset.locale ?? 'fr';
    this.#$('[data-needs-js]').remove();
    this.#wire();
    void this.#load();
  }

  #showSignIn(message: string) {
    this.#$('[data-signin]').hidden = false;
    this.#$('[data-signed-in]').hidden = true;
    this.#$('[data-signin-status]').textContent = message;
  }

  /** A call with the session cookie (no token in the page: the browser sends the cookie). */
  #call<T>(url: string, body?: unknown): Promise<T> {
    return callApi<T>(url, { token: null, locale: this.#locale, method: body === undefined ? 'GET' : 'POST', body });
  }

  /** Says what happened; a 401 brings the sign-in form back. */
  #fail(error: unknown) {
    if (error instanceof ApiError && error.status === 401) {
      this.#showSignIn(this.#text('account.signin.expired'));
      return;
    }
    this.#status(error instanceof ApiError && error.message ? error.message : this.#text('account.error.network'));
  }

  #status(message: string) {
    this.#$('[data-status]').textContent = message;
  }

  async #load(keepForm = false) {
    try {
      this.#account = await this.#call<Account>('/api/account');
    } catch (error) {
      // Nobody signed in yet: the sign-in form, as it is.
      if (error instanceof ApiError && error.status === 401) this.#showSignIn('');
      else this.#fail(error);
      return;
    }
    this.#$('[data-signin]').hidden = true;
    this.#$('[data-signed-in]').hidden = false;
    this.#$('[data-who]').textContent = this.#text('account.signin.signedInAs', { email: this.#account.email });
    this.#renderInvitations();
    this.#renderListings();
    const wanted = new URLSearchParams(location.search).get('fiche');
    const listing = this.#account.listings.find((l) => l.id === wanted) ?? (this.#account.listings.length === 1 ? this.#account.listings[0] : undefined);
    if (listing) this.#open(listing, keepForm);
    else this.#$('[data-editor]').hidden = true;
  }

  #renderInvitations() {
    const list = this.#$('[data-invitation-list]');
    const invitations = this.#account!.invitations;
    this.#$('[data-invitations]').hidden = invitations.length === 0;
    list.replaceChildren(...invitations.map((i) => {
      const item = document.createElement('li');
      item.textContent = `${this.#text('account.invitations.item', { name: i.name ?? '', role: this.#text(`account.role.${i.role}`) })} `;
      const accept = button(this.#text('account.invitations.accept'), async () => {
        try {
          await this.#call('/api/account/accept', { invitationId: i.id });
          history.replaceState(null, '', `${location.pathname}?fiche=${i.listingId}`);
          await this.#load();
        } catch (error) {
          this.#fail(error);
        }
      });
      item.append(accept);
      return item;
    }));
  }

  #renderListings() {
    const listings = this.#account!.listings;
    // An invitation waiting says what to do; "no listing, claim yours" would contradict it.
    this.#$('[data-no-listing]').hidden = listings.length > 0 || this.#account!.invitations.length > 0;
    this.#$('[data-listing-list]').replaceChildren(...listings.map((l) => {
      const item = document.createElement('li');
      const state = `${this.#text(`account.role.${l.role}`)}, ${this.#text(`account.status.${l.status}`)}`;
      item.append(`${l.name} (${state}) `);
      item.append(button(this.#text('account.listings.edit'), () => {
        history.replaceState(null, '', `${location.pathname}?fiche=${l.id}`);
        this.#open(l, false);
        this.#$('[data-editor]').scrollIntoView({ block: 'start' });
      }));
      if (l.status === 'published') {
        const view = document.createElement('a');
        view.href = `/commerces/${l.slug}/${this.#locale === 'en' ? '?lang=en' : ''}`;
        view.textContent = this.#text('account.listings.view');
        item.append(' ', view);
      }
      return item;
    }));
  }

  /** Shows a listing in the editor; `keepForm` leaves the merchant's text (after a 409). */
  #open(listing: Listing, keepForm: boolean) {
    this.#listing = listing;
    const editor = this.#$('[data-editor]');
    editor.hidden = false;
    this.#$('[data-editor-title]').textContent = this.#text('account.edit.title', { name: listing.name });
    const form = this.#$<HTMLFormElement>('[data-edit-form]');
    const closed = this.#locale === 'en' ? 'closed' : 'fermé';
    if (!keepForm) {
      fillForm(form, listing.fields, closed);
      const read = readForm(form);
      this.#initial = 'fields' in read ? read.fields : {};
      this.#base = listing.version;
      this.#conflicted.clear();
      this.#$('[data-conflict]').hidden = true;
      // The pin picker opens on the town's map with the merchant's point.
      form.querySelector<HTMLInputElement>('[name="city"]')?.dispatchEvent(new Event('change'));
    }
    for (const field of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLButtonElement>('input, textarea, select, button')) {
      field.disabled = listing.status !== 'published';
    }
    this.#renderProposals(listing);
    this.#renderHistory(listing);
    this.#renderMembers(listing);
    this.#$('[data-invite-form]').hidden = listing.role !== 'owner';
    this.#$('[data-close-listing]').hidden = listing.role !== 'owner' || listing.status !== 'published';
  }

  #label(field: string): string {
    const name = FORM_NAMES[field] ?? field;
    return this.#m[`field.${name}`] ?? name;
  }

  #labels(fields: string[]): string {
    return [...new Set(fields.map((f) => this.#label(f)))].join(', ');
  }

  #renderProposals(listing: Listing) {
    const list = this.#$('[data-proposals]');
    if (!listing.proposals.length) {
      const none = document.createElement('li');
      none.textContent = this.#text('account.proposals.none');
      list.replaceChildren(none);
      return;
    }
    list.replaceChildren(...listing.proposals.map((p) => {
      const item = document.createElement('li');
      // What the change proposes, where it is text (the name, the address…), so the merchant sees it while it waits.
      const proposed = Object.entries(p.fields).filter(([, v]) => typeof v === 'string').map(([k, v]) => `${this.#label(k)} « ${v} »`).join(', ');
      item.textContent = `${proposed || this.#labels(Object.keys(p.fields))} : ${this.#text(`account.proposals.status.${p.status}`)}${p.reason ? ` (${p.reason})` : ''} · ${when(p.submittedAt, this.#locale)}`;
      return item;
    }));
  }

  #renderHistory(listing: Listing) {
    this.#$('[data-history]').replaceChildren(...listing.history.map((h) => {
      const item = document.createElement('li');
      const what = h.fields?.length ? ` : ${this.#labels(h.fields)}` : '';
      item.append(`${when(h.at, this.#locale)} · ${this.#text(`account.history.action.${h.action}`)}${what} · ${this.#text(`account.history.by.${h.by}`)} `);
      if (h.revertible) {
        item.append(button(this.#text('account.history.revert'), async () => {
          try {
            await this.#call('/api/account/revert', { entryId: h.id });
            this.#status(this.#text('account.history.reverted'));
            await this.#load();
          } catch (error) {
            this.#fail(error);
          }
        }));
      }
      return item;
    }));
  }

  #renderMembers(listing: Listing) {
    const me = this.#account!.userId;
    const items = listing.members.map((m) => {
      const item = document.createElement('li');
      item.append(`${m.email ?? ''} ${m.userId === me ? this.#text('account.members.you') : ''} · ${this.#text(`account.role.${m.role}`)} `);
      const act = (label: string, url: string, body: unknown) => button(label, async () => {
        try {
          await this.#call(url, body);
          await this.#load();
        } catch (error) {
          this.#fail(error);
        }
      });
      if (listing.role === 'owner' && m.userId !== me && m.role === 'editor') {
        item.append(act(this.#text('account.members.makeOwner'), '/api/account/member-role', { listingId: listing.id, userId: m.userId, role: 'owner' }), ' ');
        item.append(act(this.#text('account.members.remove'), '/api/account/remove-member', { listingId: listing.id, userId: m.userId }));
      }
      return item;
    });
    for (const i of listing.invitations) {
      const item = document.createElement('li');
      item.textContent = `${this.#text('account.members.pending', { email: i.email })} · ${this.#text(`account.role.${i.role}`)}`;
      items.push(item);
    }
    this.#$('[data-members]').replaceChildren(...items);
  }

  #wire() {
    const signin = this.#$<HTMLFormElement>('[data-signin]');
    signin.addEventListener('submit', async (event) => {
      event.preventDefault();
      const email = signin.querySelector<HTMLInputElement>('[name="email"]')!;
      const status = this.#$('[data-signin-status]');
      if (!email.checkValidity()) {
        status.textContent = email.validationMessage;
        return;
      }
      const send = signin.querySelector<HTMLButtonElement>('button')!;
      send.disabled = true;
      status.textContent = this.#text('account.signin.sending');
      try {
        const answer = await callApi<{ message: string }>('/api/sign-in-link', { token: null, locale: this.#locale, method: 'POST', body: { email: email.value.trim(), locale: this.#locale } });
        status.textContent = answer.message;
      } catch (error) {
        status.textContent = error instanceof ApiError && error.message ? error.message : this.#text('account.error.network');
      } finally {
        send.disabled = false;
      }
    });

    this.#$('[data-sign-out]').addEventListener('click', async () => {
      await this.#call('/api/account/sign-out', {}).catch(() => {});
      this.#showSignIn('');
    });

    const form = this.#$<HTMLFormElement>('[data-edit-form]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#save(form);
    });

    this.#$<HTMLFormElement>('[data-invite-form]').addEventListener('submit', async (event) => {
      event.preventDefault();
      const invite = event.currentTarget as HTMLFormElement;
      const data = new FormData(invite);
      try {
        await this.#call('/api/account/invite', { listingId: this.#listing!.id, email: data.get('email'), role: data.get('role') });
        this.#status(this.#text('account.members.invited', { email: String(data.get('email')) }));
        invite.reset();
        await this.#load();
      } catch (error) {
        this.#fail(error);
      }
    });

    this.#$('[data-leave]').addEventListener('click', async () => {
      try {
        await this.#call('/api/account/remove-member', { listingId: this.#listing!.id, userId: this.#account!.userId });
        history.replaceState(null, '', location.pathname);
        await this.#load();
      } catch (error) {
        this.#fail(error);
      }
    });

    this.#$('[data-close-listing]').addEventListener('click', async () => {
      if (!confirm(this.#text('account.close.confirm', { name: this.#listing!.name }))) return;
      try {
        await this.#call('/api/account/close', { listingId: this.#listing!.id });
        this.#status(this.#text('account.close.done'));
        await this.#load();
      } catch (error) {
        this.#fail(error);
      }
    });

    this.#$<HTMLFormElement>('[data-transfer-form]').addEventListener('submit', async (event) => {
      event.preventDefault();
      const transfer = event.currentTarget as HTMLFormElement;
      const data = Object.fromEntries(new FormData(transfer));
      try {
        await this.#call('/api/account/transfer', data);
        this.#status(this.#text('account.transfer.sent'));
        transfer.reset();
      } catch (error) {
        this.#fail(error);
      }
    });

    this.#$('[data-export]').addEventListener('click', async () => {
      try {
        const data = await this.#call<unknown>('/api/account/export');
        const link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
        link.download = 'vitrine-mes-donnees.json';
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      } catch (error) {
        this.#fail(error);
      }
    });

    this.#$('[data-delete-account]').addEventListener('click', async () => {
      if (!confirm(this.#text('account.data.deleteConfirm'))) return;
      try {
        await this.#call('/api/account/delete', {});
        await this.#call('/api/account/sign-out', {}).catch(() => {});
        this.#showSignIn(this.#text('account.data.deleted'));
      } catch (error) {
        this.#fail(error);
      }
    });
  }

  async #save(form: HTMLFormElement) {
    const listing = this.#listing!;
    this.#clearErrors(form);
    const read = readForm(form);
    if ('badLine' in read) {
      this.#fieldError(form, 'hours.exceptions', this.#text('account.hours.exceptionsFormat', { line: read.badLine }));
      form.querySelector<HTMLElement>('[name="hours-exceptions"]')?.focus();
      return;
    }
    const fields = changedFields(this.#initial, read.fields);
    for (const key of this.#conflicted) if (key in read.fields) fields[key] = read.fields[key];
    if (!Object.keys(fields).length) {
      this.#status(this.#text('account.edit.nothing'));
      return;
    }
    const save = this.#$<HTMLButtonElement>('[data-save]');
    save.disabled = true;
    save.textContent = this.#text('account.edit.saving');
    try {
      const answer = await this.#call<EditAnswer>('/api/account/edit', { listingId: listing.id, baseVersion: this.#base, fields });
      const said = [
        answer.published.length ? this.#text('account.edit.published', { fields: this.#labels(answer.published) }) : '',
        answer.queued.length ? this.#text('account.edit.queued', { fields: this.#labels(answer.queued) }) : '',
      ].filter(Boolean).join(' ');
      await this.#load();
      this.#status(said || this.#text('account.edit.nothing'));
      // Said beside the button too: the page's top is far away on a long form.
      this.#$('[data-save-status]').textContent = said || this.#text('account.edit.nothing');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.reason === 'conflict') this.#showConflict(error.body);
      else if (error instanceof ApiError && error.status === 400 && Array.isArray(error.body.errors)) {
        for (const e of error.body.errors as Array<{ field: string; message: string }>) this.#fieldError(form, e.field.replace(/^fields\./, ''), e.message);
        this.#status(error.message);
        this.#$('[data-save-status]').textContent = error.message;
        // The first field to correct takes focus (and comes into view).
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      } else this.#fail(error);
    } finally {
      save.disabled = false;
      save.textContent = this.#text('account.edit.save');
    }
  }

  /** Someone changed a field meanwhile: the merchant's text stays; the current values are shown. */
  #showConflict(body: Record<string, unknown>) {
    const conflicts = (body.conflicts ?? {}) as Record<string, unknown>;
    const box = this.#$('[data-conflict]');
    const intro = document.createElement('p');
    intro.textContent = this.#text('account.edit.conflict', { fields: this.#labels(Object.keys(conflicts)) });
    const list = document.createElement('ul');
    for (const [field, value] of Object.entries(conflicts)) {
      const item = document.createElement('li');
      item.textContent = `${this.#label(field)} : ${this.#text('account.edit.current', { value: typeof value === 'string' ? value : JSON.stringify(value) })}`;
      list.append(item);
      this.#conflicted.add(FORM_NAMES[field] ?? field);
    }
    box.replaceChildren(intro, list);
    box.hidden = false;
    if (typeof body.version === 'number') this.#base = body.version;
    box.scrollIntoView({ block: 'center' });
  }

  #clearErrors(form: HTMLFormElement) {
    for (const error of form.querySelectorAll<HTMLElement>('.error')) {
      error.hidden = true;
      error.textContent = '';
    }
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
    this.#$('[data-conflict]').hidden = true;
    this.#$('[data-save-status]').textContent = '';
  }

  #fieldError(form: HTMLFormElement, field: string, message: string) {
    const wrapper = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`) ?? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field.split('.')[0]!)}"]`);
    const error = wrapper?.querySelector<HTMLElement>('.error');
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
    // The fields of that wrapper say they are wrong, and which message says why.
    for (const input of wrapper?.querySelectorAll<HTMLElement>('input:not([type="hidden"]), textarea, select') ?? []) {
      input.setAttribute('aria-invalid', 'true');
      if (error?.id) input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
    }
  }
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function when(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

customElements.define('vitrine-account', VitrineAccount);
