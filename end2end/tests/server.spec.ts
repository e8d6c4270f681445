import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';

test.describe('server', () => {
  test('/healthz answers from the database', async ({ request }) => {
    const response = await request.get('/healthz');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    const body = await response.json();
    expect(body.status).toBe('ok');
    expect(body.database.status).toBe('ok');
    expect(body.database.backend).toBe('sqlite');
    expect(body.database.schema_version).toBeGreaterThan(0);
  });

  test('pages carry the security headers, and the CSP admits only their own inline script', async ({ request }) => {
    // A page rendered for each request (a resident's dossiers): a fresh nonce every time.
    const response = await request.get('/dossiers');
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['cache-control']).toBe('private, no-cache');
    expect(headers['etag']).toBeUndefined();
    const csp = headers['content-security-policy'];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    expect(html).toContain(`nonce="${nonce}"`);
    const again = (await request.get('/dossiers')).headers()['content-security-policy'];
    expect(again).not.toBe(csp);
  });

  test('a public page comes from the cache: its inline scripts allowed by hash, revalidated by its ETag', async ({ request }) => {
    const response = await request.get('/procedures/1.001193', { headers: { 'Accept-Encoding': 'br' } });
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['cache-control']).toBe('private, no-cache');
    const csp = headers['content-security-policy'];
    expect(csp).not.toContain('nonce');
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).not.toContain('nonce=');
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const text of inline) {
      const hash = createHash('sha256').update(text, 'utf8').digest('base64');
      expect(csp).toContain(`'sha256-${hash}'`);
    }
    const etag = headers['etag'];
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{22}-br"$/);
    const revalidated = await request.get('/procedures/1.001193', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
    expect(revalidated.status()).toBe(304);
    expect(revalidated.headers()['etag']).toBe(etag);
    // Another language is another page.
    const english = await request.get('/procedures/1.001193', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag, Cookie: 'i18n_pref_locale=en' } });
    expect(english.status()).toBe(200);
    expect(english.headers()['etag']).not.toBe(etag);
    const health = await (await request.get('/healthz')).json();
    expect(health.page_cache.hits).toBeGreaterThan(0);
    expect(health.page_cache.entries).toBeGreaterThan(0);
  });

  test('the wasm, JS and CSS are compressed and cached for a year under hashed names', async ({ request }) => {
    // The catalogue's search is an island: its page names its bundle.
    const html = await (await request.get('/procedures')).text();
    const assets = [...html.matchAll(/(?:href|src)="(\/pkg\/[^"]+)"/g)].map((m) => m[1]);
    const wasm = assets.find((a) => a.endsWith('.wasm'));
    const js = assets.find((a) => a.endsWith('.js'));
    const css = assets.find((a) => a.endsWith('.css'));
    expect(wasm && js && css, `assets found: ${assets.join(', ')}`).toBeTruthy();
    for (const asset of [wasm!, js!, css!]) {
      expect(asset).toMatch(/\/pkg\/[a-z]+\.[A-Za-z0-9_-]{8,}\.(wasm|js|css)$/);
      for (const encoding of ['br', 'gzip']) {
        const response = await request.get(asset, { headers: { 'Accept-Encoding': encoding } });
        expect(response.status()).toBe(200);
        expect(response.headers()['content-encoding'], `${asset} with ${encoding}`).toBe(encoding);
        expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      }
    }
    const page = await request.get('/', { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers()['content-encoding']).toBe('br');
  });

  test('pages that need no script to work load no wasm, and no page loads the help desk', async ({ browser }) => {
    // A first visit, without the service worker (which keeps the offline kit at idle, apart from
    // the page): the wasm each page itself fetches before it is interactive.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const wasm: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.wasm')) wasm.push(path);
    });
    const visit = async (path: string) => {
      wasm.length = 0;
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-ready', '');
      return [...new Set(wasm)];
    };
    for (const path of ['/', '/procedures/1.001193', '/procedures/1.001193/check', '/help', '/settings']) {
      expect(await visit(path), path).toEqual([]);
      expect(await page.locator('[data-island]').count(), path).toBe(0);
    }
    for (const [path, bundle] of [['/procedures', 'search'], ['/dossiers', 'dossiers'], ['/track', 'track'], ['/people', 'people']]) {
      // Only the page's own bundle: never the help desk's, never the offline kit.
      expect(await visit(path), path).toEqual([expect.stringMatching(new RegExp(`^/pkg/${bundle}\\.[A-Za-z0-9_-]+\\.wasm$`))]);
    }
    await context.close();
  });

  test('the language link refuses to send anyone to another site', async ({ request }) => {
    const response = await request.get('/language/en?next=//evil.example/', { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toBe('/');
    expect(response.headers()['set-cookie']).toContain('i18n_pref_locale=en');
    const unknown = await request.get('/language/xx?next=/help', { maxRedirects: 0 });
    expect(unknown.status()).toBe(303);
    expect(unknown.headers()['location']).toBe('/help');
    expect(unknown.headers()['set-cookie']).toBeUndefined();
  });
});
