// The notices merchants receive after a decision. The database composes each from trusted data as a
// kind and its parameters (public.outbox: name, reason, the listing's and the status page's paths);
// this writes it in the merchant's language, with the site's configured address in front of the
// paths. Notices queued before that change carry their own subject and body, kept as written.
import { t, type Locale } from '../i18n/index.ts';

export type NoticeKind = 'approve' | 'reject' | 'request_changes' | 'received' | 'status_link' | 'invitation' | 'transfer';
export type NoticeParams = {
  name: string; reason?: string; listingPath?: string; statusPath: string;
  /** A decision on a member's change (not a registration): statusPath is then the merchant space. */
  change?: boolean;
  /** A new listing's: the merchant space, where its contact address is invited to manage it. */
  accountPath?: string;
  /** An invitation's role and why it was sent; a transfer's decision. */
  role?: 'owner' | 'editor'; origin?: 'approval' | 'claim' | 'member'; decision?: 'approve' | 'reject';
};
export type StoredNotice = { kind: NoticeKind; locale: Locale; params: NoticeParams | null; subject: string | null; body: string | null };

/** renderNotice({kind: 'approve', locale: 'fr', params: {…}}, 'https://vitrine.example') → {subject, body} */
export function renderNotice(notice: StoredNotice, site: string): { subject: string; body: string } {
  const { kind, locale, params } = notice;
  if (!params) return { subject: notice.subject ?? '', body: notice.body ?? '' };
  const { name } = params;
  const url = (path: string) => `${site}${path}`;
  let subject: string;
  let said: Array<string | null>;
  if (kind === 'invitation') {
    subject = t(locale, 'notice.invitation.subject', { name });
    said = [
      t(locale, 'notice.invitation.body', { name, role: t(locale, `notice.invitation.role.${params.role ?? 'owner'}`) }),
      params.origin === 'claim' ? t(locale, 'notice.invitation.claim') : params.origin === 'approval' ? t(locale, 'notice.invitation.approval') : null,
      t(locale, 'notice.invitation.link', { accountUrl: url(params.statusPath) }),
    ];
  } else if (kind === 'transfer') {
    const decision = params.decision ?? 'reject';
    subject = t(locale, `notice.transfer.${decision}.subject`, { name });
    said = [t(locale, `notice.transfer.${decision}.body`, { name }), params.reason ? t(locale, 'notice.reason', { reason: params.reason }) : null,
      t(locale, 'notice.account', { accountUrl: url(params.statusPath) })];
  } else if (params.change && (kind === 'approve' || kind === 'reject' || kind === 'request_changes')) {
    subject = t(locale, `notice.change.${kind}.subject`, { name });
    said = [t(locale, `notice.change.${kind}.body`, { listingUrl: params.listingPath ? url(params.listingPath) : '' }),
      params.reason ? t(locale, 'notice.reason', { reason: params.reason }) : null,
      t(locale, 'notice.account', { accountUrl: url(params.statusPath) })];
  } else {
    subject = t(locale, `notice.${kind}.subject`, { name });
    said = [
      kind === 'approve' && params.listingPath
        ? t(locale, 'notice.approve.body', { listingUrl: url(params.listingPath) })
        : kind === 'received' || kind === 'status_link'
          ? t(locale, `notice.${kind}.body`, { name })
          : t(locale, kind === 'approve' ? 'notice.reject.body' : `notice.${kind}.body`),
      params.reason ? t(locale, 'notice.reason', { reason: params.reason }) : null,
      params.accountPath ? t(locale, 'notice.approve.account', { accountUrl: url(params.accountPath) }) : null,
      t(locale, 'notice.follow', { statusUrl: url(params.statusPath) }),
    ];
  }
  const lines = [t(locale, 'notice.greeting'), ...said, t(locale, 'notice.signature')];
  return { subject, body: lines.filter((l) => l !== null).join('\n\n') };
}
