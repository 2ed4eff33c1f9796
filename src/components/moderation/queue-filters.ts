// <moderation-filters> (./QueueFilters.astro): says "filterchange" when the moderator filters (a
// select changed, or the form sent), and gives the filters as the queue's query.

const NAMES = ['q', 'outcome', 'category', 'region'] as const;

export class ModerationFilters extends HTMLElement {
  get #form(): HTMLFormElement {
    return this.querySelector('form')!;
  }

  connectedCallback() {
    const changed = () => this.dispatchEvent(new Event('filterchange', { bubbles: true }));
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      changed();
    });
    for (const select of this.querySelectorAll('select')) select.addEventListener('change', changed);
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
