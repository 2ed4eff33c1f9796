import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keys.ts';

const body = { tagName: 'BODY' };
const listbox = { tagName: 'OL', role: 'listbox' };

describe('shortcutFor', () => {
  it('maps j/k, a, r, c and / to their actions, capitals included', () => {
    expect(['j', 'k', 'a', 'r', 'c', '/'].map((key) => shortcutFor({ key, target: body }))).toEqual(['next', 'previous', 'approve', 'reject', 'request_changes', 'search']);
    expect(shortcutFor({ key: 'J', target: body })).toBe('next');
    expect(shortcutFor({ key: 'A', target: listbox })).toBe('approve');
  });

  it('never fires while typing in a field, or with a modifier the browser or a screen reader uses', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) expect(shortcutFor({ key: 'a', target: { tagName } }), tagName).toBeNull();
    expect(shortcutFor({ key: 'a', target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
    expect(shortcutFor({ key: 'r', ctrlKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: 'j', metaKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: 'a', altKey: true, target: body })).toBeNull();
  });

  it('moves with the arrows on the queue only, leaving them to scroll the page elsewhere', () => {
    expect(shortcutFor({ key: 'ArrowDown', target: listbox })).toBe('next');
    expect(shortcutFor({ key: 'ArrowUp', target: listbox })).toBe('previous');
    expect(shortcutFor({ key: 'ArrowDown', target: body })).toBeNull();
  });

  it('ignores other keys, with or without a target', () => {
    expect(shortcutFor({ key: 'x', target: body })).toBeNull();
    expect(shortcutFor({ key: 'Enter', target: listbox })).toBeNull();
    expect(shortcutFor({ key: 'j' })).toBe('next');
  });
});
