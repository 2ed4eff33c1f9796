// <moderation-filters> (./QueueFilters.astro): says "filterchange" when the moderator filters (a
// select changed, or the form sent: from the search box, with detail.fromSearch), "searchleave" on
// Escape in the search box, and gives the filters as the queue's query.

const NAMES = ['q', 'outcome', 'category', 'region'] as const;

export class ModerationFilters extends HTMLElement {
  get #form(): HTMLFormElement {
    return this.querySelector('form')!;
  }

  connectedCallback() {
    const changed = (fromSearch: boolean) => this.dispatchEvent(new CustomEvent('filterchange', { bubbles: true, detail: { fromSearch } }));
    const box = this.querySelector<HTMLInputElement>('[name="q"]')!;
    let applied = box.value;
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      applied = box.value;
      // Enter in the search box: the console then moves to the first result.
      changed(document.activeElement === box);
    });
    for (const select of this.querySelectorAll('select')) {
      select.addEventListener('change', () => {
        applied = box.value;
        changed(false);
      });
    }
    // Escape leaves the box, which shows again the search the queue is filtered by.
    box.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      box.value = applied;
      this.dispatchEvent(new Event('searchleave', { bubbles: true }));
    });
  }

  /** The filters set, blank ones left out: q=megantic&outcome=pass. */
  params(): URLSearchParams {
    const form = new FormData(this.#form);
    const params = new URLSearchParams();
    for (const name of NAMES) {
      const value = String(form.get(name) ?? '').trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  focusSearch() {
    this.querySelector<HTMLInputElement>('[name="q"]')!.focus();
  }
}

customElements.define('moderation-filters', ModerationFilters);
