// Delivers the outbox over SMTP with nodemailer: claims the notices due (public.claim_notices, as
// vitrine_mailer), writes each in the merchant's language with the site's address
// (src/lib/notices.ts), sends it, and records the outcome (public.settle_notice): sent, or the
// error and a later try, or failed after the fifth. Each notice keeps one Message-ID, so the one
// resend a dead sender can cause is recognisably the same message. Runs on Netlify as the
// scheduled function functions/send-notices, and in `npm start`'s process every few seconds.
//
// Configuration: SMTP_URL (smtp://user:password@host:587, smtps://… for TLS from the start) and
// MAIL_FROM ("Vitrine <bonjour@vitrine.example>"). Without SMTP_URL nothing is sent.
import nodemailer, { type Transporter } from 'nodemailer';
import { renderNotice, type StoredNotice } from '../../src/lib/notices.ts';
import { asRole } from './as-user.ts';
import { ConfigurationError, type Database } from './db.ts';
import { siteUrl } from './site-url.ts';

export type Mailer = { transport: Transporter; from: string; domain: string };
export type Delivery = { sent: number; retried: number; failed: number };

type Claimed = StoredNotice & { id: number; proposalId: string | null; recipient: string; attempts: number };

/** The mailer SMTP_URL and MAIL_FROM describe, or null when SMTP_URL is not set. */
export function mailerFromEnv(env: Record<string, string | undefined> = process.env): Mailer | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError('SMTP_URL is not a URL (expected smtp://user:password@host:587).');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new ConfigurationError('SMTP_URL must start with smtp:// or smtps://.');
  const site = new URL(siteUrl(env));
  const from = env.MAIL_FROM?.trim() || `Vitrine <ne-pas-repondre@${site.hostname}>`;
  // Short timeouts: a scheduled function has 30 s in all (one send takes at most 20 s), and a later
  // run tries again.
  const transport = nodemailer.createTransport(url, { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 } as never);
  return { transport, from, domain: site.hostname };
}

/** The Message-ID of a notice: the same at every try. */
export function messageId(notice: { id: number; proposalId: string | null }, domain: string): string {
  // Invitations and transfer decisions belong to no proposal.
  return `<notice-${notice.id}.${notice.proposalId ?? 'account'}@${domain}>`;
}

/**
 * Sends what is due until none is left or `deadline` (ms since the epoch) passes: no send starts
 * after it, and the notices claimed but not sent by then are released for the next run.
 */
export async function deliverNotices(db: Database, mailer: Mailer, { deadline = Infinity, batch = 20 } = {}): Promise<Delivery> {
  const totals: Delivery = { sent: 0, retried: 0, failed: 0 };
  const site = siteUrl();
  while (Date.now() < deadline) {
    const claimed = await asRole(db, 'vitrine_mailer', {}, async (tx) =>
      (await tx.query<{ n: Claimed[] }>('select public.claim_notices($1) as n', [batch]))[0]!.n);
    if (claimed.length === 0) break;
    for (const [index, notice] of claimed.entries()) {
      if (Date.now() >= deadline) {
        const left = claimed.slice(index).map((n) => n.id);
        await asRole(db, 'vitrine_mailer', {}, (tx) => tx.query('select public.release_notices($1::bigint[])', [left]));
        return totals;
      }
      const { subject, body } = renderNotice(notice, site);
      let error: string | null = null;
      try {
        await mailer.transport.sendMail({
          from: mailer.from, to: notice.recipient, subject, text: body,
          messageId: messageId(notice, mailer.domain),
          headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': notice.locale === 'en' ? 'en-CA' : 'fr-CA' },
        });
      } catch (e) {
        // What the server said, without the address it was sent to.
        error = String((e as Error).message ?? e).replaceAll(notice.recipient, '<recipient>').slice(0, 1000);
      }
      const [{ outcome }] = await asRole(db, 'vitrine_mailer', {}, (tx) =>
        tx.query<{ outcome: 'sent' | 'retry' | 'failed' | null }>('select public.settle_notice($1, $2) as outcome', [notice.id, error]));
      if (outcome === 'sent') totals.sent++;
      else if (outcome === 'failed') totals.failed++;
      else if (outcome === 'retry') totals.retried++;
    }
  }
  return totals;
}
