// The notices merchants receive after a decision. The database composes each from trusted data as a
// kind and its parameters (public.outbox: name, reason, the listing's and the status page's paths);
// this writes it in the merchant's language, with the site's configured address in front of the
// paths. Notices queued before that change carry their own subject and body, kept as written.
import { t, type Locale } from '../i18n/index.ts';

export type NoticeKind = 'approve' | 'reject' | 'request_changes' | 'received' | 'status_link';
export type NoticeParams = { name: string; reason?: string; listingPath?: string; statusPath: string };
export type StoredNotice = { kind: NoticeKind; locale: Locale; params: NoticeParams | null; subject: string | null; body: string | null };

/** renderNotice({kind: 'approve', locale: 'fr', params: {…}}, 'https://vitrine.example') → {subject, body} */
export function renderNotice(notice: StoredNotice, site: string): { subject: string; body: string } {
  const { kind, locale, params } = notice;
  if (!params) return { subject: notice.subject ?? '', body: notice.body ?? '' };
  const lines = [
    t(locale, 'notice.greeting'),
    kind === 'approve' && params.listingPath
      ? t(locale, 'notice.approve.body', { listingUrl: `${site}${params.listingPath}` })
      : kind === 'received' || kind === 'status_link'
        ? t(locale, `notice.${kind}.body`, { name: params.name })
        : t(locale, kind === 'approve' ? 'notice.reject.body' : `notice.${kind}.body`),
    params.reason ? t(locale, 'notice.reason', { reason: params.reason }) : null,
    t(locale, 'notice.follow', { statusUrl: `${site}${params.statusPath}` }),
    t(locale, 'notice.signature'),
  ];
  return { subject: t(locale, `notice.${kind}.subject`, { name: params.name }), body: lines.filter((l) => l !== null).join('\n\n') };
}
