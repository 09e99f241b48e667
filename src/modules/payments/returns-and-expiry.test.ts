import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import type { CreatedPayment } from './create-payment.ts';
import { expirePayments } from './expire-payments.ts';
import { GatewayUnavailableError, type PaymentGateway } from './gateways/gateway.ts';
import {
  acceptedRequest,
  CARD_FOR,
  callbackFields,
  moneyTrail,
  paymentRow,
  postCallback,
  readReturnForm,
  startPayment,
} from './payments.testkit.ts';
import { paymentsRuntimeOf } from './payments-runtime.ts';
import type { CallbackMode } from './sandbox/sandbox-bank.ts';
import type { TestCardOutcome } from './sandbox/test-cards.ts';

describe.each(engines)('browser returns, status queries and expiry on %s', (engine) => {
  let ctx: TestContext;
  let gateway: PaymentGateway;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    gateway = paymentsRuntimeOf(ctx.deps).gateway;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const form = (url: string, fields: Record<string, string>) =>
    ctx.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  async function newPayment() {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!);
    const created = await startPayment(ctx, citizen!.cookie, requestId);
    return { citizen: citizen!, requestId, created };
  }

  /** The citizen's browser on the sandbox's page: posts the form, pays with a test card. */
  async function payOnSandbox(created: CreatedPayment, outcome: TestCardOutcome, mode: CallbackMode) {
    const page = await form('/sandbox/cmi/est3Dgate', created.form.fields);
    expect(page.statusCode, page.body).toBe(200);
    const session = /name="session" value="([^"]+)"/.exec(page.body)?.[1];
    expect(session).toBeDefined();
    const paid = await form('/sandbox/cmi/pay', {
      session: session!,
      cardNumber: CARD_FOR[outcome].replace(/(\d{4})(?=\d)/g, '$1 '),
      expiry: '12/30',
      cvv: '123',
      callback: mode,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    return readReturnForm(paid.body);
  }

  it('leaves the payment pending when the browser comes back without a callback, until the status query settles it', async () => {
    const { citizen, requestId, created } = await newPayment();
    const back = await payOnSandbox(created, 'approved', 'dropped');
    expect(back.action).toBe(created.form.fields.okUrl);
    expect(back.fields).toMatchObject({ oid: created.orderId, ProcReturnCode: '00', Response: 'Approved' });

    const returned = await form(new URL(back.action).pathname, back.fields);
    expect(returned.statusCode).toBe(303);
    expect(returned.headers.location).toBe(`${ctx.deps.config.PUBLIC_URL}/requests/${requestId}/payment?result=ok`);
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 0, ledgerEntries: 0, succeededAudits: 0 });
    expect(
      await countRows(ctx, 'payment_events', sql`payment_id = ${created.paymentId} AND source = 'browser_return'`),
    ).toBe(1);

    const sandboxBefore = await ctx.app.inject({ method: 'GET', url: `/sandbox/cmi/orders/${created.orderId}` });
    expect(sandboxBefore.json()).toMatchObject({ status: 'approved', isCaptured: false, callbackReplies: [] });

    const refreshed = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/payments/${created.paymentId}/refresh`,
      headers: { cookie: citizen.cookie },
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json()).toMatchObject({ status: 'succeeded', stampNumber: expect.stringMatching(/^\d{16}$/) });
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });
    // The pre-authorization the lost callback did not capture was captured by the query (PostAuth).
    const sandboxAfter = await ctx.app.inject({ method: 'GET', url: `/sandbox/cmi/orders/${created.orderId}` });
    expect(sandboxAfter.json()).toMatchObject({ status: 'approved', isCaptured: true });
    // Asking again changes nothing.
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/payments/${created.paymentId}/refresh`,
      headers: { cookie: citizen.cookie },
    });
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });
  });

  it('settles a declined attempt whose callback was lost as failed, and the return goes to the failure page', async () => {
    const { citizen, requestId, created } = await newPayment();
    const back = await payOnSandbox(created, 'declined', 'dropped');
    expect(back.action).toBe(created.form.fields.failUrl);
    const returned = await form(new URL(back.action).pathname, back.fields);
    expect(returned.headers.location).toBe(`${ctx.deps.config.PUBLIC_URL}/requests/${requestId}/payment?result=fail`);
    const refreshed = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/payments/${created.paymentId}/refresh`,
      headers: { cookie: citizen.cookie },
    });
    expect(refreshed.json().status).toBe('failed');
  });

  it('sends a forged return to a neutral page, records nothing, and also reads a return by GET', async () => {
    const { requestId, created } = await newPayment();
    const back = await payOnSandbox(created, 'approved', 'dropped');
    const eventsBefore = await countRows(ctx, 'payment_events', sql`order_id = ${created.orderId}`);
    const forged = await form('/api/v1/payments/return/ok', { ...back.fields, amount: '0.01' });
    expect(forged.statusCode).toBe(303);
    expect(forged.headers.location).toBe(`${ctx.deps.config.PUBLIC_URL}/requests?payment=unverified`);
    expect(await countRows(ctx, 'payment_events', sql`order_id = ${created.orderId}`)).toBe(eventsBefore);
    const byGet = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/payments/return/ok?${new URLSearchParams(back.fields).toString()}`,
    });
    expect(byGet.statusCode).toBe(303);
    expect(byGet.headers.location).toBe(`${ctx.deps.config.PUBLIC_URL}/requests/${requestId}/payment?result=ok`);
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');
  });

  it('refuses a form with a bad HASH on the sandbox’s page, as the real gateway would', async () => {
    const { created } = await newPayment();
    const page = await form('/sandbox/cmi/est3Dgate', { ...created.form.fields, amount: '0.01' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('HASH');
    expect(page.body).toContain('<html lang="fr" dir="ltr">');
  });

  it('expires an unfinished payment after the delay, and a later success callback still wins', async () => {
    const { created } = await newPayment();
    ctx.clock.advanceMinutes(29);
    await expirePayments({ db: ctx.db, clock: ctx.clock, keys: ctx.deps.keys, gateway });
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');

    ctx.clock.advanceMinutes(2);
    const report = await expirePayments({ db: ctx.db, clock: ctx.clock, keys: ctx.deps.keys, gateway });
    expect(report.expired).toBeGreaterThanOrEqual(1);
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('expired');
    expect(
      await countRows(ctx, 'audit_events', sql`action = 'payment.expired' AND entity_id = ${created.paymentId}`),
    ).toBe(1);
    expect(await countRows(ctx, 'payment_events', sql`payment_id = ${created.paymentId} AND source = 'expiry'`)).toBe(
      1,
    );

    const again = await expirePayments({ db: ctx.db, clock: ctx.clock, keys: ctx.deps.keys, gateway });
    expect(again).toEqual({ checked: 0, succeeded: 0, expired: 0, deferred: 0 });

    expect((await postCallback(ctx, callbackFields(ctx, created, 'approved'))).body).toBe('ACTION=POSTAUTH');
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('succeeded');
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });
  });

  it('asks the gateway before expiring: an approved order whose callback was lost gets its stamp, others expire', async () => {
    const { created } = await newPayment();
    await payOnSandbox(created, 'approved', 'dropped');
    const declined = await newPayment();
    await payOnSandbox(declined.created, 'declined', 'dropped');
    ctx.clock.advanceMinutes(31);
    await expirePayments({ db: ctx.db, clock: ctx.clock, keys: ctx.deps.keys, gateway });
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('succeeded');
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });
    const [event] = await queryRows<{ outcome: string }>(
      ctx.db,
      sql`SELECT outcome FROM payment_events WHERE payment_id = ${created.paymentId} AND source = 'expiry'`,
    );
    expect(event!.outcome).toBe('approved');
    // The gateway's "declined" does not keep an order open past its expiry.
    expect((await paymentRow(ctx, declined.created.paymentId)).status).toBe('expired');
  });

  it('leaves payments as they are when the gateway cannot be asked, for the next run', async () => {
    const { created } = await newPayment();
    ctx.clock.advanceMinutes(31);
    const unreachable: PaymentGateway = {
      ...gateway,
      queryStatus: async () => {
        throw new GatewayUnavailableError('no route to the gateway');
      },
    };
    const failures: string[] = [];
    const report = await expirePayments({
      db: ctx.db,
      clock: ctx.clock,
      keys: ctx.deps.keys,
      gateway: unreachable,
      onError: (paymentId) => failures.push(paymentId),
    });
    expect(report.deferred).toBe(report.checked);
    expect(failures).toContain(created.paymentId);
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');
    await expirePayments({ db: ctx.db, clock: ctx.clock, keys: ctx.deps.keys, gateway });
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('expired');
  });
});
