import { type ClientRequest, request as httpRequest, type IncomingMessage } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, signIn, type TestContext } from '../../test/harness.ts';
import { bookDay, counterId, post, staffUrl } from './floor.test-support.ts';

const ON_THE_DAY = '2026-12-02T07:15:00Z';

interface ServerEvent {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** A waiting-room screen's browser: reads the stream and hands its events over one by one. */
class ScreenClient {
  readonly events: ServerEvent[] = [];
  request!: ClientRequest;
  response!: IncomingMessage;
  private buffer = '';
  private waiting: ((event: ServerEvent | null) => void)[] = [];
  private isEnded = false;
  readonly opened: Promise<IncomingMessage>;
  private readonly connected: Promise<void>;

  constructor(url: string) {
    let markConnected: () => void = () => undefined;
    this.connected = new Promise((resolve) => {
      markConnected = resolve;
    });
    this.opened = new Promise((resolve, reject) => {
      this.request = httpRequest(url, { agent: false, headers: { accept: 'text/event-stream' } }, (response) => {
        this.response = response;
        resolve(response);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          this.buffer += chunk;
          // The first bytes (the retry hint) say the server has subscribed.
          if (this.buffer.includes('retry:')) markConnected();
          this.parse();
        });
        response.on('end', () => {
          this.isEnded = true;
          for (const waiter of this.waiting.splice(0)) waiter(null);
        });
      });
      this.request.on('error', reject);
      this.request.end();
    });
  }

  async ready(): Promise<void> {
    await this.opened;
    await this.connected;
  }

  private parse() {
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
      }
      if (fields.has('event')) {
        const event = {
          event: fields.get('event')!,
          id: fields.get('id'),
          data: JSON.parse(fields.get('data') ?? '{}'),
        };
        const waiter = this.waiting.shift();
        if (waiter) waiter(event);
        else this.events.push(event);
      }
      end = this.buffer.indexOf('\n\n');
    }
  }

  /** The next event, or null once the server ended the stream. */
  next(): Promise<ServerEvent | null> {
    const queued = this.events.shift();
    if (queued) return Promise.resolve(queued);
    if (this.isEnded) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

describe.each(engines)('waiting-room screens on %s', (engine) => {
  let ctx: TestContext;
  let origin: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const tokens = () => `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/screen-tokens`;

  it('gives the admin a token shown once, kept as a hash, limited to the consulate’s departments', async () => {
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const created = await post(ctx, tokens(), admin, {
      label: 'Hall A',
      departmentIds: [ctx.ids.departments['PAR:passport']],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await queryRows<{ token_hash: string }>(
      ctx.db,
      sql`SELECT token_hash FROM screen_tokens WHERE id = ${id}`,
    );
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.token_hash).not.toContain(token);
    const list = await ctx.app.inject({ method: 'GET', url: tokens(), headers: { cookie: admin } });
    expect(list.json().screenTokens).toEqual([
      expect.objectContaining({
        id,
        label: 'Hall A',
        departmentIds: [ctx.ids.departments['PAR:passport']],
        revokedAt: null,
      }),
    ]);
    expect(list.body).not.toContain(token);
    const foreign = await post(ctx, tokens(), admin, {
      label: 'Hall B',
      departmentIds: [ctx.ids.departments['DXB:passport']],
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('DEPARTMENT_NOT_FOUND');
  });

  it('shows the calls of its departments as they happen, over server-sent events, until it is revoked', async () => {
    const [passportArrival] = await bookDay(ctx, { service: 'passport', day: '2026-12-02', count: 1 });
    ctx.clock.set(ON_THE_DAY);
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const { token, id } = (
      await post(ctx, tokens(), admin, { label: 'Passports', departmentIds: [ctx.ids.departments['PAR:passport']] })
    ).json();
    const checkIn = await post(ctx, staffUrl(ctx, '/check-ins'), admin, { reference: passportArrival!.reference });
    const walkIn = await post(ctx, staffUrl(ctx, '/walk-ins'), admin, { serviceId: ctx.ids.services.copy });
    expect([checkIn.statusCode, walkIn.statusCode]).toEqual([200, 201]);

    const before = ctx.deps.events.size;
    const screen = new ScreenClient(`${origin}/api/v1/screens/${token}/events`);
    const response = await screen.opened;
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['cache-control']).toContain('no-transform');
    expect(response.headers['x-accel-buffering']).toBe('no');
    await screen.ready();
    expect(ctx.deps.events.size).toBe(before + 1);

    // A legalization call first (not on this screen), then the passport one: the first event is the passport call.
    const legal = await counterId(ctx, ctx.ids.departments['PAR:legalization']!, '1');
    const passport = await counterId(ctx, ctx.ids.departments['PAR:passport']!, '4');
    await post(ctx, staffUrl(ctx, `/counters/${legal}/open`), admin);
    const legalCall = await post(ctx, staffUrl(ctx, `/counters/${legal}/call-next`), admin);
    expect(legalCall.statusCode).toBe(200);
    // The admin finishes there before moving to a passport counter.
    await post(ctx, staffUrl(ctx, `/tickets/${legalCall.json().id}/serve`), admin);
    expect((await post(ctx, staffUrl(ctx, `/counters/${passport}/open`), admin)).statusCode).toBe(200);
    const called = await post(ctx, staffUrl(ctx, `/counters/${passport}/call-next`), admin);
    expect(called.statusCode, called.body).toBe(200);
    const ticket = called.json();
    expect(await screen.next()).toEqual({
      event: 'call',
      id: `${ticket.id}:1`,
      data: {
        ticketId: ticket.id,
        code: 'P-001',
        departmentId: ctx.ids.departments['PAR:passport'],
        counterId: passport,
        counterLabel: '4',
        callCount: 1,
        calledAt: new Date(ON_THE_DAY).toISOString(),
      },
    });
    await post(ctx, staffUrl(ctx, `/tickets/${ticket.id}/recall`), admin);
    expect(await screen.next()).toMatchObject({
      event: 'recall',
      id: `${ticket.id}:2`,
      data: { code: 'P-001', callCount: 2 },
    });

    // The state a screen loads when it opens: its departments only, the last calls first.
    const state = await ctx.app.inject({ method: 'GET', url: `/api/v1/screens/${token}` });
    expect(state.statusCode, state.body).toBe(200);
    expect(state.json()).toMatchObject({
      screen: { id, label: 'Passports' },
      consulate: { code: 'PAR', timeZone: 'Europe/Paris' },
      localDate: '2026-12-02',
      departments: [
        {
          id: ctx.ids.departments['PAR:passport'],
          calls: [{ ticketId: ticket.id, code: 'P-001', counterLabel: '4', callCount: 2 }],
        },
      ],
    });

    const revoked = await ctx.app.inject({ method: 'DELETE', url: `${tokens()}/${id}`, headers: { cookie: admin } });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(await screen.next()).toMatchObject({ event: 'revoked' });
    expect(await screen.next()).toBeNull();
    await vi.waitFor(() => expect(ctx.deps.events.size).toBe(before));
    for (const url of [`/api/v1/screens/${token}`, `/api/v1/screens/${token}/events`]) {
      const refused = await ctx.app.inject({ method: 'GET', url });
      expect(refused.statusCode).toBe(410);
      expect(refused.json().code).toBe('SCREEN_REVOKED');
    }
    const unknown = await ctx.app.inject({ method: 'GET', url: `/api/v1/screens/${'x'.repeat(43)}` });
    expect(unknown.json().code).toBe('SCREEN_NOT_FOUND');
  });

  it('stops sending to a screen whose browser went away', async () => {
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const { token } = (await post(ctx, tokens(), admin, { label: 'Hall C' })).json();
    const before = ctx.deps.events.size;
    const screen = new ScreenClient(`${origin}/api/v1/screens/${token}/events`);
    await screen.ready();
    expect(ctx.deps.events.size).toBe(before + 1);
    screen.request.destroy();
    await vi.waitFor(() => expect(ctx.deps.events.size).toBe(before));
  });
});
