// <moderation-queue> (./Queue.astro): shows a page of the queue and which registration is selected.
// It says "queueselect" (detail: the item, or null when the page is empty) when the selection moves,
// and "queuepage" (detail: 1 or -1) when the moderator asks for the next or previous page; loading
// pages is the console's.
import type { QueueItem } from '../../../functions/_shared/moderation-answers.ts';
import { fill, formatDate } from '../../lib/moderation/text.ts';
import { pageContext, part } from './context.ts';

export class ModerationQueue extends HTMLElement {
  #items: QueueItem[] = [];
  #selected = -1;
  #pager = { page: 1, hasNext: false };

  get #list(): HTMLElement {
    return part(this, '[data-queue]');
  }

  connectedCallback() {
    const list = this.#list;
    list.addEventListener('click', (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
      if (option) this.select(Number(option.dataset.index), { focus: true });
    });
    list.addEventListener('keydown', (event) => {
      if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        this.select(event.key === 'Home' ? 0 : this.#items.length - 1);
      }
    });
    // The first registration is selected when the queue gets focus with none selected.
    list.addEventListener('focus', () => {
      if (this.#selected < 0 && this.#items.length) this.select(0);
    });
    const page = (step: 1 | -1) => () => this.dispatchEvent(new CustomEvent('queuepage', { bubbles: true, detail: step }));
    part(this, '[data-previous]').addEventListener('click', page(-1));
    part(this, '[data-next]').addEventListener('click', page(1));
  }

  get selected(): QueueItem | undefined {
    return this.#items[this.#selected];
  }

  get length(): number {
    return this.#items.length;
  }

  /** Shows page `page` of the queue and selects the registration at `index` (the last when fewer). */
  show(items: QueueItem[], { page, hasNext, index = 0 }: { page: number; hasNext: boolean; index?: number }) {
    const { m, locale, names } = pageContext(this);
    this.#items = items;
    this.#pager = { page, hasNext };
    this.#list.replaceChildren(...items.map((item, i) => {
      const li = document.createElement('li');
      li.id = `mod-opt-${item.id}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.index = String(i);
      li.className = `option outcome-${item.outcome}`;
      // textContent only: names and towns are what applicants typed.
      const name = document.createElement('span');
      name.className = 'option-name';
      name.textContent = item.name;
      const where = document.createElement('span');
      where.className = 'option-meta';
      // A member's change of a published listing is told apart from a new registration.
      const received = fill(m[item.kind === 'change' ? 'queue.changeReceived' : 'queue.received']!, { date: formatDate(locale, item.submittedAt, false) });
      where.textContent = `${item.city} · ${names.categories?.[item.category] ?? item.category} · ${received}`;
      const outcome = document.createElement('span');
      outcome.className = 'option-outcome';
      outcome.textContent = fill(m['queue.outcome']!, { outcome: m[`outcome.${item.outcome}`] ?? item.outcome });
      li.append(name, where, outcome);
      return li;
    }));
    part(this, '[data-page]').textContent = fill(m['queue.page']!, { page });
    part<HTMLButtonElement>(this, '[data-previous]').disabled = page <= 1;
    part<HTMLButtonElement>(this, '[data-next]').disabled = !hasNext;
    this.#selected = -1;
    this.select(Math.min(index, items.length - 1));
  }

  /** Takes a decided registration out of the page; the next one takes its place in the selection. */
  drop(id: string) {
    const index = this.#items.findIndex((i) => i.id === id);
    if (index < 0) return;
    this.#items.splice(index, 1);
    this.show(this.#items, { ...this.#pager, index });
  }

  /** Moves the selection by `step` options. */
  move(step: number) {
    this.select(this.#selected + step, { focus: true });
  }

  select(index: number, { focus = false } = {}) {
    const list = this.#list;
    if (!this.#items.length) {
      this.#selected = -1;
      list.removeAttribute('aria-activedescendant');
      this.dispatchEvent(new CustomEvent('queueselect', { bubbles: true, detail: null }));
      return;
    }
    const next = Math.max(0, Math.min(index, this.#items.length - 1));
    for (const option of list.querySelectorAll('[role="option"]')) option.setAttribute('aria-selected', 'false');
    const option = list.querySelector<HTMLElement>(`[data-index="${next}"]`)!;
    option.setAttribute('aria-selected', 'true');
    list.setAttribute('aria-activedescendant', option.id);
    if (focus && document.activeElement !== list) list.focus();
    // Keep the selection in view while moving through the queue, but do not scroll the page when
    // a load selects the first registration.
    if (document.activeElement === list) option.scrollIntoView?.({ block: 'nearest' });
    if (next !== this.#selected) {
      this.#selected = next;
      this.dispatchEvent(new CustomEvent('queueselect', { bubbles: true, detail: this.#items[next] }));
    }
  }

  /** The line above the list: loading, how many, or that none match. */
  status(text: string) {
    part(this, '[data-queue-status]').textContent = text;
  }

  override focus() {
    this.#list.focus();
  }
}

customElements.define('moderation-queue', ModerationQueue);
