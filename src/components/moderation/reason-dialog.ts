// <moderation-reason-dialog> (./ReasonDialog.astro): asks the reason for a refusal or a request for
// changes. Picking a standard reason writes it into the text, in the merchant's language; the text
// may then be edited. Sending it empty says why not, in the dialog.
import { fill } from '../../lib/moderation/text.ts';
import { pageContext, part, type ReasonKind } from './context.ts';

export class ModerationReasonDialog extends HTMLElement {
  #kind: ReasonKind = 'reject';
  #language: 'fr' | 'en' = 'fr';
  #answer: ((reason: string | null) => void) | undefined;

  get #dialog(): HTMLDialogElement {
    return part(this, 'dialog');
  }

  get #text(): HTMLTextAreaElement {
    return part(this, '#mod-reason');
  }

  connectedCallback() {
    const form = part<HTMLFormElement>(this, '[data-reason-form]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const reason = this.#text.value.trim();
      if (!reason) {
        this.#error(pageContext(this).m['reason.required']!);
        return;
      }
      this.#settle(reason);
      this.#dialog.close();
    });
    part(this, '[data-reason-cancel]').addEventListener('click', () => this.#dialog.close());
    this.#dialog.addEventListener('close', () => this.#settle(null));
    const templates = part(this, '[data-templates]');
    templates.addEventListener('change', (event) => {
      const radio = event.target as HTMLInputElement;
      const template = pageContext(this).templates[this.#kind].find((x) => x.id === radio.value);
      if (template) {
        this.#text.value = template.text[this.#language];
        this.#error('');
      }
    });
    // Enter on a standard reason sends it, as in any form field.
    templates.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  /**
   * Opens the dialog for `name`, standard reasons written in `language` (the merchant's); resolves
   * with the reason to send, or null when the moderator cancelled.
   */
  ask(name: string, kind: ReasonKind, language: 'fr' | 'en'): Promise<string | null> {
    const { m, templates } = pageContext(this);
    this.#settle(null);
    this.#kind = kind;
    this.#language = language;
    part(this, '[data-reason-heading]').textContent = fill(m[kind === 'reject' ? 'reason.reject.heading' : 'reason.changes.heading']!, { name });
    part(this, '[data-reason-submit]').textContent = m[kind === 'reject' ? 'reason.submit.reject' : 'reason.submit.changes']!;
    part(this, '[data-reason-hint]').textContent = fill(m['reason.textHint']!, { language: m[`language.${language}`]! });
    const radios = templates[kind].map((template) => {
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
    part(this, '[data-templates]').replaceChildren(...radios);
    this.#text.value = '';
    this.#error('');
    const answer = new Promise<string | null>((resolve) => (this.#answer = resolve));
    this.#dialog.showModal();
    radios[0]?.querySelector('input')?.focus();
    return answer;
  }

  #settle(reason: string | null) {
    this.#answer?.(reason);
    this.#answer = undefined;
  }

  #error(message: string) {
    const error = part(this, '#mod-reason-error');
    error.textContent = message;
    error.hidden = !message;
    if (message) {
      this.#text.setAttribute('aria-invalid', 'true');
      this.#text.setAttribute('aria-describedby', 'mod-reason-error mod-reason-hint');
      this.#text.focus();
    } else {
      this.#text.removeAttribute('aria-invalid');
      this.#text.setAttribute('aria-describedby', 'mod-reason-hint');
    }
  }
}

customElements.define('moderation-reason-dialog', ModerationReasonDialog);
