import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import {
  acceptedRequest,
  callbackFields,
  feeOf,
  moneyTrail,
  paymentRow,
  postCallback,
  startPayment,
} from './payments.testkit.ts';

describe.each(engines)('counter payments on %s', (engine) => {
  let ctx: TestContext;
  let agentPar: string;
  let agentDxb: string;
  let agentParId: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    agentPar = await signIn(ctx, 'agent.par@mawid.example');
    agentDxb = await signIn(ctx, 'agent.dxb@mawid.example');
    const [agent] = await queryRows<{ id: string }>(
      ctx.db,
      sql`SELECT id FROM accounts WHERE email = 'agent.par@mawid.example'`,
    );
    agentParId = agent!.id;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const counter = (cookie: string, requestId: string, body: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${requestId}/counter-payments`,
      headers: { cookie, ...headers },
      payload: body,
    });
  const receipt = { terminalReference: 'TPE-PAR-01/000451', authorizationCode: 'A1B2C3' };

  it('records a terminal payment: succeeded at once, a stamp, a terminal-receivable entry, an audit by the agent', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!);
    const fee = await feeOf(ctx, requestId);
    const response = await counter(agentPar, requestId, receipt);
    expect(response.statusCode, response.body).toBe(201);
    const paid = response.json();
    expect(paid).toMatchObject({
      requestId,
      channel: 'counter',
      gateway: 'counter',
      status: 'succeeded',
      amountMinor: fee.amountMinor,
      currency: fee.currency,
      expiresAt: null,
      stampNumber: expect.stringMatching(/^\d{16}$/),
    });
    expect(paid.orderId).toMatch(/^CT-PAR-[2-9A-HJKMNP-Z]{10}$/);
    const [row] = await queryRows<{ terminal_reference: string; authorization_code: string; created_by: string }>(
      ctx.db,
      sql`SELECT terminal_reference, authorization_code, created_by FROM payments WHERE id = ${paid.id}`,
    );
    expect(row).toEqual({
      terminal_reference: receipt.terminalReference,
      authorization_code: 'A1B2C3',
      created_by: agentParId,
    });
    expect(await moneyTrail(ctx, paid.id)).toEqual({ stamps: 1, ledgerEntries: 1, succeededAudits: 1 });
    const postings = await queryRows<{ entry_kind: string; account: string; amount_minor: number }>(
      ctx.db,
      sql`SELECT e.kind AS entry_kind, a.kind AS account, p.amount_minor
          FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
          WHERE e.payment_id = ${paid.id} ORDER BY p.amount_minor DESC`,
    );
    expect(postings).toEqual([
      { entry_kind: 'stamp_sold_counter', account: 'terminal_receivable', amount_minor: fee.amountMinor },
      { entry_kind: 'stamp_sold_counter', account: 'stamp_liability', amount_minor: -fee.amountMinor },
    ]);
    const [audit] = await queryRows<{ actor_account_id: string }>(
      ctx.db,
      sql`SELECT actor_account_id FROM audit_events WHERE action = 'payment.succeeded' AND entity_id = ${paid.id}`,
    );
    expect(audit!.actor_account_id).toBe(agentParId);
    // The citizen sees it, and cannot pay again online.
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/payments`,
      headers: { cookie: citizen!.cookie },
    });
    expect(listed.json().stamp).toEqual({ number: paid.stampNumber, status: 'valid' });
    const online = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/payments`,
      headers: { cookie: citizen!.cookie },
    });
    expect(online.json().code).toBe('ALREADY_PAID');
  });

  it('replays an Idempotency-Key, refuses a second payment, and refuses a request not accepted', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!);
    const headers = { 'idempotency-key': 'counter-1' };
    const first = await counter(agentPar, requestId, receipt, headers);
    const replay = await counter(agentPar, requestId, receipt, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const reused = await counter(agentPar, requestId, { ...receipt, authorizationCode: 'ZZ9' }, headers);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const second = await counter(agentPar, requestId, { ...receipt, authorizationCode: 'ZZ9' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ALREADY_PAID');
    expect(await countRows(ctx, 'payments', sql`request_id = ${requestId}`)).toBe(1);

    const [other] = await makeCitizens(ctx, 1);
    const submitted = await acceptedRequest(ctx, other!, { status: 'submitted' });
    const early = await counter(agentPar, submitted, receipt);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('REQUEST_NOT_PAYABLE');
  });

  it('answers 404 to an agent of another consulate (audited), 403 to a citizen, 400 to a bad receipt', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!);
    const refusedBefore = await countRows(
      ctx,
      'audit_events',
      sql`action = 'access.refused' AND entity_id = ${requestId}`,
    );
    const foreign = await counter(agentDxb, requestId, receipt);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('REQUEST_NOT_FOUND');
    expect(await countRows(ctx, 'audit_events', sql`action = 'access.refused' AND entity_id = ${requestId}`)).toBe(
      refusedBefore + 1,
    );
    expect((await counter(citizen!.cookie, requestId, receipt)).statusCode).toBe(403);
    const bad = await counter(agentPar, requestId, { terminalReference: '', authorizationCode: 'not valid!' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body.authorizationCode', 'body.terminalReference']);
    expect(await countRows(ctx, 'payments', sql`request_id = ${requestId}`)).toBe(0);
  });

  it('lets a counter payment and an online callback race for one request: one stamp, never two', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!);
    const online = await startPayment(ctx, citizen!.cookie, requestId);
    const [atCounter, callback] = await Promise.all([
      counter(agentPar, requestId, receipt),
      postCallback(ctx, callbackFields(ctx, online, 'approved')),
    ]);
    const counterWon = atCounter.statusCode === 201;
    expect(callback.body).toBe(counterWon ? 'FAILURE' : 'ACTION=POSTAUTH');
    if (!counterWon) expect(atCounter.json().code).toBe('ALREADY_PAID');
    expect((await paymentRow(ctx, online.paymentId)).status).toBe(counterWon ? 'cancelled' : 'succeeded');
    expect(await countRows(ctx, 'stamps', sql`request_id = ${requestId}`)).toBe(1);
  });
});
