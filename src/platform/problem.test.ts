import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import ar from './i18n/messages/ar.json' with { type: 'json' };
import en from './i18n/messages/en.json' with { type: 'json' };
import es from './i18n/messages/es.json' with { type: 'json' };
import fr from './i18n/messages/fr.json' with { type: 'json' };
import { problemSchema, registerProblemHandlers } from './problem.ts';

/**
 * The problem handlers on a small app of their own: every way a request can fail, as the API's
 * clients see it.
 */
describe('problem details', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const instance = Fastify({ logger: false, bodyLimit: 1024 }).withTypeProvider<ZodTypeProvider>();
    instance.setValidatorCompiler(validatorCompiler);
    instance.setSerializerCompiler(serializerCompiler);
    registerProblemHandlers(instance);
    await instance.register(rateLimit, { global: false });

    instance.get('/full', async () => {
      throw new AppError('SLOT_FULL', 409, 'Slot 42 has no seat left.', { slotId: 42 });
    });
    instance.get('/range', async () => {
      throw new AppError('DATE_RANGE_TOO_LONG', 400, 'Ask for at most 92 days at once.', { max: 92 });
    });
    instance.get('/boom', async () => {
      throw new Error('connection to postgres://admin:s3cret@db failed');
    });
    instance.get(
      '/wrong-shape',
      { schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
      async () => ({ ok: 'yes' }) as unknown as { ok: boolean },
    );
    instance.post(
      '/people',
      { schema: { body: z.object({ name: z.string().min(2, 'is too short'), age: z.number().int().min(0) }) } },
      async (request) => request.body,
    );
    instance.get(
      '/search',
      { schema: { querystring: z.object({ page: z.coerce.number().int().positive('must be positive') }) } },
      async (request) => request.query,
    );
    instance.get('/throttled', { config: { rateLimit: { max: 1, timeWindow: '1 minute' } } }, async () => ({
      ok: true,
    }));
    await instance.ready();
    app = instance as unknown as FastifyInstance;
  });
  afterAll(async () => {
    await app.close();
  });

  const expectProblem = (response: Awaited<ReturnType<FastifyInstance['inject']>>, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const problem = problemSchema.parse(response.json());
    expect(problem.code).toBe(code);
    expect(problem.status).toBe(status);
    expect(problem.type).toBe(`urn:mawid:problem:${code.toLowerCase().replaceAll('_', '-')}`);
    return response.json() as Record<string, unknown> & { fields?: { path: string; message: string }[] };
  };

  it('turns an AppError into RFC 9457 problem details with its code, detail, instance and extra members', async () => {
    const response = await app.inject({ method: 'GET', url: '/full?x=1' });
    const problem = expectProblem(response, 409, 'SLOT_FULL');
    expect(problem).toEqual({
      type: 'urn:mawid:problem:slot-full',
      title: fr['error.SLOT_FULL'],
      status: 409,
      code: 'SLOT_FULL',
      detail: 'Slot 42 has no seat left.',
      instance: '/full?x=1',
      slotId: 42,
    });
  });

  it('translates the title for the best language of Accept-Language, French when none fits', async () => {
    const cases: [string | undefined, string][] = [
      [undefined, fr['error.SLOT_FULL']],
      ['ar', ar['error.SLOT_FULL']],
      ['ar-MA,ar;q=0.9', ar['error.SLOT_FULL']],
      ['en-GB,en;q=0.8', en['error.SLOT_FULL']],
      ['de-DE, es;q=0.7, en;q=0.5', es['error.SLOT_FULL']],
      ['en;q=0.2, ar;q=0.9', ar['error.SLOT_FULL']],
      ['en;q=0', fr['error.SLOT_FULL']],
      ['de-CH', fr['error.SLOT_FULL']],
    ];
    for (const [header, title] of cases) {
      const response = await app.inject({
        method: 'GET',
        url: '/full',
        headers: header === undefined ? {} : { 'accept-language': header },
      });
      expect(response.json().title, header).toBe(title);
      // The code stays the same in every language: clients key on it.
      expect(response.json().code).toBe('SLOT_FULL');
    }
    expect(
      new Set([fr['error.SLOT_FULL'], ar['error.SLOT_FULL'], en['error.SLOT_FULL'], es['error.SLOT_FULL']]).size,
    ).toBe(4);
  });

  it('fills the placeholders of a title from the error’s extra members', async () => {
    const response = await app.inject({ method: 'GET', url: '/range', headers: { 'accept-language': 'en' } });
    const problem = expectProblem(response, 400, 'DATE_RANGE_TOO_LONG');
    expect(problem.title).toBe('Ask for at most 92 days at once.');
    expect(problem.max).toBe(92);
  });

  it('answers a body that fails its schema with 400 VALIDATION_FAILED listing every field at fault', async () => {
    const response = await app.inject({ method: 'POST', url: '/people', payload: { name: 'A', age: 1.5 } });
    const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(problem.fields!.map((f) => f.path).sort()).toEqual(['body.age', 'body.name']);
    expect(problem.fields!.find((f) => f.path === 'body.name')!.message).toBe('is too short');
    expect(problem.detail).toContain('body.name: is too short');
    const missing = expectProblem(
      await app.inject({ method: 'POST', url: '/people', payload: {} }),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.fields!.map((f) => f.path).sort()).toEqual(['body.age', 'body.name']);
  });

  it('names the query string when a query parameter is at fault', async () => {
    const problem = expectProblem(await app.inject({ method: 'GET', url: '/search?page=0' }), 400, 'VALIDATION_FAILED');
    expect(problem.fields).toEqual([{ path: 'querystring.page', message: 'must be positive' }]);
    const ok = await app.inject({ method: 'GET', url: '/search?page=3' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ page: 3 });
  });

  it('answers unreadable JSON with 400 BAD_REQUEST, an empty JSON body with VALIDATION_FAILED', async () => {
    const broken = await app.inject({
      method: 'POST',
      url: '/people',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(broken, 400, 'BAD_REQUEST');
    const empty = await app.inject({
      method: 'POST',
      url: '/people',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectProblem(empty, 400, 'VALIDATION_FAILED');
  });

  it('answers a body over the size limit with 413 PAYLOAD_TOO_LARGE and an unknown media type with 415', async () => {
    const large = await app.inject({ method: 'POST', url: '/people', payload: { name: 'x'.repeat(5000), age: 1 } });
    expectProblem(large, 413, 'PAYLOAD_TOO_LARGE');
    const xml = await app.inject({
      method: 'POST',
      url: '/people',
      headers: { 'content-type': 'application/xml' },
      payload: '<person/>',
    });
    expectProblem(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('hides an unexpected error behind 500 INTERNAL_ERROR without leaking its message', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom' });
    const problem = expectProblem(response, 500, 'INTERNAL_ERROR');
    expect(problem.detail).toBe('An internal error occurred. Nothing was changed.');
    expect(response.body).not.toContain('s3cret');
    expect(response.body).not.toContain('postgres://');
  });

  it('answers 500 INTERNAL_ERROR when a response does not match its own schema', async () => {
    const response = await app.inject({ method: 'GET', url: '/wrong-shape' });
    expectProblem(response, 500, 'INTERNAL_ERROR');
    expect(response.body).not.toContain('yes');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND naming the method and path', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/nowhere', headers: { 'accept-language': 'ar' } });
    const problem = expectProblem(response, 404, 'ROUTE_NOT_FOUND');
    expect(problem.detail).toBe('No route DELETE /nowhere.');
    expect(problem.title).toBe(ar['error.ROUTE_NOT_FOUND']);
  });

  it('answers a throttled request with 429 RATE_LIMITED', async () => {
    expect((await app.inject({ method: 'GET', url: '/throttled', remoteAddress: '203.0.113.1' })).statusCode).toBe(200);
    const second = await app.inject({ method: 'GET', url: '/throttled', remoteAddress: '203.0.113.1' });
    expectProblem(second, 429, 'RATE_LIMITED');
    expect((await app.inject({ method: 'GET', url: '/throttled', remoteAddress: '203.0.113.2' })).statusCode).toBe(200);
  });

  it('has a title in every language for every code the source can answer', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
          sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(root);
    const codes = new Set<string>();
    for (const source of sources) {
      for (const match of source.matchAll(/new AppError\(\s*'([A-Z_]+)'/g)) codes.add(match[1]!);
      for (const match of source.matchAll(/notFound\([^)]*?'([A-Z_]+)'\)/g)) codes.add(match[1]!);
    }
    for (const code of ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST', 'NOT_FOUND']) codes.add(code);
    expect(codes.size).toBeGreaterThan(20);
    const catalogues: Record<string, Record<string, string>> = { ar, fr, en, es };
    const missing: string[] = [];
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const code of codes) if (!catalogue[`error.${code}`]) missing.push(`${locale}: error.${code}`);
    }
    expect(missing).toEqual([]);
  });
});
