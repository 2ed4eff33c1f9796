// <moderation-detail> (./Detail.astro): the selected registration. Its pre-checks come with the
// queue; its possible duplicates and its history are loaded once the moderator stops on it, through
// `load`, which the console sets. It says "moderationaction" (detail: approve, reject or
// request_changes) when a decision button is pressed, and "moderationerror" (detail: the error)
// when loading failed.
import type { Check, Compare, History, QueueItem } from '../../../functions/_shared/moderation-answers.ts';
import { fill, historyLine, plural } from '../../lib/moderation/text.ts';
import { compareTable } from './compare-table.ts';
import { pageContext, part } from './context.ts';

export type DetailAction = 'approve' | 'reject' | 'request_changes';

// Moving quickly through the queue loads details only for where the moderator stops.
const DETAIL_DELAY_MS = 150;

export class ModerationDetail extends HTMLElement {
  /** Loads what the queue does not carry; the console sets it to call the API as the moderator. */
  load: (item: QueueItem, signal: AbortSignal) => Promise<[Compare, History]> = () => Promise.reject(new Error('no loader'));
  #compared = new Map<string, Compare>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;

  connectedCallback() {
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action]')) {
      button.addEventListener('click', () =>
        this.dispatchEvent(new CustomEvent<DetailAction>('moderationaction', { bubbles: true, detail: button.dataset.action as DetailAction })));
    }
  }

  /** What the compare answer said of a registration already shown (its language, for the reason dialog). */
  compared(id: string): Compare | undefined {
    return this.#compared.get(id);
  }

  show(item: QueueItem | null) {
    const { m } = pageContext(this);
    clearTimeout(this.#timer);
    this.#abort?.abort();
    part(this, '[data-detail-name]').textContent = item?.name ?? m['detail.none']!;
    part(this, '[data-detail-body]').hidden = !item;
    if (!item) return;
    part(this, '[data-checks]').replaceChildren(...item.checks.map((c) => this.#check(c)));
    part(this, '[data-compare]').replaceChildren();
    part(this, '[data-history]').replaceChildren();
    part(this, '[data-compare-status]').textContent = m['detail.loading']!;
    this.#timer = setTimeout(() => void this.#load(item), DETAIL_DELAY_MS);
  }

  async #load(item: QueueItem) {
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const [compare, history] = await this.load(item, abort.signal);
      if (abort.signal.aborted) return;
      this.#compared.set(item.id, compare);
      this.#showCompare(compare);
      this.#showHistory(history);
    } catch (error) {
      if ((error as Error).name === 'AbortError' || abort.signal.aborted) return;
      part(this, '[data-compare-status]').textContent = pageContext(this).m['detail.failed']!;
      this.dispatchEvent(new CustomEvent('moderationerror', { bubbles: true, detail: error }));
    }
  }

  #check(c: Check): HTMLLIElement {
    const { m } = pageContext(this);
    // textContent only: messages quote what the applicant typed.
    const li = document.createElement('li');
    li.className = `check check-${c.outcome}`;
    const head = document.createElement('strong');
    head.textContent = `${m[`check.${c.check}`] ?? c.check} — ${m[`outcome.${c.outcome}`] ?? c.outcome}`;
    const message = document.createElement('span');
    message.textContent = c.message;
    li.append(head, ' ', message);
    return li;
  }

  #showCompare(compare: Compare) {
    const context = pageContext(this);
    part(this, '[data-compare-status]').textContent = compare.duplicates.length
      ? plural(context.m, context.locale, 'detail.compare.some', compare.duplicates.length)
      : context.m['detail.compare.none']!;
    part(this, '[data-compare]').replaceChildren(compareTable(compare, context));
  }

  #showHistory({ decisions }: History) {
    const { m, locale } = pageContext(this);
    const list = part(this, '[data-history]');
    if (!decisions.length) {
      const li = document.createElement('li');
      li.textContent = m['detail.history.none']!;
      list.replaceChildren(li);
      return;
    }
    list.replaceChildren(...decisions.map((d) => {
      const li = document.createElement('li');
      li.textContent = historyLine(m, locale, d);
      if (d.reason) {
        const reason = document.createElement('p');
        reason.textContent = fill(m['detail.history.reason']!, { reason: d.reason });
        li.append(reason);
      }
      return li;
    }));
  }
}

customElements.define('moderation-detail', ModerationDetail);
