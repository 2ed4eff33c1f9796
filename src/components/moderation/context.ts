// What every part of a moderation page reads: the page's language, its strings (handed over as JSON
// in data-messages by the page, so that the browser downloads one language and no dictionary code)
// and, on the console, the names of categories and regions and the standard reasons. Read from the
// page's root element once, whichever part asks first.
import type { ReasonKind, ReasonTemplate } from '../../i18n/moderation.ts';
import type { Messages } from '../../lib/moderation/text.ts';

export type { ReasonKind, ReasonTemplate };
export type Names = { categories?: Record<string, string>; regions?: Record<string, string> };
export type PageContext = {
  locale: 'fr' | 'en';
  m: Messages;
  names: Names;
  templates: Record<ReasonKind, ReasonTemplate[]>;
};

const read = new WeakMap<HTMLElement, PageContext>();

/** The context of the moderation page an element is in. */
export function pageContext(element: HTMLElement): PageContext {
  const root = element.closest<HTMLElement>('[data-messages]');
  if (!root) throw new Error(`<${element.localName}> is not inside a moderation page (no [data-messages] around it)`);
  let context = read.get(root);
  if (!context) {
    const json = <T,>(name: string, empty: T): T => (root.dataset[name] ? (JSON.parse(root.dataset[name]!) as T) : empty);
    context = {
      locale: root.dataset.locale === 'en' ? 'en' : 'fr',
      m: json<Messages>('messages', {}),
      names: json<Names>('names', {}),
      templates: json('templates', { reject: [], request_changes: [] }),
    };
    read.set(root, context);
  }
  return context;
}

/** The element's first descendant matching `selector`; a missing one is a mistake in the page's markup. */
export function part<T extends HTMLElement = HTMLElement>(root: ParentNode & { localName?: string }, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} is missing in <${root.localName ?? 'document'}>`);
  return found;
}
