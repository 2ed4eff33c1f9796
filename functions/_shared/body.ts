// Request bodies, read with a ceiling: a client cannot make a function hold more than `limit` bytes,
// whatever Content-Length says (it may be absent with chunked encoding, or lie).
import { t, type Locale } from '../../src/i18n/index.ts';
import type { Refusal } from './respond.ts';

export type BodyKind = 'json' | 'form';

/** The client closed the connection while sending its body (not a fault of ours: nothing to log). */
export class ClientGone extends Error {
  override name = 'ClientGone';
}

/** 'json' for application/json (or any +json type), 'form' for a classic HTML form, else null. */
export function bodyKind(req: Request): BodyKind | null {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type)) return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return null;
}

/** The body as UTF-8 text, or null as soon as it passes `limit` bytes (the rest is never read). */
export async function readText(req: Request, limit: number): Promise<string | null> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away before its body ended: nobody is left to answer.
      throw new ClientGone();
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export type ParsedBody = { ok: true; kind: BodyKind; value: unknown } | { ok: false; refusal: Refusal };

/**
 * readBody(req, { limit: 64 * 1024, locale }) → the parsed JSON value or the form's fields, or the
 * refusal to send: 415 for a media type not in `accept`, 413 past the limit, 400 for JSON that does not parse.
 * An empty JSON body reads as `emptyJson` when given (endpoints whose fields are all optional).
 */
export async function readBody(
  req: Request,
  { limit, locale, emptyJson, accept = ['json', 'form'] }: { limit: number; locale: Locale; emptyJson?: unknown; accept?: BodyKind[] },
): Promise<ParsedBody> {
  const kind = bodyKind(req);
  if (!kind || !accept.includes(kind)) {
    const message = t(locale, accept.includes('form') ? 'error.unsupported_media_type' : 'error.unsupported_media_type_json');
    return { ok: false, refusal: { reason: 'unsupported_media_type', message } };
  }
  const text = await readText(req, limit);
  if (text === null) {
    return { ok: false, refusal: { reason: 'payload_too_large', message: t(locale, 'error.payload_too_large', { max: Math.floor(limit / 1024) }) } };
  }
  if (kind === 'form') return { ok: true, kind, value: new URLSearchParams(text) };
  if (text.trim() === '' && emptyJson !== undefined) return { ok: true, kind, value: emptyJson };
  try {
    return { ok: true, kind, value: JSON.parse(text) };
  } catch {
    return { ok: false, refusal: { reason: 'invalid_json', message: t(locale, 'error.invalid_json') } };
  }
}
