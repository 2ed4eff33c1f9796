// <moderation-bulk-dialog> (./BulkDialog.astro): "Approve the 1,200 registrations that pass every
// check?", with the safe choice, cancel, focused: Enter right away changes nothing.
import { part } from './context.ts';

export class ModerationBulkDialog extends HTMLElement {
  #answer: ((confirmed: boolean) => void) | undefined;

  get #dialog(): HTMLDialogElement {
    return part(this, 'dialog');
  }

  connectedCallback() {
    part(this, '[data-bulk-confirm]').addEventListener('click', () => {
      this.#settle(true);
      this.#dialog.close();
    });
    part(this, '[data-bulk-cancel]').addEventListener('click', () => this.#dialog.close());
    this.#dialog.addEventListener('close', () => this.#settle(false));
  }

  /**
   * Asks `question`, with `notes`, the `lines` it would approve (one each: name, town, category) and
   * the confirm button's `action`; resolves true only when confirmed.
   */
  confirm(question: string, notes: string, lines: string[], action: string): Promise<boolean> {
    this.#settle(false);
    part(this, '[data-bulk-question]').textContent = question;
    part(this, '[data-bulk-notes]').textContent = notes;
    part(this, '[data-bulk-list]').replaceChildren(...lines.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    }));
    part(this, '[data-bulk-confirm]').textContent = action;
    const answer = new Promise<boolean>((resolve) => (this.#answer = resolve));
    this.#dialog.showModal();
    part(this, '[data-bulk-cancel]').focus();
    return answer;
  }

  #settle(confirmed: boolean) {
    this.#answer?.(confirmed);
    this.#answer = undefined;
  }
}

customElements.define('moderation-bulk-dialog', ModerationBulkDialog);
