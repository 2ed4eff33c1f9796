// The console's keyboard shortcuts, as a pure mapping from a key press to an action, so that what a
// key does is tested without a browser and the page's handler stays a switch.

export type Shortcut = 'next' | 'previous' | 'approve' | 'reject' | 'request_changes' | 'search';

export type KeyPress = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key was pressed in: shortcuts never fire while someone types. */
  target?: { tagName?: string; isContentEditable?: boolean; type?: string; role?: string | null } | null;
};

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

const KEYS: Record<string, Shortcut> = {
  j: 'next',
  k: 'previous',
  ArrowDown: 'next',
  ArrowUp: 'previous',
  a: 'approve',
  r: 'reject',
  c: 'request_changes',
  '/': 'search',
};

/**
 * shortcutFor({ key: 'j', target: document.body }) === 'next'; null for keys with a modifier (the
 * browser's and screen readers' own shortcuts), keys typed into a field, and arrows outside the queue.
 */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const target = press.target ?? null;
  if (target && (target.isContentEditable || TYPING.has(target.tagName?.toUpperCase() ?? ''))) return null;
  // A capital letter (Shift, or caps lock on) is still the same shortcut.
  const shortcut = KEYS[press.key.length === 1 ? press.key.toLowerCase() : press.key] ?? null;
  // The arrows keep their usual meaning (scrolling the page) everywhere but on the queue.
  if ((press.key === 'ArrowDown' || press.key === 'ArrowUp') && target?.role !== 'listbox') return null;
  return shortcut;
}
