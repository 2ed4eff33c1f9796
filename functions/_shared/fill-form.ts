// Fills a form of the site's HTML with values, for pages a function renders so that they work
// without JavaScript: the status page's correction form, the merchant space's editor. Inputs get
// their value, text areas their text, a select its option, a radio group its choice and a check
// box "on" its checked state. Every value is escaped.
import { escapeHtml } from './respond.ts';

const attributeOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** fillFormHtml('<input name="name">…', { name: 'Café' }) → '<input name="name" value="Café">…' */
export function fillFormHtml(html: string, values: Record<string, string>): string {
  let out = html.replace(/<input\b[^>]*>/g, (tag) => {
    const name = attributeOf(tag, 'name');
    if (name === undefined || !(name in values)) return tag;
    const value = values[name]!;
    const type = attributeOf(tag, 'type') ?? 'text';
    if (type === 'radio') {
      const unchecked = tag.replace(/\schecked(="[^"]*")?/, '');
      return attributeOf(tag, 'value') === value ? unchecked.replace(/\s*\/?>$/, ' checked>') : unchecked;
    }
    if (type === 'checkbox') return value === 'on' ? tag.replace(/\s*\/?>$/, ' checked>') : tag;
    return tag.replace(/\svalue="[^"]*"/, '').replace(/\s*\/?>$/, ` value="${escapeHtml(value)}">`);
  });
  out = out.replace(/(<textarea\b[^>]*>)[\s\S]*?<\/textarea>/g, (whole, open: string) => {
    const name = attributeOf(open, 'name');
    return name !== undefined && name in values ? `${open}${escapeHtml(values[name]!)}</textarea>` : whole;
  });
  return out.replace(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g, (whole, open: string, options: string) => {
    const name = attributeOf(open, 'name');
    if (name === undefined || !(name in values)) return whole;
    const chosen = options.replace(/\sselected(="[^"]*")?/g, '')
      .replace(`<option value="${escapeHtml(values[name]!)}"`, `<option selected value="${escapeHtml(values[name]!)}"`);
    return `${open}${chosen}</select>`;
  });
}
