// <vitrine-moderation>: the moderators' console (./ModerationConsole.astro). It signs the moderator
// in, loads pages of the queue and the backlog, and turns what its parts say into API calls: a
// registration selected (./detail.ts loads it), a decision (a approves; r and c ask a reason in
// ./reason-dialog.ts), every passing registration approved at once (./bulk-dialog.ts). Results are
// announced in a live region, failures in an alert region.
import type { Compare, DecisionResult, History, Passing, Queue, QueueItem } from '../../../functions/_shared/moderation-answers.ts';
import { ApiError } from '../../lib/moderation/api.ts';
import { shortcutFor } from '../../lib/moderation/keys.ts';
import { fill, intlTag, plural } from '../../lib/moderation/text.ts';
import './backlog.ts';
import type { ModerationBacklog } from './backlog.ts';
import './bulk-dialog.ts';
import type { ModerationBulkDialog } from './bulk-dialog.ts';
import { pageContext, part, type PageContext, type ReasonKind } from './context.ts';
import './detail.ts';
import type { DetailAction, ModerationDetail } from './detail.ts';
import './queue-filters.ts';
import type { ModerationFilters } from './queue-filters.ts';
import './queue.ts';
import type { ModerationQueue } from './queue.ts';
import './reason-dialog.ts';
import type { ModerationReasonDialog } from './reason-dialog.ts';
import { ModeratorGate } from './sign-in.ts';

const PAGE_SIZE = 50;

class VitrineModeration extends HTMLElement {
  #context!: PageContext;
  #gate!: ModeratorGate;
  #queue!: ModerationQueue;
  #detail!: ModerationDetail;
  #filters!: ModerationFilters;
  /** cursors[i] loads page i + 1; the first page has none. */
  #cursors: Array<string | null> = [null];
  #nextCursor: string | null = null;
  #busy = false;
  #reloading: { filters: string; queue: Promise<void>; done: Promise<void> } | undefined;

  connectedCallback() {
    this.#context = pageContext(this);
    this.#queue = part<ModerationQueue>(this, 'moderation-queue');
    this.#detail = part<ModerationDetail>(this, 'moderation-detail');
    this.#filters = part<ModerationFilters>(this, 'moderation-filters');
    part(this, '[data-needs-js]').remove();
    this.#gate = new ModeratorGate(this, part(this, '[data-gated]'), this.#context.m, () => void this.#reload(true));

    this.#detail.load = (item, signal) => {
      const id = encodeURIComponent(item.id);
      return Promise.all([this.#call<Compare>(`compare?id=${id}`, { signal }), this.#call<History>(`history?id=${id}`, { signal })]);
    };
    // Enter in the search box filters and moves to the first result; Escape leaves the box for the queue.
    this.addEventListener('filterchange', (event) => void this.#reload().then(() => {
      if ((event as CustomEvent<{ fromSearch?: boolean }>).detail?.fromSearch && this.#queue.length) this.#queue.select(0, { focus: true });
    }));
    this.addEventListener('searchleave', () => this.#queue.focus());
    this.addEventListener('queuepage', (event) => void this.#page((event as CustomEvent<1 | -1>).detail));
    this.addEventListener('queueselect', (event) => this.#detail.show((event as CustomEvent<QueueItem | null>).detail));
    this.addEventListener('moderationaction', (event) => this.#act((event as CustomEvent<DetailAction>).detail));
    this.addEventListener('moderationerror', (event) => this.#fail((event as CustomEvent<unknown>).detail));
    part(this, '[data-bulk]').addEventListener('click', () => void this.#approvePassing());
    document.addEventListener('keydown', this.#onKey);
    void this.#gate.start();
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onKey);
  }

  readonly #onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || part(this, '[data-gated]').hidden || this.querySelector('dialog[open]')) return;
    const target = event.target as HTMLElement | null;
    const shortcut = shortcutFor({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target: target && { tagName: target.tagName, isContentEditable: target.isContentEditable, role: target.getAttribute?.('role') } });
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut === 'next' || shortcut === 'previous') this.#queue.move(shortcut === 'next' ? 1 : -1);
    else if (shortcut === 'search') this.#filters.focusSearch();
    else this.#act(shortcut);
  };

  // ---- loading -----------------------------------------------------------------------------

  #call<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
    return this.#gate.call<T>(path, { locale: this.#context.locale, ...init });
  }

  /** Shows an API failure: sign in again for 401/403, else the API's sentence in the alert region. */
  #fail(error: unknown) {
    if ((error as Error).name === 'AbortError' || this.#gate.refused(error)) return;
    const { m } = this.#context;
    this.#error(error instanceof ApiError && error.reason === 'network' ? m['error.network']! : fill(m['error.generic']!, { message: (error as Error).message || String(error) }));
  }

  /**
   * Reloads queue and backlog, and resolves once the queue is shown: focus follows the results
   * without waiting for the counters. The same filters asked again while loading (a select, then
   * Filter) share one load; a sign-in (`fresh`) always asks again, with its own token.
   */
  #reload(fresh = false): Promise<void> {
    const filters = this.#filters.params().toString();
    if (!fresh && this.#reloading?.filters === filters) return this.#reloading.queue;
    this.#cursors = [null];
    const queue = this.#loadQueue();
    const done = Promise.all([queue, this.#loadBacklog()]).then(() => undefined);
    this.#reloading = { filters, queue, done };
    void done.finally(() => {
      if (this.#reloading?.done === done) this.#reloading = undefined;
    });
    return queue;
  }

  async #page(step: 1 | -1) {
    if (step === 1 && this.#nextCursor) this.#cursors.push(this.#nextCursor);
    else if (step === -1 && this.#cursors.length > 1) this.#cursors.pop();
    else return;
    await this.#loadQueue();
    this.#queue.focus();
  }

  /** Loads the current page; `keep` keeps the selected registration selected (after a decision). */
  async #loadQueue({ keep = false } = {}) {
    const { m, locale } = this.#context;
    const selectedId = keep ? this.#queue.selected?.id : undefined;
    const params = this.#filters.params();
    params.set('limit', String(PAGE_SIZE));
    const cursor = this.#cursors[this.#cursors.length - 1];
    if (cursor) params.set('cursor', cursor);
    this.#queue.status(m['queue.loading']!);
    this.#error('');
    try {
      const queue = await this.#call<Queue>(`queue?${params}`);
      this.#nextCursor = queue.nextCursor;
      this.#queue.status(queue.items.length ? plural(m, locale, 'queue.loaded', queue.items.length) : m['queue.empty']!);
      const index = selectedId ? Math.max(0, queue.items.findIndex((i) => i.id === selectedId)) : 0;
      this.#queue.show(queue.items, { page: this.#cursors.length, hasNext: Boolean(queue.nextCursor), index });
    } catch (error) {
      this.#queue.status('');
      this.#fail(error);
    }
  }

  async #loadBacklog() {
    try {
      part<ModerationBacklog>(this, 'moderation-backlog').show(await this.#call('backlog'));
    } catch (error) {
      this.#fail(error);
    }
  }

  // ---- decisions ---------------------------------------------------------------------------

  #act(action: DetailAction) {
    const item = this.#queue.selected;
    if (!item || this.#busy) return;
    if (action === 'approve') void this.#decide(item, 'approve');
    else void this.#askReason(item, action);
  }

  async #askReason(item: QueueItem, kind: ReasonKind) {
    // The notice goes in the merchant's language when known, else the moderator's.
    const language = this.#detail.compared(item.id)?.submission.locale ?? this.#context.locale;
    const reason = await part<ModerationReasonDialog>(this, 'moderation-reason-dialog').ask(item.name, kind, language);
    this.#queue.focus();
    if (reason) await this.#decide(item, kind, reason);
  }

  async #decide(item: QueueItem, decision: DetailAction, reason?: string) {
    const { m } = this.#context;
    this.#busy = true;
    this.#announce(m['actions.working']!);
    this.#error('');
    try {
      const result = await this.#call<DecisionResult>('decide', { method: 'POST', body: { ids: [item.id], decision, ...(reason ? { reason } : {}) } });
      this.#announce(fill(m[result.changed ? `result.${decision}` : 'result.unchanged']!, { name: item.name }));
      // Decided either way: it leaves the pending queue. The page is loaded again, because the
      // decision changes others' checks (a duplicate now published), and so are the counters.
      this.#queue.drop(item.id);
      if (part(this, 'moderation-detail').contains(document.activeElement) || document.activeElement === document.body) this.#queue.focus();
      void this.#loadQueue({ keep: true });
      void this.#loadBacklog();
    } catch (error) {
      this.#announce('');
      this.#fail(error);
    } finally {
      this.#busy = false;
    }
  }

  /** Counts the registrations that pass every check (the filters apply, not the outcome), confirms, approves them. */
  async #approvePassing() {
    if (this.#busy) return;
    const { m, locale, names } = this.#context;
    this.#announce(m['bulk.counting']!);
    this.#error('');
    const filters = this.#filters.params();
    filters.delete('outcome');
    let passing: Passing;
    try {
      passing = await this.#call<Passing>(`passing?${filters}`);
    } catch (error) {
      this.#announce('');
      this.#fail(error);
      return;
    }
    this.#announce(passing.count ? '' : m['bulk.none']!);
    if (!passing.count) return;
    const notes = [m['bulk.safe']!];
    if ([...filters.keys()].length) notes.unshift(m['bulk.filtered']!);
    if (passing.total > passing.count) notes.unshift(fill(m['bulk.more']!, { count: passing.count, total: passing.total }));
    const confirmed = await part<ModerationBulkDialog>(this, 'moderation-bulk-dialog').confirm(
      plural(m, locale, 'bulk.confirm', passing.count),
      notes.join(' '),
      passing.items.map((i) => `${i.name} · ${i.city} · ${names.categories?.[i.category] ?? i.category}`),
      fill(m['bulk.confirmButton']!, { count: new Intl.NumberFormat(intlTag(locale)).format(passing.count) }),
    );
    part(this, '[data-bulk]').focus();
    if (!confirmed || this.#busy) return;
    this.#busy = true;
    this.#announce(m['actions.working']!);
    try {
      const result = await this.#call<DecisionResult>('approve-passing', { method: 'POST', body: { ids: passing.ids, count: passing.count } });
      this.#announce(plural(m, locale, 'bulk.done', result.changed));
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
    part(this, '[data-announce]').textContent = text;
  }

  /** The alert region stays in the page, empty, so that what is written into it is announced. */
  #error(text: string) {
    part(this, '[data-error]').textContent = text;
  }
}

customElements.define('vitrine-moderation', VitrineModeration);
