import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows } from '../../platform/db.ts';
import type { App, AppDeps } from '../../platform/http.ts';
import { ephemeralKeys } from '../../platform/keys.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import type { CreatedPayment } from './create-payment.ts';
import { createCmiGateway } from './gateways/cmi-gateway.ts';
import { acceptedRequest, moneyTrail, paymentRow, readReturnForm } from './payments.testkit.ts';
import { paymentsRuntimeOf } from './payments-runtime.ts';
import { type CallbackMode, SANDBOX_API_USER, SANDBOX_CLIENT_ID } from './sandbox/sandbox-bank.ts';

const CARD = '4000 0000 0000 0002';
const CVV = '987';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The whole sandbox flow over real HTTP, as a browser and the gateway would drive it: an app of its
 * own listening on a port (the sandbox calls back to PUBLIC_URL), logging at trace level into
 * memory, on the test database.
 */
describe.each(engines)('the sandbox gateway end to end over HTTP on %s', (engine) => {
  let ctx: TestContext;
  let app: App;
  let deps: AppDeps;
  let base: string;
  let dataDir: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(join(tmpdir(), 'mawid-sandbox-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'trace',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: base,
    });
    ({ app, deps } = await buildApp({
      config,
      database: ctx.database,
      clock: ctx.clock,
      logger: true,
      keys: ephemeralKeys(),
    }));
    // buildApp offers no log destination: the logger's stream is swapped for memory (pino's public
    // symbol), before the first request. Request loggers are children and write through it.
    const memory = { write: (line: string) => logLines.push(line) };
    (app.log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = memory;
    await app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await ctx.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const postForm = (url: string, fields: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  async function startPayment(): Promise<{ created: CreatedPayment; requestId: string; cookie: string }> {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!);
    const response = await fetch(`${base}/api/v1/requests/${requestId}/payments`, {
      method: 'POST',
      headers: { cookie: citizen!.cookie, 'idempotency-key': `e2e-${requestId}` },
    });
    expect(response.status).toBe(201);
    return { created: (await response.json()) as CreatedPayment, requestId, cookie: citizen!.cookie };
  }

  /** The browser posts the form to the gateway, then types the card on its page. */
  async function payOnGateway(created: CreatedPayment, mode?: CallbackMode) {
    if (mode) {
      const set = await fetch(`${base}/sandbox/cmi/switches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ oid: created.orderId, callback: mode, delayMs: 150 }),
      });
      expect(set.status).toBe(200);
    }
    const page = await postForm(created.form.action, created.form.fields);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('SANDBOX');
    const session = /name="session" value="([^"]+)"/.exec(html)![1]!;
    const paid = await postForm(`${base}/sandbox/cmi/pay`, { session, cardNumber: CARD, expiry: '12/30', cvv: CVV });
    expect(paid.status).toBe(200);
    expect(paid.headers.get('content-security-policy')).toContain(`form-action 'self' ${base}`);
    return readReturnForm(await paid.text());
  }

  const sandboxOrder = async (orderId: string) =>
    (await (await fetch(`${base}/sandbox/cmi/orders/${orderId}`)).json()) as {
      callbackReplies: string[];
      isCaptured: boolean;
    };

  it('pays: form → hosted page → test card → server-to-server callback → stamp; the return only redirects', async () => {
    const { created, requestId } = await startPayment();
    const back = await payOnGateway(created);
    // The callback came back through the network before the browser was sent back.
    expect(await sandboxOrder(created.orderId)).toMatchObject({
      callbackReplies: ['ACTION=POSTAUTH'],
      isCaptured: true,
    });
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('succeeded');
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });

    expect(back.action).toBe(`${base}/api/v1/payments/return/ok`);
    const returned = await postForm(back.action, back.fields);
    expect(returned.status).toBe(303);
    expect(returned.headers.get('location')).toBe(`${base}/requests/${requestId}/payment?result=ok`);
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });

    // The CMI adapter's XML status client, against the sandbox's XML API over HTTP.
    const cmi = createCmiGateway({
      clientId: SANDBOX_CLIENT_ID,
      storeKey: deps.config.SANDBOX_STORE_KEY,
      gatewayUrl: `${base}/sandbox/cmi/est3Dgate`,
      apiUrl: `${base}/sandbox/cmi/api`,
      apiUser: SANDBOX_API_USER,
      apiPassword: deps.config.SANDBOX_STORE_KEY,
    });
    expect(await cmi.queryStatus(created.orderId)).toMatchObject({
      status: 'approved',
      isCaptured: true,
      amountMinor: created.amountMinor,
      currency: created.currency,
    });
    expect(await cmi.queryStatus('ET-PAR-NEVERSEEN00')).toMatchObject({ status: 'unknown' });
  });

  it('takes a duplicated callback once, refuses a tampered one, and waits for a delayed one', async () => {
    const duplicated = await startPayment();
    await payOnGateway(duplicated.created, 'duplicated');
    expect((await sandboxOrder(duplicated.created.orderId)).callbackReplies).toEqual([
      'ACTION=POSTAUTH',
      'ACTION=POSTAUTH',
      'ACTION=POSTAUTH',
    ]);
    expect(await moneyTrail(ctx, duplicated.created.paymentId)).toEqual({
      stamps: 1,
      ledgerEntries: 1,
      succeededAudits: 1,
    });

    const tampered = await startPayment();
    await payOnGateway(tampered.created, 'tampered');
    expect(await sandboxOrder(tampered.created.orderId)).toMatchObject({
      callbackReplies: ['FAILURE'],
      isCaptured: false,
    });
    expect((await paymentRow(ctx, tampered.created.paymentId)).status).toBe('pending');
    // The citizen's page asks for the status: the genuine approval is found and captured.
    const refreshed = await fetch(`${base}/api/v1/payments/${tampered.created.paymentId}/refresh`, {
      method: 'POST',
      headers: { cookie: tampered.cookie },
    });
    expect(((await refreshed.json()) as { status: string }).status).toBe('succeeded');
    expect((await sandboxOrder(tampered.created.orderId)).isCaptured).toBe(true);

    const delayed = await startPayment();
    await payOnGateway(delayed.created, 'delayed');
    expect((await paymentRow(ctx, delayed.created.paymentId)).status).toBe('pending');
    await paymentsRuntimeOf(deps).sandbox!.idle();
    expect((await paymentRow(ctx, delayed.created.paymentId)).status).toBe('succeeded');
  });

  it('leaves no card number, CVV or store key in the database or in the logs', async () => {
    const { created } = await startPayment();
    const back = await payOnGateway(created);
    await postForm(back.action, back.fields);
    const declined = await startPayment();
    const page = await postForm(declined.created.form.action, declined.created.form.fields);
    const session = /name="session" value="([^"]+)"/.exec(await page.text())![1]!;
    await postForm(`${base}/sandbox/cmi/pay`, { session, cardNumber: '4000000000000010', expiry: '11/29', cvv: CVV });

    const storeKey = deps.config.SANDBOX_STORE_KEY;
    const forbidden = [
      /4000\s?0000\s?0000\s?00(02|10)/,
      /400000\*+00(02|10)/,
      /\*{4,}00(02|10)/,
      new RegExp(storeKey.replace(/[-]/g, '\\-')),
      new RegExp(`cvv\\W{0,4}${CVV}`, 'i'),
    ];

    // Mawid did receive the masked card number from the gateway (the browser return carries it too).
    expect(JSON.stringify(back.fields)).toMatch(forbidden[1]!);

    const columns = await queryRows<{ table_name: string; column_name: string }>(
      ctx.db,
      sql`SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')
          ORDER BY table_name, column_name`,
    );
    const tables = new Set(columns.map((c) => c.table_name));
    for (const table of ['payments', 'payment_events', 'audit_events', 'stamps', 'idempotency_keys'])
      expect(tables).toContain(table);
    let scanned = 0;
    for (const { table_name, column_name } of columns) {
      const rows = await queryRows<{ value: string }>(
        ctx.db,
        sql`SELECT ${sql.identifier(column_name)}::text AS value FROM ${sql.identifier(table_name)}
            WHERE ${sql.identifier(column_name)} IS NOT NULL`,
      );
      for (const { value } of rows) {
        scanned++;
        for (const pattern of forbidden) expect(value, `${table_name}.${column_name}`).not.toMatch(pattern);
      }
    }
    expect(scanned).toBeGreaterThan(100);
    // The scan does look where the callbacks' evidence is.
    const [evidence] = await queryRows<{ fields: string }>(
      ctx.db,
      sql`SELECT fields::text AS fields FROM payment_events WHERE payment_id = ${created.paymentId} AND source = 'callback'`,
    );
    expect(evidence!.fields).toContain('"maskedCreditCard": "[removed]"');

    const logs = logLines.join('');
    expect(logs).toContain('/api/v1/payments/callback/sandbox');
    expect(logs).toContain('/sandbox/cmi/pay');
    for (const pattern of forbidden) expect(logs).not.toMatch(pattern);
  });
});
