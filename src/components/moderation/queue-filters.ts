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
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      // Enter in the search box: the console then moves to the first result.
      changed(document.activeElement === this.querySelector('[name="q"]'));
    });
    for (const select of this.querySelectorAll('select')) select.addEventListener('change', () => changed(false));
    this.querySelector<HTMLInputElement>('[name="q"]')!.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
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
