import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../test/databases.ts';
import ar from './i18n/messages/ar.json' with { type: 'json' };
import { problemSchema, registerProblemHandlers } from './problem.ts';
import { CONTROL_CHARACTER_MESSAGE } from './text-input.ts';

/**
 * The last line of defence: a value an input schema let through and the database refuses is still
 * the caller's bad input (400), never an internal error. The routes here have no schema on purpose,
 * so each value reaches the real database (PGlite or PostgreSQL) exactly as sent.
 */
describe.each(engines)('a value the database refuses, on %s', (engine) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const { db } = await testDatabase(engine);
    app = Fastify({ logger: false });
    registerProblemHandlers(app);
    app.post('/notes', async (request) => {
      const { note } = request.body as { note: string };
      await db.execute(sql`SELECT ${note}::text AS note`);
      return { ok: true };
    });
    app.post('/details', async (request) => {
      await db.execute(sql`SELECT ${JSON.stringify(request.body)}::jsonb AS details`);
      return { ok: true };
    });
    app.get('/things/:id', async (request) => {
      const { id } = request.params as { id: string };
      await db.execute(sql`SELECT ${id}::uuid AS id`);
      return { ok: true };
    });
    app.get('/days/:day', async (request) => {
      const { day } = request.params as { day: string };
      await db.execute(sql`SELECT ${day}::date AS day`);
      return { ok: true };
    });
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    app.post('/bytes', async (request) => {
      await db.execute(sql`SELECT ${String(request.body)}::text AS bytes`);
      return { ok: true };
    });
    app.get('/broken', async () => {
      await db.execute(sql`SELECT * FROM no_such_table`);
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const problemOf = (response: Awaited<ReturnType<FastifyInstance['inject']>>) => {
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    return problemSchema.parse(response.json());
  };

  it('answers NUL in a text column (22021) with 400 VALIDATION_FAILED naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/notes', payload: { note: 'left\u0000right' } });
    expect(response.statusCode, response.body).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.fields).toEqual([{ path: 'body.note', message: CONTROL_CHARACTER_MESSAGE }]);
    // The working value goes through: the refusal is about the character, not the route.
    expect((await app.inject({ method: 'POST', url: '/notes', payload: { note: 'left right' } })).statusCode).toBe(200);
  });

  it('answers NUL in a jsonb value (22P05) the same way, finding it however deep', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/details',
      headers: { 'accept-language': 'ar' },
      payload: { evidence: { lines: ['fine', 'bad\u0000'] } },
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = problemOf(response);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.title).toBe(ar['error.VALIDATION_FAILED']);
    expect(problem.fields).toEqual([{ path: 'body.evidence.lines.1', message: CONTROL_CHARACTER_MESSAGE }]);
  });

  it('names no field when the text came as raw bytes, which it does not read one by one', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/bytes',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('raw\u0000bytes'),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(problemOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [] });
  });

  it('answers text the database cannot read as a uuid (22P02) or a date (22008) with 400', async () => {
    for (const url of ['/things/not-a-uuid', '/days/2026-02-30']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(problemOf(response)).toMatchObject({ code: 'VALIDATION_FAILED', fields: [] });
    }
  });

  it('still hides any other database failure behind 500 INTERNAL_ERROR', async () => {
    const response = await app.inject({ method: 'GET', url: '/broken' });
    expect(response.statusCode).toBe(500);
    const problem = problemOf(response);
    expect(problem.code).toBe('INTERNAL_ERROR');
    expect(response.body).not.toContain('no_such_table');
  });
});
