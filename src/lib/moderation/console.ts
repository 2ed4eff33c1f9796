// <vitrine-moderation>: the moderators' console (src/components/ModerationConsole.astro). The queue is
// a listbox moved with j/k or the arrows; a approves the selected registration, r and c open the
// reason dialog (reject, request changes); the selected registration shows its checks, its possible
// duplicates side by side and its history. Results are announced in a live region.
import { ApiError } from './api.ts';
import { shortcutFor } from './keys.ts';
import { ModeratorGate } from './sign-in.ts';
import { age, fill, formatDate, plural, type Messages } from './text.ts';

type Outcome = 'pass' | 'warn' | 'fail';
type Check = { check: string; outcome: Outcome; message: string };
type QueueItem = {
  id: string; name: string; category: string; city: string; region: string | null; postalCode: string;
  checks: Check[]; outcome: Outcome; submittedAt: string;
};
type Listing = {
  id: string; name: string; status: string; category: string; address: string; city: string; region: string | null;
  postalCode: string; neq: string | null; phone: string | null; website: string | null; email: string;
  descriptionFr: string; descriptionEn: string; locale: 'fr' | 'en'; submittedAt: string; matches?: string[];
};
type Compare = { submission: Listing; duplicates: Listing[] };
type Decision = { decision: string; reason: string | null; moderator: string | null; decidedAt: string };
type History = { decisions: Decision[] };
type Backlog = { pending: number; pass: number; warn: number; fail: number; oldestSubmittedAt: string | null };
type Passing = { total: number; count: number; ids: string[] };
type DecideResult = { decision: string; changed: number; unchanged: number };
type ReasonKind = 'reject' | 'request_changes';
type Template = { id: string; label: string; text: Record<'fr' | 'en', string> };

const PAGE_SIZE = 50;
// Moving quickly through the queue loads details only for where the moderator stops.
const DETAIL_DELAY_MS = 150;

class VitrineModeration extends HTMLElement {
  #m: Messages = {};
  #locale: 'fr' | 'en' = 'fr';
  #gate!: ModeratorGate;
  #items: QueueItem[] = [];
  #selected = -1;
  /** cursors[i] loads page i + 1; the first page has none. */
  #cursors: Array<string | null> = [null];
  #nextCursor: string | null = null;
  #details = new Map<string, Compare>();
  #detailTimer: ReturnType<typeof setTimeout> | undefined;
  #detailAbort: AbortController | undefined;
  #busy = false;
  #pendingBulk: Passing | null = null;
  #reasonKind: ReasonKind = 'reject';
  #reasonFor: QueueItem | null = null;

  #$<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #json<T>(name: string): T {
    return JSON.parse(this.dataset[name] ?? '{}') as T;
  }

  connectedCallback() {
    this.#m = this.#json<Messages>('messages');
    this.#locale = this.dataset.locale === 'en' ? 'en' : 'fr';
    this.#$('[data-needs-js]').remove();
    this.#gate = new ModeratorGate(this, this.#$('[data-console]'), this.#m, () => void this.#reload(true));

    this.#$<HTMLFormElement>('[data-filters]').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#reload();
    });
    for (const select of this.querySelectorAll<HTMLSelectElement>('[data-filters] select')) {
      select.addEventListener('change', () => void this.#reload());
    }
    this.#$('[data-previous]').addEventListener('click', () => void this.#page(-1));
    this.#$('[data-next]').addEventListener('click', () => void this.#page(1));
    this.#$('[data-bulk]').addEventListener('click', () => void this.#countPassing());
    this.#$('[data-bulk-confirm]').addEventListener('click', () => void this.#approvePassing());
    this.#$('[data-bulk-cancel]').addEventListener('click', () => this.#$<HTMLDialogElement>('[data-bulk-dialog]').close());
    this.#$('[data-bulk-dialog]').addEventListener('close', () => this.#$('[data-bulk]').focus());
    this.#wireQueue();
    this.#wireReasonDialog();
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      button.addEventListener('click', () => this.#act(button.dataset.action as 'approve' | ReasonKind));
    }
    document.addEventListener('keydown', this.#onKey);
    void this.#gate.start();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onKey);
  }

  // ---- keyboard ----------------------------------------------------------------------------

  readonly #onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || this.#$('[data-console]').hidden || this.querySelector('dialog[open]')) return;
    const target = event.target as HTMLElement | null;
    const shortcut = shortcutFor({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target: target && { tagName: target.tagName, isContentEditable: target.isContentEditable, role: target.getAttribute?.('role') } });
    if (!shortcut) return;
    event.preventDefault();
    switch (shortcut) {
      case 'next':
      case 'previous':
        this.#select(this.#selected + (shortcut === 'next' ? 1 : -1), { focus: true });
        break;
      case 'search':
        this.#$<HTMLInputElement>('#mod-q').focus();
        break;
      default:
        this.#act(shortcut);
    }
  };

  #wireQueue() {
    const list = this.#$('[data-queue]');
    list.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (option) this.#select(Number(option.dataset.index), { focus: true });
    });
    list.addEventListener('keydown', (event) => {
      if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        this.#select(event.key === 'Home' ? 0 : this.#items.length - 1);
      }
    });
    // The first registration is selected when the queue gets focus with none selected.
    list.addEventListener('focus', () => {
      if (this.#selected < 0 && this.#items.length) this.#select(0);
    });
  }

  // ---- loading -----------------------------------------------------------------------------

  #call<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
    return this.#gate.call<T>(path, { locale: this.#locale, ...init });
  }

  /** Shows an API failure: sign in again for 401/403, else the API's sentence in the alert region. */
  #fail(error: unknown) {
    if ((error as Error).name === 'AbortError') return;
    if (this.#gate.refused(error)) return;
    const message = error instanceof ApiError && error.reason === 'network' ? this.#m['error.network']! : fill(this.#m['error.generic']!, { message: (error as Error).message || String(error) });
    this.#error(message);
  }

  #filters(): URLSearchParams {
    const form = new FormData(this.#$<HTMLFormElement>('[data-filters]'));
    const params = new URLSearchParams();
    for (const name of ['q', 'outcome', 'category', 'region']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  /**
   * Reloads queue and backlog. The same filters asked again while loading (a select, then Filter)
   * share one load; a sign-in (`fresh`) always asks again, with its own token.
   */
  #reload(fresh = false): Promise<void> {
    const filters = this.#filters().toString();
    if (!fresh && this.#reloading?.filters === filters) return this.#reloading.done;
    this.#cursors = [null];
    const done = Promise.all([this.#loadQueue(), this.#loadBacklog()]).then(() => undefined);
    this.#reloading = { filters, done };
    void done.finally(() => {
      if (this.#reloading?.done === done) this.#reloading = undefined;
    });
    return done;
  }
  #reloading: { filters: string; done: Promise<void> } | undefined;

  async #page(step: 1 | -1) {
    if (step === 1 && this.#nextCursor) this.#cursors.push(this.#nextCursor);
    else if (step === -1 && this.#cursors.length > 1) this.#cursors.pop();
    else return;
    await this.#loadQueue();
    this.#$('[data-queue]').focus();
  }

  async #loadQueue(keepIndex = 0) {
    const params = this.#filters();
    params.set('limit', String(PAGE_SIZE));
    const cursor = this.#cursors[this.#cursors.length - 1];
    if (cursor) params.set('cursor', cursor);
    const status = this.#$('[data-queue-status]');
    status.textContent = this.#m['queue.loading']!;
    this.#error('');
    try {
      const queue = await this.#call<{ items: QueueItem[]; nextCursor: string | null }>(`queue?${params}`);
      this.#items = queue.items;
      this.#nextCursor = queue.nextCursor;
      this.#renderQueue();
      status.textContent = this.#items.length ? plural(this.#m, this.#locale, 'queue.loaded', this.#items.length) : this.#m['queue.empty']!;
      this.#selected = -1;
      this.#select(Math.min(keepIndex, this.#items.length - 1));
    } catch (error) {
      status.textContent = '';
      this.#fail(error);
    }
  }

  async #loadBacklog() {
    try {
      this.#renderBacklog(await this.#call<Backlog>('backlog'));
    } catch (error) {
      this.#fail(error);
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  #renderBacklog(b: Backlog) {
    const box = this.#$('[data-backlog]');
    if (!b.pending) {
      box.textContent = this.#m['backlog.empty']!;
      return;
    }
    const numbers = new Intl.NumberFormat(this.#locale === 'en' ? 'en-CA' : 'fr-CA');
    // French puts a no-break space before the colon.
    const parts = [
      plural(this.#m, this.#locale, 'backlog.summary', b.pending),
      this.#locale === 'fr' ? '\u00a0: ' : ': ',
      fill(this.#m['backlog.byOutcome']!, { pass: numbers.format(b.pass), warn: numbers.format(b.warn), fail: numbers.format(b.fail) }),
    ];
    if (b.oldestSubmittedAt) {
      parts.push(` ${fill(this.#m['backlog.oldest']!, { age: age(this.#m, this.#locale, new Date(b.oldestSubmittedAt)), date: formatDate(this.#locale, b.oldestSubmittedAt, false) })}`);
    }
    box.textContent = parts.join('');
  }

  #renderQueue() {
    const names = this.#json<Record<string, Record<string, string>>>('names');
    const options = this.#items.map((item, index) => {
      const li = document.createElement('li');
      li.id = `mod-opt-${item.id}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.index = String(index);
      li.dataset.id = item.id;
      li.className = `option outcome-${item.outcome}`;
      const name = document.createElement('span');
      name.className = 'option-name';
      name.textContent = item.name;
      const where = document.createElement('span');
      where.className = 'option-meta';
      where.textContent = `${item.city} · ${names.categories?.[item.category] ?? item.category} · ${fill(this.#m['queue.received']!, { date: formatDate(this.#locale, item.submittedAt, false) })}`;
      const outcome = document.createElement('span');
      outcome.className = 'option-outcome';
      outcome.textContent = fill(this.#m['queue.outcome']!, { outcome: this.#m[`outcome.${item.outcome}`] ?? item.outcome });
      li.append(name, where, outcome);
      return li;
    });
    this.#$('[data-queue]').replaceChildren(...options);
    const page = this.#cursors.length;
    this.#$('[data-page]').textContent = fill(this.#m['queue.page']!, { page });
    this.#$<HTMLButtonElement>('[data-previous]').disabled = page <= 1;
    this.#$<HTMLButtonElement>('[data-next]').disabled = !this.#nextCursor;
  }

  #select(index: number, { focus = false } = {}) {
    const list = this.#$('[data-queue]');
    if (!this.#items.length) {
      this.#selected = -1;
      list.removeAttribute('aria-activedescendant');
      this.#renderDetail(null);
      return;
    }
    const next = Math.max(0, Math.min(index, this.#items.length - 1));
    for (const option of list.querySelectorAll('[role="option"]')) option.setAttribute('aria-selected', 'false');
    const option = list.querySelector<HTMLElement>(`[data-index="${next}"]`)!;
    option.setAttribute('aria-selected', 'true');
    list.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView?.({ block: 'nearest' });
    if (focus && document.activeElement !== list) list.focus();
    if (next !== this.#selected || this.#$('[data-detail-body]').hidden) {
      this.#selected = next;
      this.#renderDetail(this.#items[next]!);
    }
  }

  #renderDetail(item: QueueItem | null) {
    clearTimeout(this.#detailTimer);
    this.#detailAbort?.abort();
    this.#$('[data-detail-name]').textContent = item?.name ?? this.#m['detail.none']!;
    this.#$('[data-detail-body]').hidden = !item;
    if (!item) return;
    this.#$('[data-checks]').replaceChildren(...item.checks.map((c) => this.#checkItem(c)));
    this.#$('[data-compare]').replaceChildren();
    this.#$('[data-history]').replaceChildren();
    this.#$('[data-compare-status]').textContent = this.#m['detail.loading']!;
    this.#detailTimer = setTimeout(() => void this.#loadDetail(item), DETAIL_DELAY_MS);
  }

  async #loadDetail(item: QueueItem) {
    const abort = new AbortController();
    this.#detailAbort = abort;
    const id = encodeURIComponent(item.id);
    try {
      const [compare, history] = await Promise.all([
        this.#call<Compare>(`compare?id=${id}`, { signal: abort.signal }),
        this.#call<History>(`history?id=${id}`, { signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      this.#details.set(item.id, compare);
      this.#renderCompare(compare);
      this.#renderHistory(history);
    } catch (error) {
      if ((error as Error).name === 'AbortError' || abort.signal.aborted) return;
      this.#$('[data-compare-status]').textContent = this.#m['detail.failed']!;
      this.#fail(error);
    }
  }

  #checkItem(c: Check): HTMLLIElement {
    // textContent only: messages quote what the applicant typed.
    const li = document.createElement('li');
    li.className = `check check-${c.outcome}`;
    const head = document.createElement('strong');
    head.textContent = `${this.#m[`check.${c.check}`] ?? c.check} — ${this.#m[`outcome.${c.outcome}`] ?? c.outcome}`;
    const message = document.createElement('span');
    message.textContent = c.message;
    li.append(head, ' ', message);
    return li;
  }

  #renderCompare({ submission, duplicates }: Compare) {
    const names = this.#json<Record<string, Record<string, string>>>('names');
    this.#$('[data-compare-status]').textContent = duplicates.length
      ? plural(this.#m, this.#locale, 'detail.compare.some', duplicates.length)
      : this.#m['detail.compare.none']!;
    const value = (l: Listing, field: string): string => {
      switch (field) {
        case 'status': return this.#m[`state.${l.status}`] ?? l.status;
        case 'category': return names.categories?.[l.category] ?? l.category;
        case 'region': return l.region ? (names.regions?.[l.region] ?? l.region) : '';
        case 'description': return l.descriptionFr || l.descriptionEn || '';
        case 'locale': return this.#m[`language.${l.locale}`] ?? l.locale;
        case 'submittedAt': return formatDate(this.#locale, l.submittedAt, false);
        default: return String((l as Record<string, unknown>)[field] ?? '');
      }
    };
    const same = (a: string, b: string) => a !== '' && a.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\W+/g, '') === b.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\W+/g, '');
    const fields = ['name', 'status', 'neq', 'phone', 'website', 'email', 'address', 'city', 'postalCode', 'region', 'category', 'description', 'locale', 'submittedAt'];

    const table = document.createElement('table');
    table.className = 'compare';
    const caption = table.createCaption();
    caption.textContent = this.#m['detail.compare']!;
    caption.className = 'visually-hidden';
    const headRow = table.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = this.#m['detail.compare.field']!;
    const mine = document.createElement('th');
    mine.scope = 'col';
    mine.textContent = this.#m['detail.compare.this']!;
    headRow.append(corner, mine);
    duplicates.forEach((d, i) => {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = fill(this.#m['detail.compare.duplicate']!, { n: i + 1 });
      const matches = document.createElement('span');
      matches.className = 'matches';
      matches.textContent = fill(this.#m['detail.compare.matches']!, { matches: (d.matches ?? []).map((k) => this.#m[`match.${k}`] ?? k).join(', ') });
      th.append(document.createElement('br'), matches);
      headRow.append(th);
    });
    const body = table.createTBody();
    for (const field of fields) {
      const row = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = this.#m[`field.${field}`] ?? field;
      row.append(th);
      const own = value(submission, field);
      row.insertCell().textContent = own;
      for (const d of duplicates) {
        const cell = row.insertCell();
        const theirs = value(d, field);
        cell.textContent = theirs;
        // Identity fields that match are what make a duplicate: marked in words, not only colour.
        if (!['status', 'category', 'region', 'locale', 'submittedAt'].includes(field) && same(own, theirs)) {
          cell.className = 'same';
          const note = document.createElement('span');
          note.className = 'same-note';
          note.textContent = ` ${this.#m['detail.compare.same']}`;
          cell.append(note);
        }
      }
    }
    const wrap = this.#$('[data-compare]');
    wrap.replaceChildren(table);
  }

  #renderHistory({ decisions }: History) {
    const list = this.#$('[data-history]');
    if (!decisions.length) {
      const li = document.createElement('li');
      li.textContent = this.#m['detail.history.none']!;
      list.replaceChildren(li);
      return;
    }
    list.replaceChildren(...decisions.map((d) => {
      const li = document.createElement('li');
      li.textContent = fill(this.#m['detail.history.item']!, {
        date: formatDate(this.#locale, d.decidedAt), decision: this.#m[`decision.${d.decision}`] ?? d.decision, moderator: d.moderator ?? '—',
      });
      if (d.reason) {
        const reason = document.createElement('p');
        reason.textContent = fill(this.#m['detail.history.reason']!, { reason: d.reason });
        li.append(reason);
      }
      return li;
    }));
  }

  // ---- decisions ---------------------------------------------------------------------------

  #act(action: 'approve' | ReasonKind) {
    const item = this.#items[this.#selected];
    if (!item || this.#busy) return;
    if (action === 'approve') void this.#decide(item, 'approve');
    else this.#openReason(item, action);
  }

  async #decide(item: QueueItem, decision: 'approve' | ReasonKind, reason?: string) {
    this.#busy = true;
    this.#announce(this.#m['actions.working']!);
    this.#error('');
    try {
      const result = await this.#call<DecideResult>('decide', { method: 'POST', body: { ids: [item.id], decision, ...(reason ? { reason } : {}) } });
      this.#announce(fill(this.#m[result.changed ? `result.${decision}` : 'result.unchanged']!, { name: item.name }));
      // Decided either way: it leaves the pending queue. The next one takes its place in the selection.
      const index = this.#items.findIndex((i) => i.id === item.id);
      if (index >= 0) this.#items.splice(index, 1);
      if (!this.#items.length) await this.#loadQueue();
      else {
        this.#renderQueue();
        this.#selected = -1;
        this.#select(Math.min(index, this.#items.length - 1));
      }
      if (this.#$('[data-detail-body]').contains(document.activeElement) || document.activeElement === document.body) this.#$('[data-queue]').focus();
      void this.#loadBacklog();
    } catch (error) {
      this.#announce('');
      this.#fail(error);
    } finally {
      this.#busy = false;
    }
  }

  #wireReasonDialog() {
    const dialog = this.#$<HTMLDialogElement>('[data-reason-dialog]');
    const form = this.#$<HTMLFormElement>('[data-reason-form]');
    const text = this.#$<HTMLTextAreaElement>('#mod-reason');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const reason = text.value.trim();
      if (!reason) {
        this.#reasonError(this.#m['reason.required']!);
        return;
      }
      const item = this.#reasonFor;
      dialog.close();
      if (item) void this.#decide(item, this.#reasonKind, reason);
    });
    this.#$('[data-reason-cancel]').addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => this.#$('[data-queue]').focus());
    // Picking a standard reason writes it, in the merchant's language, into the text to send.
    this.#$('[data-templates]').addEventListener('change', (event) => {
      const radio = event.target as HTMLInputElement;
      const template = this.#templates()[this.#reasonKind].find((x) => x.id === radio.value);
      if (template) {
        text.value = template.text[this.#merchantLocale()];
        this.#reasonError('');
      }
    });
    // Enter on a standard reason sends it, as in any form field.
    this.#$('[data-templates]').addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  #templates(): Record<ReasonKind, Template[]> {
    return this.#json<Record<ReasonKind, Template[]>>('templates');
  }

  /** The language of the notice the merchant gets: theirs when known, else the moderator's. */
  #merchantLocale(): 'fr' | 'en' {
    const item = this.#reasonFor;
    return (item && this.#details.get(item.id)?.submission.locale) || this.#locale;
  }

  #openReason(item: QueueItem, kind: ReasonKind) {
    this.#reasonKind = kind;
    this.#reasonFor = item;
    const dialog = this.#$<HTMLDialogElement>('[data-reason-dialog]');
    this.#$('[data-reason-heading]').textContent = fill(this.#m[kind === 'reject' ? 'reason.reject.heading' : 'reason.changes.heading']!, { name: item.name });
    this.#$('[data-reason-submit]').textContent = this.#m[kind === 'reject' ? 'reason.submit.reject' : 'reason.submit.changes']!;
    this.#$('[data-reason-hint]').textContent = fill(this.#m['reason.textHint']!, { language: this.#m[`language.${this.#merchantLocale()}`]! });
    const radios = this.#templates()[kind].map((template) => {
      const wrapper = document.createElement('div');
      wrapper.className = 'template';
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'template';
      input.value = template.id;
      input.id = `mod-template-${template.id}`;
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = template.label;
      wrapper.append(input, label);
      return wrapper;
    });
    this.#$('[data-templates]').replaceChildren(...radios);
    this.#$<HTMLTextAreaElement>('#mod-reason').value = '';
    this.#reasonError('');
    dialog.showModal();
    radios[0]?.querySelector('input')?.focus();
  }

  #reasonError(message: string) {
    const error = this.#$('#mod-reason-error');
    const text = this.#$<HTMLTextAreaElement>('#mod-reason');
    error.textContent = message;
    error.hidden = !message;
    if (message) {
      text.setAttribute('aria-invalid', 'true');
      text.setAttribute('aria-describedby', 'mod-reason-error mod-reason-hint');
      text.focus();
    } else {
      text.removeAttribute('aria-invalid');
      text.setAttribute('aria-describedby', 'mod-reason-hint');
    }
  }

  // ---- approve every passing registration ----------------------------------------------------

  async #countPassing() {
    if (this.#busy) return;
    this.#announce(this.#m['bulk.counting']!);
    this.#error('');
    const filters = this.#filters();
    filters.delete('outcome');
    try {
      const passing = await this.#call<Passing>(`passing?${filters}`);
      if (!passing.count) {
        this.#announce(this.#m['bulk.none']!);
        return;
      }
      this.#announce('');
      this.#pendingBulk = passing;
      this.#$('[data-bulk-question]').textContent = plural(this.#m, this.#locale, 'bulk.confirm', passing.count);
      const notes = [this.#m['bulk.safe']!];
      if ([...filters.keys()].length) notes.unshift(this.#m['bulk.filtered']!);
      if (passing.total > passing.count) notes.unshift(fill(this.#m['bulk.more']!, { count: passing.count, total: passing.total }));
      this.#$('[data-bulk-notes]').textContent = notes.join(' ');
      this.#$('[data-bulk-confirm]').textContent = fill(this.#m['bulk.confirmButton']!, { count: new Intl.NumberFormat(this.#locale === 'en' ? 'en-CA' : 'fr-CA').format(passing.count) });
      this.#$<HTMLDialogElement>('[data-bulk-dialog]').showModal();
      // The safe choice has the focus: Enter right away cancels.
      this.#$('[data-bulk-cancel]').focus();
    } catch (error) {
      this.#announce('');
      this.#fail(error);
    }
  }

  async #approvePassing() {
    const passing = this.#pendingBulk;
    this.#$<HTMLDialogElement>('[data-bulk-dialog]').close();
    if (!passing || this.#busy) return;
    this.#pendingBulk = null;
    this.#busy = true;
    this.#announce(this.#m['actions.working']!);
    try {
      const result = await this.#call<DecideResult>('approve-passing', { method: 'POST', body: { ids: passing.ids, count: passing.count } });
      this.#announce(plural(this.#m, this.#locale, 'bulk.done', result.changed));
    } catch (error) {
      this.#announce('');
      this.#fail(error);
    } finally {
      this.#busy = false;
    }
    await this.#reload(true);
  }

  // ---- messages ----------------------------------------------------------------------------

  #announce(text: string) {
    this.#$('[data-announce]').textContent = text;
  }

  /** The alert region stays in the page, empty, so that what is written into it is announced. */
  #error(text: string) {
    this.#$('[data-error]').textContent = text;
  }
}

customElements.define('vitrine-moderation', VitrineModeration);
