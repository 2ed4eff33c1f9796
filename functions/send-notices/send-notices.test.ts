// Notices are delivered over a real SMTP exchange (the local mail catcher), on each database: the
// "received" notice with its private link, retries with a recorded error, failure after the fifth
// try, one resend at most of a notice whose sender died mid-send (same Message-ID), two senders at
// once sending each notice once, and only the sender's role may claim notices.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asRole } from '../_shared/as-user.ts';
import { deliverNotices, mailerFromEnv, type Mailer } from '../_shared/notice-sender.ts';
import { t } from '../../src/i18n/index.ts';
import { startMailCatcher, type MailCatcher } from '../../scripts/local/mail-catcher.ts';
import { registerDirectly } from '../../tests/support/api.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

const SITE = 'https://vitrine.example';

describe.each(databaseKinds())('sending notices on %s', (kind) => {
  let db: TestDatabase;
  let catcher: MailCatcher;
  let mailer: Mailer;
  const savedSite = process.env.SITE_URL;

  beforeAll(async () => {
    process.env.SITE_URL = SITE;
    db = await createTestDatabase(kind);
    catcher = await startMailCatcher();
    mailer = mailerFromEnv({ SMTP_URL: catcher.url, SITE_URL: SITE, MAIL_FROM: 'Vitrine <bonjour@vitrine.example>' })!;
  });
  afterAll(async () => {
    mailer?.transport.close();
    await catcher?.close();
    await db?.drop();
    if (savedSite === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = savedSite;
  });
  beforeEach(async () => {
    await db.exec('delete from public.outbox');
    catcher.messages.length = 0;
  });

  const notices = () => db.query<{ kind: string; attempts: number; sent: boolean; failed: boolean; last_error: string | null; due_later: boolean }>(
    `select kind, attempts, sent_at is not null as sent, failed_at is not null as failed, last_error, next_attempt_at > now() as due_later
     from public.outbox order by id`);

  it('sends "we received your registration" with the private status link, in the applicant’s language', async () => {
    const registered = await registerDirectly(db, { name: 'Café du Rocher', email: 'rocher@example.ca' });
    expect(await deliverNotices(db, mailer)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(catcher.messages).toHaveLength(1);
    const mail = await simpleParser(catcher.messages[0]!.raw);
    expect(catcher.messages[0]!.to).toEqual(['rocher@example.ca']);
    expect(mail.subject).toBe(t('fr', 'notice.received.subject', { name: 'Café du Rocher' }));
    expect(mail.text).toContain(`${SITE}/statut/?id=${registered.id}&token=${registered.statusToken}`);
    expect(mail.messageId).toMatch(new RegExp(`^<notice-\\d+\\.${registered.id}@vitrine\\.example>$`));
    expect(mail.from?.value).toEqual([{ name: 'Vitrine', address: 'bonjour@vitrine.example' }]);
    expect(await notices()).toEqual([{ kind: 'received', attempts: 1, sent: true, failed: false, last_error: null, due_later: false }]);
    // Nothing is sent twice.
    expect(await deliverNotices(db, mailer)).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('records the error and tries again later when the server is unreachable, and gives up after the fifth try', async () => {
    await registerDirectly(db, { email: 'retry@example.ca' });
    const closed = await startMailCatcher();
    const nowhere = mailerFromEnv({ SMTP_URL: closed.url, SITE_URL: SITE })!;
    await closed.close();
    expect(await deliverNotices(db, nowhere)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [first] = await notices();
    expect(first).toMatchObject({ attempts: 1, sent: false, failed: false, due_later: true });
    expect(first!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(first!.last_error).not.toContain('retry@example.ca');
    // Not due yet: a second run sends nothing.
    expect(await deliverNotices(db, nowhere)).toEqual({ sent: 0, retried: 0, failed: 0 });
    for (let i = 2; i <= 5; i++) {
      await db.exec('update public.outbox set next_attempt_at = now()');
      await deliverNotices(db, nowhere);
    }
    expect(await notices()).toMatchObject([{ attempts: 5, sent: false, failed: true }]);
    await db.exec('update public.outbox set next_attempt_at = now()');
    expect(await deliverNotices(db, mailer)).toEqual({ sent: 0, retried: 0, failed: 0 });
    nowhere.transport.close();
  });

  it('sends a notice whose sender died mid-send once more, with the same Message-ID, and never a third time', async () => {
    await registerDirectly(db, { email: 'crash@example.ca' });
    const claim = () => asRole(db, 'vitrine_mailer', {}, async (tx) => (await tx.query<{ n: unknown[] }>(`select public.claim_notices(20, '2 minutes') as n`))[0]!.n);
    // A sender claims it and dies: the claim runs out.
    expect(await claim()).toHaveLength(1);
    expect(await deliverNotices(db, mailer)).toEqual({ sent: 0, retried: 0, failed: 0 });
    await db.exec(`update public.outbox set claimed_until = now() - interval '1 second'`);
    expect(await deliverNotices(db, mailer)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const sentId = (await simpleParser(catcher.messages[0]!.raw)).messageId;

    await registerDirectly(db, { email: 'crash-twice@example.ca' });
    expect(await claim()).toHaveLength(1);
    await db.exec(`update public.outbox set claimed_until = now() - interval '1 second' where sent_at is null`);
    expect(await claim()).toHaveLength(1);
    await db.exec(`update public.outbox set claimed_until = now() - interval '1 second' where sent_at is null`);
    expect(await deliverNotices(db, mailer)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await notices()).toMatchObject([
      { sent: true, failed: false, attempts: 2 },
      { sent: false, failed: true, attempts: 2, last_error: 'interrupted twice while sending' },
    ]);
    expect(sentId).toMatch(/^<notice-/);
  });

  it('starts no send once its time is up, and leaves what it claimed but did not send due at once, not interrupted', async () => {
    for (let i = 0; i < 3; i++) await registerDirectly(db, { email: `late${i}@example.ca` });
    // The real transport, slowed down: each message takes 300 ms to hand over.
    const slow: Mailer = { ...mailer, transport: { sendMail: async (m: object) => { await new Promise((r) => setTimeout(r, 300)); return mailer.transport.sendMail(m); } } as never };
    expect(await deliverNotices(db, slow, { deadline: Date.now() + 100 })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const rows = await db.query<{ sent: boolean; attempts: number; claimed: boolean; interrupted: boolean }>(
      'select sent_at is not null as sent, attempts, claimed_until is not null as claimed, interrupted from public.outbox order by id');
    expect(rows).toEqual([
      { sent: true, attempts: 1, claimed: false, interrupted: false },
      { sent: false, attempts: 0, claimed: false, interrupted: false },
      { sent: false, attempts: 0, claimed: false, interrupted: false },
    ]);
    expect(await deliverNotices(db, mailer)).toEqual({ sent: 2, retried: 0, failed: 0 });
  });

  it('sends each notice once when two senders run at the same moment', async () => {
    for (let i = 0; i < 30; i++) await registerDirectly(db, { email: `shop${i}@example.ca` });
    const second = mailerFromEnv({ SMTP_URL: catcher.url, SITE_URL: SITE })!;
    const [a, b] = await Promise.all([deliverNotices(db, mailer, { batch: 5 }), deliverNotices(db, second, { batch: 5 })]);
    second.transport.close();
    expect(a.sent + b.sent).toBe(30);
    const ids = await Promise.all(catcher.messages.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(new Set(ids).size).toBe(30);
  });

  it('lets only the sender’s role claim or settle notices', async () => {
    await registerDirectly(db);
    for (const role of ['anon', 'authenticated', 'vitrine_registrar'] as const) {
      await expect(asRole(db, role, {}, (tx) => tx.query('select public.claim_notices()')), role).rejects.toMatchObject({ code: '42501' });
      await expect(asRole(db, role, {}, (tx) => tx.query('select public.settle_notice(1, null)')), role).rejects.toMatchObject({ code: '42501' });
      await expect(asRole(db, role, {}, (tx) => tx.query('select public.release_notices(array[1]::bigint[])')), role).rejects.toMatchObject({ code: '42501' });
    }
    expect(await notices()).toMatchObject([{ attempts: 0, sent: false }]);
  });
});
