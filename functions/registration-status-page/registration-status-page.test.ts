// GET /statut/ over real HTTP, on each database: an applicant's status page works without
// JavaScript, rendered on the server into the site's template, and says at once when a registration
// will most likely be refused.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { escapeHtml } from '../_shared/respond.ts';
import { SHELL_PATHS, SHELL_TITLE } from '../_shared/site-shell.ts';
import { getAs, platformFetch, registerDirectly, startApi, type Api } from '../../tests/support/api.ts';
import { databaseKinds } from '../../tests/support/test-database.ts';

describe.each(databaseKinds())('the status page on %s', (kind) => {
  let api: Api;
  let quebec: { id: string; statusToken: string };
  let ottawa: { id: string; statusToken: string };
  const open = (path: string, query: Record<string, string>) => getAs(`${api.url}${path}?${new URLSearchParams(query)}`);

  beforeAll(async () => {
    api = await startApi(kind);
    quebec = await registerDirectly(api.db, { name: 'Café du <b>Rocher</b>', city: 'Percé', postalCode: 'G0C 2L0' });
    ottawa = await registerDirectly(api.db, { city: 'Ottawa', postalCode: 'K1A 0B1' });
  });
  afterAll(() => api?.stop());

  it('shows the status, each check in words and the place in the queue without any script, escaped', async () => {
    const response = await open('/statut/', { id: quebec.id, token: quebec.statusToken });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(escapeHtml('Café du <b>Rocher</b>'));
    expect(html).not.toContain('<b>');
    expect(html).toContain(t('fr', 'state.pending'));
    expect(html).toContain(`<div data-row="queue"><dt>${t('fr', 'status.queue')}</dt><dd>1</dd></div>`);
    expect(html).toContain('Percé est une municipalité du Québec (Gaspésie–Îles-de-la-Madeleine).');
    expect(html).not.toContain(t('fr', 'status.likelyRefused'));
  });

  it('tells an applicant outside Quebec at once that it will likely be refused and why, instead of a wait', async () => {
    const html = await (await open('/en/status/', { id: ottawa.id, token: ottawa.statusToken })).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(t('en', 'status.likelyRefused'));
    expect(html).toContain('Postal code K1A 0B1 is not in Quebec');
    expect(html).not.toContain('data-row="wait"');
    expect(html).toContain('data-row="queue"');
  });

  it('answers a wrong, another’s or an incomplete link with the same 404 page', async () => {
    const pages = await Promise.all([
      open('/statut/', { id: quebec.id, token: ottawa.statusToken }),
      open('/statut/', { id: quebec.id }),
      open('/statut/', {}),
      open('/statut/', { id: 'pas-un-id', token: 'x' }),
    ]);
    for (const page of pages) {
      expect(page.status).toBe(404);
      expect(await page.text()).toContain(t('fr', 'status.invalidLink'));
    }
  });

  it('resolves a duplicate consistently: once one registration of a business is live, the other’s checks say so and its page leads its applicant to the live listing, even refused', async () => {
    const first = await registerDirectly(api.db, { name: 'Fromagerie des Îles', email: 'fromagerie@example.ca' });
    const [{ neq }] = await api.db.query<{ neq: string }>(`select fields ->> 'neq' as neq from public.proposals where id = $1`, [first.id]);
    const second = await registerDirectly(api.db, { name: 'Fromagerie des Iles', neq, email: 'Fromagerie@example.ca' });
    // Someone else registering with that NEQ learns nothing about the listing from its page.
    const stranger = await registerDirectly(api.db, { name: 'Autre chose', neq, email: 'autre@example.ca' });
    const decide = async (ids: string[], decision: string, reason?: string) => {
      const response = await platformFetch(`${api.url}/api/moderation/decide`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await api.token()}` },
        body: JSON.stringify({ ids, decision, ...(reason ? { reason } : {}) }),
      });
      expect(response.status).toBe(200);
    };
    await decide([first.id], 'approve');
    // The waiting one's duplicate check was computed again: the same NEQ is now published.
    const [after] = await api.db.query<{ checks: Array<{ check: string; outcome: string; code: string }> }>('select checks from public.proposals where id = $1', [second.id]);
    expect(after!.checks.find((c) => c.check === 'duplicate')).toMatchObject({ outcome: 'fail', code: 'duplicate.neq_published' });
    const [{ slug }] = await api.db.query<{ slug: string }>('select slug from public.listings where id = $1', [first.id]);
    for (const step of ['pending', 'rejected']) {
      if (step === 'rejected') await decide([second.id], 'reject', 'Doublon de la fiche publiée.');
      const html = await (await open('/statut/', { id: second.id, token: second.statusToken })).text();
      expect(html, step).toContain(t('fr', 'state.live'));
      expect(html, step).toContain(`/commerces/${slug}/`);
      expect(html, step).not.toContain(t('fr', 'state.rejected'));
      expect(html, step).not.toContain(t('fr', 'status.likelyRefused'));
    }
    const strangers = await (await open('/statut/', { id: stranger.id, token: stranger.statusToken })).text();
    expect(strangers).not.toContain(`/commerces/${slug}/`);
    expect(strangers).not.toContain(t('fr', 'state.live'));
  });

  it('is rendered in the site’s template when the site has one, keeping the private link in the language switch', async () => {
    const template = (locale: 'fr' | 'en') =>
      `<!doctype html><html lang="${locale}"><head><title>${SHELL_TITLE}</title><link rel="stylesheet" href="/_astro/site.css"></head>`
      + `<body><a href="/en/status/" data-language-switch>English</a><main><vitrine-status><div data-shell-main data-astro-cid-x></div></vitrine-status></main></body></html>`;
    mkdirSync(join(api.outDir, SHELL_PATHS.status.fr), { recursive: true });
    writeFileSync(join(api.outDir, SHELL_PATHS.status.fr, 'index.html'), template('fr'));
    // The template comes from the configured site, never from the Host a request names.
    const saved = process.env.SITE_URL;
    process.env.SITE_URL = api.url;
    let html: string;
    try {
      const spoofed = await platformFetch(`${api.url}/statut/?${new URLSearchParams({ id: quebec.id, token: quebec.statusToken })}`, { headers: { host: 'evil.example' } });
      expect(await spoofed.text()).not.toContain('evil.example');
      html = await (await open('/statut/', { id: quebec.id, token: quebec.statusToken })).text();
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
    }
    expect(html).toContain(`<title>${t('fr', 'status.title')} | Vitrine</title>`);
    expect(html).toContain('<link rel="stylesheet" href="/_astro/site.css">');
    expect(html).toContain(`<vitrine-status><div class="status-result" data-result data-status="pending">`);
    expect(html).toContain(`href="${escapeHtml(`/en/status/?id=${quebec.id}&token=${quebec.statusToken}`)}"`);
  });
});
