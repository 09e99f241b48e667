import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { cmiHashVer3, hasValidCmiHash } from './cmi-hash.ts';
import { handleCallback } from './handle-callback.ts';
import {
  acceptedRequest,
  callbackFields,
  feeOf,
  moneyTrail,
  paymentRow,
  postCallback,
  startPayment,
} from './payments.testkit.ts';
import { paymentsRuntimeOf } from './payments-runtime.ts';

describe.each(engines)('online payments on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const citizenWithRequest = async (where: Parameters<typeof acceptedRequest>[2] = {}) => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!, where);
    return { citizen: citizen!, requestId };
  };

  it('opens a pending payment for the consulate’s fee and hands out the signed gateway form', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const fee = await feeOf(ctx, requestId);
    expect(fee.amountMinor).toBeGreaterThan(0);
    const created = await startPayment(ctx, citizen.cookie, requestId);
    expect(created).toMatchObject({ amountMinor: fee.amountMinor, currency: 'EUR', status: 'pending' });
    expect(created.orderId).toMatch(/^ET-PAR-[2-9A-HJKMNP-Z]{10}$/);
    expect(created.expiresAt).toBe(new Date(ctx.clock.now().getTime() + 30 * 60_000).toISOString());
    const { form } = created;
    expect(form.method).toBe('POST');
    expect(form.action).toBe(`${ctx.deps.config.PUBLIC_URL}/sandbox/cmi/est3Dgate`);
    expect(form.fields).toMatchObject({
      oid: created.orderId,
      amount: (fee.amountMinor / 100).toFixed(2),
      currency: '978',
      trantype: 'PreAuth',
      storetype: '3D_PAY_HOSTING',
      hashAlgorithm: 'ver3',
      lang: 'fr',
      callbackUrl: `${ctx.deps.config.PUBLIC_URL}/api/v1/payments/callback/sandbox`,
      okUrl: `${ctx.deps.config.PUBLIC_URL}/api/v1/payments/return/ok`,
    });
    expect(form.fields.HASH).toBe(cmiHashVer3(form.fields, ctx.deps.config.SANDBOX_STORE_KEY));
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');
    expect(
      await countRows(ctx, 'audit_events', sql`action = 'payment.created' AND entity_id = ${created.paymentId}`),
    ).toBe(1);
  });

  it('asks the fee of each consulate in its own currency', async () => {
    const { citizen, requestId } = await citizenWithRequest({ consulate: 'MTL', service: 'legalization' });
    const created = await startPayment(ctx, citizen.cookie, requestId);
    expect(created.currency).toBe('CAD');
    expect(created.form.fields.currency).toBe('124');
    expect(created.orderId).toMatch(/^ET-MTL-/);
  });

  it('refuses other people’s requests, requests not accepted or already delivered, free services and staff', async () => {
    const { requestId } = await citizenWithRequest();
    const [stranger] = await makeCitizens(ctx, 1);
    const post = (cookie: string, id: string) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/requests/${id}/payments`, headers: { cookie } });
    const foreign = await post(stranger!.cookie, requestId);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('REQUEST_NOT_FOUND');

    for (const status of ['submitted', 'completed', 'rejected']) {
      const { citizen, requestId: id } = await citizenWithRequest({ status });
      const refused = await post(citizen.cookie, id);
      expect(refused.statusCode, status).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'REQUEST_NOT_PAYABLE', requestStatus: status });
    }

    const { citizen, requestId: freeRequest } = await citizenWithRequest({ consulate: 'DXB', service: 'copy' });
    await ctx.db.execute(sql`UPDATE consulate_services SET fee_minor = 0
                             WHERE consulate_id = ${ctx.ids.consulates.DXB} AND service_id = ${ctx.ids.services.copy}`);
    const free = await post(citizen.cookie, freeRequest);
    expect(free.statusCode).toBe(409);
    expect(free.json().code).toBe('NO_FEE_DUE');

    const agent = await signIn(ctx, 'agent.par@mawid.example');
    expect((await post(agent, requestId)).statusCode).toBe(403);
    expect(await countRows(ctx, 'payments', sql`request_id IN (${requestId}, ${freeRequest})`)).toBe(0);
  });

  it('refuses a currency the gateway cannot take, and says which', async () => {
    const { citizen, requestId } = await citizenWithRequest({ consulate: 'DXB', service: 'legalization' });
    await ctx.db.execute(sql`UPDATE consulates SET currency = 'KWD' WHERE id = ${ctx.ids.consulates.DXB}`);
    try {
      const refused = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/requests/${requestId}/payments`,
        headers: { cookie: citizen.cookie },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'CURRENCY_NOT_SUPPORTED', currency: 'KWD' });
    } finally {
      await ctx.db.execute(sql`UPDATE consulates SET currency = 'AED' WHERE id = ${ctx.ids.consulates.DXB}`);
    }
  });

  it('replays an Idempotency-Key with the same answer, and refuses it on another request', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const headers = { 'idempotency-key': 'pay-once-1' };
    const first = await startPayment(ctx, citizen.cookie, requestId, headers);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/payments`,
      headers: { cookie: citizen.cookie, ...headers },
    });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first);
    expect(await countRows(ctx, 'payments', sql`request_id = ${requestId}`)).toBe(1);

    const otherRequest = await acceptedRequest(ctx, citizen, { service: 'legalization' });
    const reused = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${otherRequest}/payments`,
      headers: { cookie: citizen.cookie, ...headers },
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countRows(ctx, 'payments', sql`request_id = ${otherRequest}`)).toBe(0);
  });

  it('issues one stamp and one ledger entry for a callback replayed 5 times at once', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const fields = callbackFields(ctx, created, 'approved');
    const replies = await Promise.all(Array.from({ length: 5 }, () => postCallback(ctx, fields)));
    for (const reply of replies) {
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/plain/);
      expect(reply.body).toBe('ACTION=POSTAUTH');
    }
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });
    const payment = await paymentRow(ctx, created.paymentId);
    expect(payment.status).toBe('succeeded');
    expect(payment.gateway_transaction_id).toBe(fields.TransId);
    const [entry] = await queryRows<{ kind: string; postings: { kind: string; amount: number }[] }>(
      ctx.db,
      sql`SELECT e.kind, json_agg(json_build_object('kind', a.kind, 'amount', p.amount_minor) ORDER BY p.amount_minor DESC) AS postings
          FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
          WHERE e.payment_id = ${created.paymentId} GROUP BY e.kind`,
    );
    expect(entry).toEqual({
      kind: 'stamp_sold_online',
      postings: [
        { kind: 'gateway_receivable', amount: created.amountMinor },
        { kind: 'stamp_liability', amount: -created.amountMinor },
      ],
    });
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/payments`,
      headers: { cookie: citizen.cookie },
    });
    const [stamp] = await queryRows<{ number: string }>(
      ctx.db,
      sql`SELECT number FROM stamps WHERE payment_id = ${created.paymentId}`,
    );
    expect(listed.json()).toMatchObject({
      payments: [{ id: created.paymentId, status: 'succeeded', stampNumber: stamp!.number }],
      stamp: { number: stamp!.number, status: 'valid' },
    });
  });

  it('refuses a callback with a tampered hash, audits it, and changes nothing', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const genuine = callbackFields(ctx, created, 'approved');
    const refusedBefore = await countRows(ctx, 'audit_events', sql`action = 'payment.callback_refused'`);
    const eventsBefore = await countRows(ctx, 'payment_events', sql`order_id = ${created.orderId}`);
    const forgeries = [
      { ...genuine, HASH: `${genuine.HASH!.slice(0, -3)}AA=` },
      { ...genuine, amount: '0.01' },
      { ...genuine, HASH: cmiHashVer3(genuine, 'a guessed store key') },
      Object.fromEntries(Object.entries(genuine).filter(([name]) => name !== 'HASH')),
    ];
    for (const forged of forgeries) {
      const reply = await postCallback(ctx, forged, '10.66.0.1');
      expect(reply.statusCode).toBe(200);
      expect(reply.body).toBe('FAILURE');
    }
    expect(await countRows(ctx, 'audit_events', sql`action = 'payment.callback_refused'`)).toBe(refusedBefore + 4);
    const [audit] = await queryRows<{ entity_id: string; after: { reason: string; sourceIp: string } }>(
      ctx.db,
      sql`SELECT entity_id, after FROM audit_events WHERE action = 'payment.callback_refused' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({
      entity_id: created.orderId,
      after: { reason: 'bad_signature', sourceIp: '10.66.0.1' },
    });
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 0, ledgerEntries: 0, succeededAudits: 0 });
    expect(await countRows(ctx, 'payment_events', sql`order_id = ${created.orderId}`)).toBe(eventsBefore);
  });

  it('refuses a signed callback whose amount or currency differs from the payment', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const cheaper = callbackFields(ctx, created, 'approved', { amount: (created.amountMinor / 100 - 1).toFixed(2) });
    const inDollars = callbackFields(ctx, created, 'approved', { currency: '840' });
    expect((await postCallback(ctx, cheaper)).body).toBe('FAILURE');
    expect((await postCallback(ctx, inDollars)).body).toBe('FAILURE');
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 0, ledgerEntries: 0, succeededAudits: 0 });
    const reasons = await queryRows<{ reason: string }>(
      ctx.db,
      sql`SELECT after->>'reason' AS reason FROM audit_events
          WHERE action = 'payment.callback_refused' AND entity_id = ${created.paymentId} ORDER BY id`,
    );
    expect(reasons.map((r) => r.reason)).toEqual(['amount_mismatch', 'currency_mismatch']);
    // The genuine one still goes through afterwards.
    expect((await postCallback(ctx, callbackFields(ctx, created, 'approved'))).body).toBe('ACTION=POSTAUTH');
  });

  it('takes failures, then a success for the same order: paid once; a failure after it changes nothing', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    for (const outcome of ['declined', 'authentication_failed', 'error'] as const) {
      const reply = await postCallback(ctx, callbackFields(ctx, created, outcome));
      expect(reply.body, outcome).toBe('APPROVED');
      expect((await paymentRow(ctx, created.paymentId)).status).toBe('failed');
    }
    expect((await postCallback(ctx, callbackFields(ctx, created, 'approved'))).body).toBe('ACTION=POSTAUTH');
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('succeeded');
    expect((await postCallback(ctx, callbackFields(ctx, created, 'declined'))).body).toBe('APPROVED');
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('succeeded');
    expect(await moneyTrail(ctx, created.paymentId)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });
    const actions = await queryRows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_events WHERE entity_id = ${created.paymentId} ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'payment.created',
      'payment.failed',
      'payment.failed',
      'payment.failed',
      'payment.succeeded',
    ]);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/payments`,
      headers: { cookie: citizen.cookie },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_PAID');
  });

  it('never pays a request twice: a second order approved later is refused and cancelled', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const first = await startPayment(ctx, citizen.cookie, requestId);
    const second = await startPayment(ctx, citizen.cookie, requestId);
    expect((await postCallback(ctx, callbackFields(ctx, first, 'approved'))).body).toBe('ACTION=POSTAUTH');
    expect((await postCallback(ctx, callbackFields(ctx, second, 'approved'))).body).toBe('FAILURE');
    expect((await paymentRow(ctx, second.paymentId)).status).toBe('cancelled');
    expect(await countRows(ctx, 'stamps', sql`request_id = ${requestId}`)).toBe(1);
  });

  it('takes one of two orders of a request approved at the same moment, and refuses the other', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const orders = [
      await startPayment(ctx, citizen.cookie, requestId),
      await startPayment(ctx, citizen.cookie, requestId),
    ];
    const replies = await Promise.all(orders.map((order) => postCallback(ctx, callbackFields(ctx, order, 'approved'))));
    expect(replies.map((r) => r.body).sort()).toEqual(['ACTION=POSTAUTH', 'FAILURE']);
    const statuses = await Promise.all(orders.map(async (order) => (await paymentRow(ctx, order.paymentId)).status));
    expect(statuses.sort()).toEqual(['cancelled', 'succeeded']);
    expect(await countRows(ctx, 'stamps', sql`request_id = ${requestId}`)).toBe(1);
    expect(
      await countRows(ctx, 'ledger_entries', sql`payment_id IN (${orders[0]!.paymentId}, ${orders[1]!.paymentId})`),
    ).toBe(1);
  });

  it('keeps card data out of the recorded evidence', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const fields = callbackFields(ctx, created, 'approved');
    expect(fields.maskedCreditCard).toBe('400000******0002');
    await postCallback(ctx, fields);
    const [event] = await queryRows<{ fields: Record<string, string>; outcome: string; proc_return_code: string }>(
      ctx.db,
      sql`SELECT fields, outcome, proc_return_code FROM payment_events WHERE payment_id = ${created.paymentId}`,
    );
    expect(event).toMatchObject({ outcome: 'approved', proc_return_code: '00' });
    expect(event!.fields).toMatchObject({
      oid: created.orderId,
      TransId: fields.TransId,
      maskedCreditCard: '[removed]',
      Ecom_Payment_Card_ExpDate_Month: '[removed]',
      Ecom_Payment_Card_ExpDate_Year: '[removed]',
    });
    expect(JSON.stringify(event!.fields)).not.toMatch(/400000|0002\b/);
  });

  it('answers FAILURE to a signed callback for an order it does not know, and 404 for the other gateway', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const unknown = callbackFields(ctx, created, 'approved', { oid: 'ET-PAR-UNKNOWN0000' });
    expect((await postCallback(ctx, unknown)).body).toBe('FAILURE');
    expect(await countRows(ctx, 'payment_events', sql`order_id = 'ET-PAR-UNKNOWN0000' AND payment_id IS NULL`)).toBe(1);
    const cmi = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/payments/callback/cmi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(callbackFields(ctx, created, 'approved')).toString(),
    });
    expect(cmi.statusCode).toBe(404);
    expect(cmi.json().code).toBe('GATEWAY_NOT_ENABLED');
    expect((await paymentRow(ctx, created.paymentId)).status).toBe('pending');
  });

  it('throttles forged callbacks per source address without ever refusing genuine ones from it', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const forged = { ...callbackFields(ctx, created, 'approved'), HASH: 'forged' };
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await postCallback(ctx, forged, '10.77.0.1')).statusCode);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(50);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not affected, and a genuine callback from the flooding one still passes.
    expect((await postCallback(ctx, forged, '10.77.0.2')).statusCode).toBe(200);
    const genuine = await postCallback(ctx, callbackFields(ctx, created, 'approved'), '10.77.0.1');
    expect(genuine.statusCode).toBe(200);
    expect(genuine.body).toBe('ACTION=POSTAUTH');
  });

  it('rejects a forged callback with no database read: one audit insert only', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const touched: string[] = [];
    // The real database, behind a guard that lets only an INSERT through and fails anything else.
    const guarded = new Proxy(ctx.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          touched.push(String(property));
          if (property !== 'insert') throw new Error(`the database was touched: ${String(property)}`);
          return value.apply(target, args);
        };
      },
    });
    const { gateway } = paymentsRuntimeOf(ctx.deps);
    const before = await countRows(ctx, 'audit_events', sql`action = 'payment.callback_refused'`);
    const result = await handleCallback(
      { db: guarded, clock: ctx.clock, keys: ctx.deps.keys, gateway },
      { fields: { ...callbackFields(ctx, created, 'approved'), amount: '1.00' }, sourceIp: '10.1.1.1' },
    );
    expect(result).toEqual({ outcome: 'bad_signature', decision: 'refuse', reply: 'FAILURE' });
    expect(touched).toEqual(['insert']);
    expect(await countRows(ctx, 'audit_events', sql`action = 'payment.callback_refused'`)).toBe(before + 1);
  });

  it('shows a payment to its citizen only', async () => {
    const { citizen, requestId } = await citizenWithRequest();
    const created = await startPayment(ctx, citizen.cookie, requestId);
    const own = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/payments/${created.paymentId}`,
      headers: { cookie: citizen.cookie },
    });
    expect(own.json()).toMatchObject({
      id: created.paymentId,
      status: 'pending',
      channel: 'online',
      gateway: 'sandbox',
      stampNumber: null,
    });
    const [stranger] = await makeCitizens(ctx, 1);
    for (const [method, url] of [
      ['GET', `/api/v1/payments/${created.paymentId}`],
      ['POST', `/api/v1/payments/${created.paymentId}/refresh`],
    ] as const) {
      const refused = await ctx.app.inject({ method, url, headers: { cookie: stranger!.cookie } });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('PAYMENT_NOT_FOUND');
    }
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/payments`,
      headers: { cookie: stranger!.cookie },
    });
    expect(listed.statusCode).toBe(404);
    expect(hasValidCmiHash(created.form.fields, ctx.deps.config.SANDBOX_STORE_KEY)).toBe(true);
  });
});
