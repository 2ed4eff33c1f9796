import { describe, expect, it } from 'vitest';
import { renderNotice } from './notices.ts';

const SITE = 'https://vitrine.example';

describe('renderNotice for merchant accounts', () => {
  it('invites to manage a listing, saying why and where to sign in, in the listing’s language', () => {
    const fr = renderNotice({ kind: 'invitation', locale: 'fr', subject: null, body: null,
      params: { name: 'Épicerie C', role: 'owner', origin: 'claim', statusPath: '/compte/', listingPath: '/commerces/epicerie-c/' } }, SITE);
    expect(fr.subject).toBe('Invitation à gérer « Épicerie C » sur Vitrine');
    expect(fr.body).toContain('Vous êtes invité à gérer la fiche « Épicerie C » sur Vitrine (propriétaire).');
    expect(fr.body).toContain('Si ce n’est pas vous, ignorez ce courriel');
    expect(fr.body).toContain(`${SITE}/compte/`);
    const en = renderNotice({ kind: 'invitation', locale: 'en', subject: null, body: null,
      params: { name: 'Shop', role: 'editor', origin: 'member', statusPath: '/en/account/' } }, SITE);
    expect(en.body).toContain('You are invited to manage the listing "Shop" on Vitrine (editor).');
    expect(en.body).not.toContain('ignore this e-mail: nothing changes');
  });

  it('tells a member the decision on its change, and an applicant for a new listing that it can manage it', () => {
    const change = renderNotice({ kind: 'reject', locale: 'fr', subject: null, body: null,
      params: { name: 'Boulangerie A', change: true, reason: 'Nom trompeur.', statusPath: '/compte/' } }, SITE);
    expect(change.subject).toBe('Votre changement à « Boulangerie A » n’a pas été accepté');
    expect(change.body).toContain('Raison : Nom trompeur.');
    expect(change.body).toContain('Votre espace marchand : https://vitrine.example/compte/');
    const created = renderNotice({ kind: 'approve', locale: 'en', subject: null, body: null,
      params: { name: 'New shop', listingPath: '/commerces/new-shop/', accountPath: '/en/account/', statusPath: '/en/status/?id=x&token=y' } }, SITE);
    expect(created.body).toContain('sign in to the merchant space with this e-mail address: https://vitrine.example/en/account/');
  });

  it('tells a requester the transfer decision', () => {
    const refused = renderNotice({ kind: 'transfer', locale: 'fr', subject: null, body: null,
      params: { name: 'Fromagerie B', decision: 'reject', reason: 'Le NEQ ne correspond pas.', statusPath: '/compte/' } }, SITE);
    expect(refused.subject).toBe('Transfert refusé : « Fromagerie B »');
    expect(refused.body).toContain('Raison : Le NEQ ne correspond pas.');
  });
});
