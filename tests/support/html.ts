// A small HTML tokenizer for checking the pages Astro generates: start tags with decoded attributes,
// text, and the raw content of <script> and <style>. It follows the HTML rules that matter for these
// checks (a quoted attribute value runs to its closing quote, so `<` inside one is just text; script and
// style contents end at their closing tag) but it is not a general-purpose parser.

export type Element = { name: string; attrs: Record<string, string>; start: number; end: number; raw?: string };
export type Token = Element | { text: string; start: number };
export type Document = { html: string; tokens: Token[] };

const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s=>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const RAW_TEXT = new Set(['script', 'style']);

/** Decodes the character references Astro and browsers emit: &lt; &amp; &quot; &#39; &#x2F; … */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return named[ref.toLowerCase()] ?? whole;
  });
}

export function parseHtml(html: string): Document {
  const tokens: Token[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      tokens.push({ text: decodeEntities(html.slice(i)), start: i });
      break;
    }
    if (lt > i) tokens.push({ text: decodeEntities(html.slice(i, lt)), start: i });
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html.startsWith('</', lt) || html.startsWith('<!', lt)) {
      const close = html.indexOf('>', lt);
      tokens.push({ name: html.slice(lt + (html[lt + 1] === '/' ? 1 : 2), close).trim().toLowerCase(), attrs: {}, start: lt, end: close + 1 });
      i = close + 1;
      continue;
    }
    START_TAG.lastIndex = lt;
    const match = START_TAG.exec(html);
    if (!match) {
      tokens.push({ text: '<', start: lt });
      i = lt + 1;
      continue;
    }
    const name = match[1].toLowerCase();
    const attrs: Record<string, string> = {};
    for (const a of match[2].matchAll(ATTRIBUTE)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    const element: Element = { name, attrs, start: lt, end: START_TAG.lastIndex };
    tokens.push(element);
    i = START_TAG.lastIndex;
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      element.raw = html.slice(i, close);
      i = close;
    }
  }
  return { html, tokens };
}

const isElement = (t: Token): t is Element => 'name' in t && !t.name.startsWith('/');

/** Every start tag with this name, in document order. */
export function elements(doc: Document, name: string): Element[] {
  return doc.tokens.filter((t): t is Element => isElement(t) && t.name === name);
}

/** The content attribute of <meta property=…> or <meta name=…>. */
export function meta(doc: Document, key: string): string | undefined {
  return elements(doc, 'meta').find((m) => m.attrs.property === key || m.attrs.name === key)?.attrs.content;
}

/** The decoded text from a start tag to its matching end tag (no nesting of the same element assumed). */
export function textOf(doc: Document, element: Element): string {
  const from = doc.tokens.indexOf(element);
  let text = '';
  for (const t of doc.tokens.slice(from + 1)) {
    if ('name' in t && t.name === `/${element.name}`) break;
    if ('text' in t) text += t.text;
  }
  return text;
}

/** Tokens between a start tag and its matching end tag, for elements that nest (ul inside nav…). */
export function inside(doc: Document, element: Element): Token[] {
  const from = doc.tokens.indexOf(element);
  let depth = 0;
  const found: Token[] = [];
  for (const t of doc.tokens.slice(from + 1)) {
    if ('name' in t && t.name === element.name) depth++;
    if ('name' in t && t.name === `/${element.name}`) {
      if (depth === 0) break;
      depth--;
    }
    found.push(t);
  }
  return found;
}

/** The raw HTML with every attribute value emptied: what is left is markup and text only. */
export function withoutAttributeValues(html: string): string {
  const doc = parseHtml(html);
  let out = '';
  let last = 0;
  for (const t of doc.tokens) {
    if (!isElement(t)) continue;
    out += html.slice(last, t.start) + `<${t.name}${Object.keys(t.attrs).map((k) => ` ${k}`).join('')}>`;
    last = t.end;
  }
  return out + html.slice(last);
}
