import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerProblemHandlers } from './problem.ts';
import { registerWeb } from './web.ts';

const script = 'console.info("portal");'.repeat(50);
let dist: string;
let app: FastifyInstance;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mawid-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mawid</title>');
  writeFileSync(join(dist, 'staff.html'), '<!doctype html><title>Mawid staff</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  app = Fastify({ logger: false });
  registerProblemHandlers(app);
  app.get('/api/v1/ping', async () => ({ pong: true }));
  await registerWeb(app, dist);
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const page = (url: string) =>
  app.inject({ method: 'GET', url, headers: { accept: 'text/html,application/xhtml+xml' } });

describe('serving the web portal', () => {
  it('answers every page address of the portal with index.html, never cached', async () => {
    for (const url of ['/', '/requests/0b7f3c1e/appointment?x=1', '/consulates/abc']) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>Mawid</title>');
    }
  });

  it('answers every address under /staff with the staff app, and nothing else with it', async () => {
    for (const url of [
      '/staff',
      '/staff/',
      '/staff/verification/0b7f3c1e',
      '/staff/sign-in?next=%2F',
      '/staff/invitation/t0k3n',
    ]) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body, url).toContain('<title>Mawid staff</title>');
    }
    expect((await page('/staffing')).body).toContain('<title>Mawid</title>');
  });

  it('keeps the API’s problem details for unknown API and server paths, even for a browser', async () => {
    for (const url of ['/api/v1/nope', '/api/docs/nope', '/sandbox/nope', '/dev/nope']) {
      const response = await page(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    }
    expect((await page('/api/v1/ping')).json()).toEqual({ pong: true });
  });

  it('does not answer HTML to a caller that does not ask for it', async () => {
    const response = await app.inject({ method: 'GET', url: '/requests', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('answers the site’s address with the portal to monitoring and curl, which do not ask for HTML', async () => {
    for (const headers of [{}, { accept: '*/*' }, { accept: 'application/json' }]) {
      for (const url of ['/', '/?utm_source=probe']) {
        const get = await app.inject({ method: 'GET', url, headers });
        expect(get.statusCode, `GET ${url} ${JSON.stringify(headers)}`).toBe(200);
        expect(get.headers['content-type']).toContain('text/html');
        expect(get.headers['cache-control']).toBe('no-cache');
        expect(get.body).toContain('<title>Mawid</title>');
        const head = await app.inject({ method: 'HEAD', url, headers });
        expect(head.statusCode, `HEAD ${url} ${JSON.stringify(headers)}`).toBe(200);
        expect(head.headers['content-type']).toContain('text/html');
        expect(head.body).toBe('');
      }
    }
  });

  it('sends hashed assets for a year, compressed when the browser accepts it', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(script);
    const compressed = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(compressed.rawPayload.length).toBeLessThan(script.length);
  });

  it('answers a missing asset with a 404 problem, not the page', async () => {
    const response = await page('/assets/index-gone.js');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('registers nothing when the portal is not built', async () => {
    const bare = Fastify({ logger: false });
    registerProblemHandlers(bare);
    await registerWeb(bare, join(dist, 'not-built'));
    expect((await bare.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    await bare.close();
  });
});
