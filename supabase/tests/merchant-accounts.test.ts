// Merchants and their listings, in the database itself, as each actor meets it: who may read and
// change what (the row-level security matrix), what publishes at once and what waits for a
// moderator, conflicts, claims, transfers, reverts and the account's own data (Law 25).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRole, type ApiRole, type Claims } from '../../functions/_shared/as-user.ts';
import type { Queryable } from '../../functions/_shared/db.ts';
import { insertMerchants, merchantRow } from '../../tests/support/merchants.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/support/test-database.ts';

type Person = Claims & { sub: string; email: string };
const person = (email: string, moderator = false): Person => ({
  sub: randomUUID(),
  email,
  app_metadata: moderator ? { provider: 'email', role: 'moderator' } : { provider: 'email' },
});

describe.each(databaseKinds())('merchant accounts on %s', (kind) => {
  let db: TestDatabase;
  const ownerA = person('a@example.ca');
  const ownerB = person('b@example.ca');
  const editor = person('editrice@example.ca');
  const claimant = person('contact-c@example.ca');
  const stranger = person('quelquun@example.ca');
  const moderator = person('modo@example.org', true);
  let listingA: string, listingB: string, slugB: string, listingC: string, slugC: string;

  const as = <T>(who: Person | null, work: (tx: Queryable) => Promise<T>, role: ApiRole = who ? 'authenticated' : 'anon') =>
    asRole(db, role, who ?? {}, work);
  const call = async <T = Record<string, unknown>>(who: Person | null, sql: string, params: unknown[] = []) =>
    as(who, async (tx) => (await tx.query<{ r: T }>(`select ${sql} as r`, params))[0]!.r);
  /** 'allowed', or the SQLSTATE it was refused with. */
  const outcome = (promise: Promise<unknown>) => promise.then(() => 'allowed', (e: { code?: string }) => e.code ?? String(e));
  const version = async (id: string) => (await db.query<{ version: number }>('select version from public.listings where id = $1', [id]))[0]!.version;
  const published = async (id: string) => (await db.query('select * from public.catalogue where id = $1', [id]))[0]!;
  const propose = (who: Person, id: string, edit: Record<string, unknown>, base: number) =>
    call<{ published: string[]; queued: string[]; proposalId: string | null; version: number }>(
      who, 'public.propose_listing_change($1, $2::jsonb, $3)', [id, JSON.stringify(edit), base]);
  const counts = async () => (await db.query<Record<string, number>>(`select (select count(*)::int from public.listings) l, (select count(*)::int from public.proposals) p,
      (select count(*)::int from public.journal) j, (select count(*)::int from public.listing_members) m, (select count(*)::int from public.rebuild_requests) r`))[0];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    for (const p of [ownerA, ownerB, editor, claimant, stranger, moderator]) {
      await db.query('insert into auth.users (id, email) values ($1, $2)', [p.sub, p.email]);
    }
    [{ id: listingA }, { id: listingB, slug: slugB }, { id: listingC, slug: slugC }] = await insertMerchants(db, [
      merchantRow({ name: 'Boulangerie A', contact_email: 'a@example.ca', neq: '1161111111', phone: '+18195550101' }),
      merchantRow({ name: 'Fromagerie B', contact_email: 'secret-b@example.ca', neq: '1162222222', phone: '+18195550102' }),
      merchantRow({ name: 'Épicerie C', contact_email: 'contact-c@example.ca', neq: '1163333333', phone: '+18195550103' }),
    ]);
    await db.query(`insert into public.listing_members (listing_id, user_id, role) values ($1, $2, 'owner'), ($3, $4, 'owner')`,
      [listingA, ownerA.sub, listingB, ownerB.sub]);
  });
  afterAll(() => db?.drop());

  describe('row-level security', () => {
    it('lets a member read its own listing whole and nothing of another', async () => {
      const rows = await as(ownerA, (tx) => tx.query<{ id: string; contact_email: string }>('select id, contact_email from public.listings'));
      expect(rows).toEqual([{ id: listingA, contact_email: 'a@example.ca' }]);
      for (const table of ['public.proposals', 'public.listing_members', 'public.journal', 'public.invitations']) {
        const theirs = await as(ownerA, (tx) => tx.query(`select * from ${table} where listing_id = $1`, [listingB]));
        expect(theirs, table).toEqual([]);
      }
      const account = await call<{ listings: Array<{ id: string }> }>(ownerA, 'public.my_account()');
      expect(account.listings.map((l) => l.id)).toEqual([listingA]);
    });

    it('refuses changes to another member’s listing and every direct write, for members and moderators', async () => {
      const before = await counts();
      expect(await outcome(propose(ownerA, listingB, { phone: '+18195559999' }, 1))).toBe('VT404');
      expect(await outcome(call(ownerA, 'public.invite_member($1, $2, $3)', [listingB, 'x@example.ca', 'owner']))).toBe('VT404');
      expect(await outcome(call(ownerA, 'public.remove_member($1, $2)', [listingB, ownerB.sub]))).toBe('VT404');
      expect(await outcome(call(ownerA, 'public.close_listing($1)', [listingB]))).toBe('VT404');
      for (const who of [ownerA, moderator]) {
        expect(await outcome(as(who, (tx) => tx.query(`update public.listings set name = 'Piratée' where id = $1`, [listingA])))).toBe('42501');
        expect(await outcome(as(who, (tx) => tx.query(`insert into public.listing_members values ($1, $2, 'owner')`, [listingB, who.sub])))).toBe('42501');
        expect(await outcome(as(who, (tx) => tx.query(`delete from public.listing_members where listing_id = $1`, [listingA])))).toBe('42501');
      }
      expect(await outcome(as(null, (tx) => tx.query('select * from public.listing_members')))).toBe('42501');
      expect(await outcome(call(null, 'public.my_account()'))).toBe('42501');
      // A moderator may not slip a change through the members' path either.
      expect(await outcome(propose(moderator, listingA, { phone: '+18195559999' }, 1))).toBe('VT404');
      expect(await counts()).toEqual(before);
    });
  });

  describe('members', () => {
    let invitation: string;

    it('an owner invites an editor by e-mail, who accepts when signed in with that address and can then propose', async () => {
      ({ invitationId: invitation } = await call<{ invitationId: string }>(ownerA, 'public.invite_member($1, $2, $3)', [listingA, 'Editrice@example.ca', 'editor']));
      const [notice] = await db.query<{ recipient: string; kind: string }>(`select recipient, kind from public.outbox where kind = 'invitation' order by id desc limit 1`);
      expect(notice).toEqual({ recipient: 'editrice@example.ca', kind: 'invitation' });
      // Another account cannot use it, even knowing its id.
      expect(await outcome(call(stranger, 'public.accept_invitation($1)', [invitation]))).toBe('VT404');
      const waiting = await call<{ invitations: Array<{ name: string }> }>(editor, 'public.my_account()');
      expect(waiting.invitations).toEqual([expect.objectContaining({ name: 'Boulangerie A', role: 'editor' })]);
      expect(await call(editor, 'public.accept_invitation($1)', [invitation])).toEqual({ listingId: listingA, role: 'editor' });
      expect(await outcome(call(editor, 'public.accept_invitation($1)', [invitation]))).toBe('VT404');
      const result = await propose(editor, listingA, { description_fr: 'Pains et viennoiseries.' }, await version(listingA));
      expect(result.published).toEqual(['description_fr']);
    });

    it('an editor cannot remove an owner, invite, or close; the last owner cannot leave', async () => {
      expect(await outcome(call(editor, 'public.remove_member($1, $2)', [listingA, ownerA.sub]))).toBe('VT403');
      expect(await outcome(call(editor, 'public.invite_member($1, $2, $3)', [listingA, 'x@example.ca', 'editor']))).toBe('VT403');
      expect(await outcome(call(editor, 'public.close_listing($1)', [listingA]))).toBe('VT403');
      expect(await outcome(call(ownerA, 'public.remove_member($1, $2)', [listingA, ownerA.sub]))).toBe('VT409');
      expect(await outcome(call(ownerA, 'public.delete_my_account()'))).toBe('VT409');
    });

    it('an owner removes an editor, who can then neither read nor propose', async () => {
      await call(ownerA, 'public.remove_member($1, $2)', [listingA, editor.sub]);
      expect(await outcome(propose(editor, listingA, { description_fr: 'Encore moi.' }, await version(listingA)))).toBe('VT404');
      expect(await as(editor, (tx) => tx.query('select id from public.listings'))).toEqual([]);
      const [entry] = await db.query(`select action, actor_email from public.journal where action = 'remove_member'`);
      expect(entry).toEqual({ action: 'remove_member', actor_email: null });
    });
  });

  describe('what needs a moderator', () => {
    it('publishes a low-risk change at once and requests a rebuild', async () => {
      const rebuilds = (await counts())!.r;
      const hours = { week: { fri: [['17:00', '02:00']] } };
      const ways = { in_store: true, delivery: true, delivery_area: 'Lac-Mégantic et environs', online_store: 'https://boutique.example.ca' };
      const result = await propose(ownerA, listingA, { phone: '+18195550111', opening_hours: hours, ways_to_buy: ways }, await version(listingA));
      expect(result).toMatchObject({ published: ['opening_hours', 'phone', 'ways_to_buy'], queued: [], proposalId: null });
      expect(await published(listingA)).toMatchObject({ phone: '+18195550111', opening_hours: hours });
      expect((await counts())!.r).toBe(rebuilds + 1);
    });

    it('keeps a sensitive change out of the catalogue until a moderator approves it, with its pre-checks', async () => {
      const result = await propose(ownerA, listingA, { name: 'Boulangerie A et fils' }, await version(listingA));
      expect(result).toMatchObject({ published: [], queued: ['name'] });
      expect((await published(listingA)).name).toBe('Boulangerie A');
      const [queued] = await db.query<{ checks: Array<{ check: string }>; fields: unknown }>('select checks, fields from public.proposals where id = $1', [result.proposalId]);
      expect(queued!.fields).toEqual({ name: 'Boulangerie A et fils' });
      expect(queued!.checks.map((c) => c.check)).toEqual(expect.arrayContaining(['postal_code', 'municipality', 'neq', 'duplicate', 'content']));
      // The moderator sees the listing it would make beside the published one.
      const compared = await call<{ submission: { name: string; postalCode: string }; published: { name: string } }>(moderator, 'public.moderation_compare($1)', [result.proposalId]);
      expect(compared.submission).toMatchObject({ name: 'Boulangerie A et fils', postalCode: 'G6B 1A1' });
      expect(compared.published).toMatchObject({ name: 'Boulangerie A' });
      await call(moderator, `public.decide_proposals(array[$1::uuid], 'approve')`, [result.proposalId]);
      expect((await published(listingA)).name).toBe('Boulangerie A et fils');
    });

    it('splits a mixed edit: the low-risk part now, the sensitive part queued', async () => {
      const result = await propose(ownerA, listingA, { description_en: 'Bakery.', postal_code: 'G6B 2B2', website: 'https://autre-site.example.com' }, await version(listingA));
      expect(result).toMatchObject({ published: ['description_en'], queued: ['postal_code', 'website'] });
      const row = await published(listingA);
      expect(row).toMatchObject({ description_en: 'Bakery.', postal_code: 'G6B 1A1', website: 'https://example.ca' });
      await call(moderator, `public.decide_proposals(array[$1::uuid], 'reject', 'Adresse à confirmer.')`, [result.proposalId]);
    });

    it('refuses to approve a queued change whose field changed since, so that it undoes nothing', async () => {
      const first = await propose(ownerA, listingA, { name: 'Boulangerie A (premier)' }, await version(listingA));
      const second = await propose(ownerA, listingA, { name: 'Boulangerie A (second)' }, await version(listingA));
      await call(moderator, `public.decide_proposals(array[$1::uuid], 'approve')`, [second.proposalId]);
      const before = await counts();
      expect(await outcome(call(moderator, `public.decide_proposals(array[$1::uuid], 'approve')`, [first.proposalId]))).toBe('VT40C');
      expect(await counts()).toEqual(before);
      expect((await published(listingA)).name).toBe('Boulangerie A (second)');
      await call(moderator, `public.decide_proposals(array[$1::uuid], 'reject', 'Remplacé par un changement plus récent.')`, [first.proposalId]);
      // Back to the name the other tests expect.
      await call(moderator, `public.decide_proposals(array[$1::uuid], 'approve')`,
        [(await propose(ownerA, listingA, { name: 'Boulangerie A et fils' }, await version(listingA))).proposalId]);
    });

    it('treats a page on the same website and a pin moved within its town as low-risk, a pin moved far as sensitive', async () => {
      const base = await version(listingA);
      const near = await propose(ownerA, listingA, { website: 'https://www.example.ca/menu', location: 'pin', latitude: 45.5801, longitude: -70.8850 }, base);
      expect(near.published).toEqual(['latitude', 'longitude', 'website']);
      const far = await propose(ownerA, listingA, { location: 'pin', latitude: 46.8, longitude: -71.2 }, await version(listingA));
      expect(far).toMatchObject({ published: [], queued: ['latitude', 'longitude'] });
      expect((await published(listingA)).latitude).toBeCloseTo(45.5801, 4);
    });
  });

  describe('conflicts', () => {
    it('applies two edits of different fields made from the same version; of the same field, the second gets 409 and nothing changes', async () => {
      await call(ownerA, 'public.invite_member($1, $2, $3)', [listingA, editor.email, 'editor']);
      const [{ id }] = await db.query<{ id: string }>(`select id from public.invitations where email = $1 and accepted_at is null`, [editor.email]);
      await call(editor, 'public.accept_invitation($1)', [id]);
      const base = await version(listingA);
      await propose(ownerA, listingA, { phone: '+18195550222' }, base);
      // The editor's form still holds the old phone: sending it whole is not a change of the phone.
      const form = { ...(await call<{ listings: Array<{ fields: Record<string, unknown> }> }>(editor, 'public.my_account()')).listings[0]!.fields, phone: '+18195550111' };
      await propose(editor, listingA, { ...form, description_fr: 'Nouveau texte.' }, base);
      expect(await published(listingA)).toMatchObject({ phone: '+18195550222', description_fr: 'Nouveau texte.' });

      const before = await counts();
      const refused = await propose(editor, listingA, { phone: '+18195550333' }, base).catch((e: { code: string; detail: string }) => e);
      expect(refused).toMatchObject({ code: 'VT40C' });
      expect(JSON.parse((refused as { detail: string }).detail)).toEqual({ conflicts: { phone: '+18195550222' }, version: await version(listingA) });
      expect(await counts()).toEqual(before);
    });
  });

  describe('history and revert', () => {
    it('lets a member revert its own change in one step, not another member’s', async () => {
      const account = await call<{ listings: Array<{ history: Array<{ id: number; action: string; by: string; revertible: boolean; fields: string[] }> }> }>(ownerA, 'public.my_account()');
      const mine = account.listings[0]!.history.find((h) => h.action === 'publish' && h.fields?.includes('phone') && h.revertible)!;
      expect(mine.by).toBe('me');
      const theirs = account.listings[0]!.history.find((h) => h.action === 'publish' && h.fields?.includes('description_fr') && h.by === 'member')!;
      expect(await outcome(call(ownerA, 'public.revert_change($1)', [theirs.id]))).toBe('VT403');
      await call(ownerA, 'public.revert_change($1)', [mine.id]);
      expect((await published(listingA)).phone).toBe('+18195550111');
      // A moderator sees what members published, and reverts anyone's.
      expect(await outcome(call(ownerA, 'public.member_changes(10)'))).toBe('VT403');
      const lately = await call<Array<{ entryId: number; revertible: boolean; changes: Record<string, unknown> }>>(moderator, 'public.member_changes(100)');
      expect(lately.find((c) => c.entryId === theirs.id)).toMatchObject({ revertible: true, changes: { description_fr: expect.any(Array) } });
      await call(moderator, 'public.revert_change($1)', [theirs.id]);
      expect((await published(listingA)).description_fr).not.toBe('Nouveau texte.');
    });
  });

  describe('claims and transfers', () => {
    it('invites the contact address of an unclaimed listing, which then owns it', async () => {
      const bucket = `bucket-${randomUUID()}`;
      const claim = () => as(null, async (tx) => (await tx.query<{ r: unknown }>('select public.request_claim($1, $2) as r', [slugC, bucket]))[0]!.r, 'vitrine_registrar');
      // Asked twice (a double click): one invitation.
      expect(await claim()).toEqual({ sent: true });
      expect(await claim()).toEqual({ sent: true });
      const notices = await db.query<{ recipient: string }>(`select recipient from public.outbox where kind = 'invitation' and listing_id = $1`, [listingC]);
      expect(notices).toEqual([{ recipient: 'contact-c@example.ca' }]);
      expect(await outcome(as(null, (tx) => tx.query('select public.request_claim($1, $2)', [slugC, bucket])))).toBe('42501');
      const { invitations } = await call<{ invitations: Array<{ id: string }> }>(claimant, 'public.my_account()');
      await call(claimant, 'public.accept_invitation($1)', [invitations[0]!.id]);
      expect((await call<{ listings: Array<{ id: string; role: string }> }>(claimant, 'public.my_account()')).listings).toEqual([
        expect.objectContaining({ id: listingC, role: 'owner' }),
      ]);
    });

    it('invites a new listing’s contact address when a moderator approves it, and says so in the notice', async () => {
      const registered = await as(null, async (tx) => (await tx.query<{ r: { id: string } }>('select public.register_merchant($1::jsonb, $2, $3) as r', [
        JSON.stringify({ name: 'Nouvelle boutique', category: 'animaux', city: 'Laval', postalCode: 'H7A 1A1', neq: '1165555555', locale: 'fr',
          email: 'nouvelle@boutique.example.ca', phone: '+14505550100', address: '1, rue Test' }), `test:${randomUUID()}`, `bucket-${randomUUID()}`]))[0]!.r, 'vitrine_registrar');
      await call(moderator, `public.decide_proposals(array[$1::uuid], 'approve')`, [registered.id]);
      expect(await db.query(`select email, role::text, origin from public.invitations where listing_id = $1`, [registered.id]))
        .toEqual([{ email: 'nouvelle@boutique.example.ca', role: 'owner', origin: 'approval' }]);
      const [notice] = await db.query<{ params: { accountPath: string } }>(`select params from public.outbox where proposal_id = $1 and kind = 'approve'`, [registered.id]);
      expect(notice!.params.accountPath).toBe('/compte/');
    });

    it('brings a transfer request with its NEQ to the moderators, whose approval makes the requester an owner', async () => {
      expect(await outcome(call(stranger, 'public.request_transfer($1, $2, $3)', [slugB, '123', 'Courriel fermé']))).toBe('VT400');
      await call(stranger, 'public.request_transfer($1, $2, $3)', [slugB, '1162222222', 'Notre ancienne adresse est fermée.']);
      expect(await outcome(call(ownerA, 'public.transfer_queue()'))).toBe('VT403');
      const queue = await call<Array<{ id: string; neqMatches: boolean; email: string; listing: { name: string } }>>(moderator, 'public.transfer_queue()');
      expect(queue).toEqual([expect.objectContaining({ neqMatches: true, email: stranger.email, listing: expect.objectContaining({ name: 'Fromagerie B' }) })]);
      await call(moderator, `public.decide_transfer($1, 'approve')`, [queue[0]!.id]);
      expect((await call<{ listings: Array<{ id: string; role: string }> }>(stranger, 'public.my_account()')).listings.map((l) => [l.id, l.role])).toEqual([[listingB, 'owner']]);
    });
  });

  describe('the merchant’s own data', () => {
    it('exports everything about the account and its listings in one document', async () => {
      const data = await call<{ account: { email: string }; listings: Array<{ id: string; contact_email: string; proposals: unknown[]; journal: unknown[]; members: unknown[] }> }>(ownerA, 'public.export_my_data()');
      expect(data.account.email).toBe(ownerA.email);
      expect(data.listings.map((l) => l.id)).toEqual([listingA]);
      expect(data.listings[0]).toMatchObject({ contact_email: 'a@example.ca' });
      expect(data.listings[0]!.proposals.length).toBeGreaterThan(3);
      expect(data.listings[0]!.journal.length).toBeGreaterThan(3);
      expect(data.listings[0]!.members).toHaveLength(2);
    });

    it('closes a listing, then deletes the account: memberships gone, contact data erased once no owner remains, journal without e-mails', async () => {
      await call(ownerA, 'public.close_listing($1)', [listingA]);
      expect(await db.query('select 1 from public.catalogue where id = $1', [listingA])).toEqual([]);
      expect(await call(ownerA, 'public.delete_my_account()')).toEqual({ deleted: true, listingsLeft: 1 });
      expect(await db.query('select 1 from auth.users where id = $1', [ownerA.sub])).toEqual([]);
      const [row] = await db.query('select status::text, contact_email, phone, slug from public.listings where id = $1', [listingA]);
      expect(row).toMatchObject({ status: 'withdrawn', contact_email: null, phone: null });
      const personal = await db.query(`select 1 from public.proposals where listing_id = $1 and fields ? 'contact_email'`, [listingA]);
      expect(personal).toEqual([]);
      const emails = await db.query(`select actor_email from public.journal where listing_id = $1 and actor_email is not null and actor_email <> $2`, [listingA, moderator.email]);
      expect(emails).toEqual([]);
      // The page's address stays taken: a new business of the same name and town gets another.
      const [{ slug }] = await db.query<{ slug: string }>(`select private.new_listing_slug('Boulangerie A et fils', 'Lac-Mégantic') as slug`);
      expect(slug).not.toBe(row!.slug);
    });
  });
});
