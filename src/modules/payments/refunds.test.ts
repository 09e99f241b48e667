import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, firstFreeSlot, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { auditOf, paidStamp, unbalancedEntries } from './stamps.test-support.ts';

describe.each(engines)('refunds on %s', (engine) => {
  let ctx: TestContext;
  let agentPar: string;
  let adminPar: string;
  let adminDxb: string;
  let hq: string;
  let treasury: string;
  let citizen: { accountId: string; cookie: string };
  let stranger: { accountId: string; cookie: string };
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    [agentPar, adminPar, adminDxb, hq, treasury] = await Promise.all([
      signIn(ctx, 'agent.par@mawid.example'),
      signIn(ctx, 'admin.par@mawid.example'),
      signIn(ctx, 'admin.dxb@mawid.example'),
      signIn(ctx, 'hq@mawid.example'),
      signIn(ctx, 'treasury@mawid.example'),
    ]);
    const made = await makeCitizens(ctx, 2);
    citizen = made[0]!;
    stranger = made[1]!;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const refund = (paymentId: string, cookie: string, payload: object, key?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/payments/${paymentId}/refunds`,
      headers: key ? { cookie, 'idempotency-key': key } : { cookie },
      payload,
    });
  const paymentRow = async (id: string) =>
    (
      await queryRows<{ status: string; refunded_minor: number; amount_minor: number }>(
        ctx.db,
        sql`SELECT status, refunded_minor, amount_minor FROM payments WHERE id = ${id}`,
      )
    )[0]!;

  it('lets only one of concurrent partial refunds decided on the same figure through, never above the payment', async () => {
    const stamp = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 10_000 });
    const answers = await Promise.all(
      [6_000, 7_000, 5_000, 9_000].map((amountMinor) =>
        refund(stamp.paymentId, adminPar, { amountMinor, expectedRefundableMinor: 10_000, reason: 'fee reduced' }),
      ),
    );
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created, answers.map((a) => a.body).join('\n')).toHaveLength(1);
    const refunded = created[0]!.json().amountMinor as number;
    for (const refused of answers.filter((a) => a.statusCode !== 201)) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'REFUNDABLE_AMOUNT_CHANGED', refundableMinor: 10_000 - refunded });
    }
    expect(await paymentRow(stamp.paymentId)).toMatchObject({ status: 'partially_refunded', refunded_minor: refunded });
    const [rows] = await queryRows<{ n: number; total: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n, coalesce(sum(amount_minor), 0)::int AS total FROM refunds WHERE payment_id = ${stamp.paymentId}`,
    );
    expect(rows).toEqual({ n: 1, total: refunded });
  });

  it('refunds in parts up to the whole, then the stamp is refunded: verification says so and it cannot be consumed', async () => {
    const stamp = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 10_000 });
    const first = await refund(stamp.paymentId, adminPar, {
      amountMinor: 3_000,
      expectedRefundableMinor: 10_000,
      reason: 'part',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      paymentStatus: 'partially_refunded',
      refundedMinor: 3_000,
      refundableMinor: 7_000,
      stampStatus: 'valid',
      gatewayReference: null,
    });
    const tooMuch = await refund(stamp.paymentId, adminPar, {
      amountMinor: 7_001,
      expectedRefundableMinor: 7_000,
      reason: 'x!x',
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json()).toMatchObject({ code: 'REFUND_EXCEEDS_REFUNDABLE', refundableMinor: 7_000 });
    const stale = await refund(stamp.paymentId, adminPar, {
      amountMinor: 7_000,
      expectedRefundableMinor: 10_000,
      reason: 'x!x',
    });
    expect(stale.json().code).toBe('REFUNDABLE_AMOUNT_CHANGED');

    const rest = await refund(stamp.paymentId, hq, {
      amountMinor: 7_000,
      expectedRefundableMinor: 7_000,
      reason: 'cancelled',
    });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json()).toMatchObject({
      paymentStatus: 'refunded',
      refundedMinor: 10_000,
      refundableMinor: 0,
      stampStatus: 'refunded',
    });
    const verified = await ctx.app.inject({ method: 'GET', url: `/api/v1/stamps/${stamp.number}` });
    expect(verified.json().status).toBe('refunded');
    const consumed = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/stamps/${stamp.number}/consume`,
      headers: { cookie: agentPar },
    });
    expect(consumed.statusCode).toBe(409);
    expect(consumed.json().code).toBe('STAMP_REFUNDED');
    const again = await refund(stamp.paymentId, adminPar, {
      amountMinor: 1,
      expectedRefundableMinor: 0,
      reason: 'again',
    });
    expect(again.json().code).toBe('PAYMENT_ALREADY_REFUNDED');
    expect((await auditOf(ctx, stamp.stampId)).map((e) => e.action)).toEqual([
      'stamp.issued',
      'stamp.refunded',
      'stamp.consume_refused',
    ]);
    expect((await auditOf(ctx, stamp.paymentId)).filter((e) => e.action === 'payment.refunded')).toHaveLength(2);
  });

  it('never refunds a consumed stamp, even in part', async () => {
    const stamp = await paidStamp(ctx, { accountId: citizen.accountId });
    const consumed = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/stamps/${stamp.number}/consume`,
      headers: { cookie: agentPar },
    });
    expect(consumed.statusCode).toBe(200);
    const answer = await refund(stamp.paymentId, adminPar, {
      amountMinor: 1,
      expectedRefundableMinor: stamp.amountMinor,
      reason: 'too late',
    });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('STAMP_ALREADY_CONSUMED');
    expect(await paymentRow(stamp.paymentId)).toMatchObject({ status: 'succeeded', refunded_minor: 0 });
  });

  it('books a refund against the receivable it came from, balanced', async () => {
    const online = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 4_000 });
    const counter = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 4_000, channel: 'counter' });
    for (const stamp of [online, counter]) {
      const answer = await refund(stamp.paymentId, adminPar, {
        amountMinor: 1_500,
        expectedRefundableMinor: 4_000,
        reason: 'part',
      });
      expect(answer.statusCode).toBe(201);
    }
    const postings = await queryRows<{ payment_id: string; kind: string; amount_minor: number }>(
      ctx.db,
      sql`SELECT e.payment_id, a.kind, p.amount_minor FROM ledger_entries e
          JOIN ledger_postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
          WHERE e.kind = 'refund' AND e.payment_id IN (${online.paymentId}, ${counter.paymentId}) ORDER BY a.kind`,
    );
    const of = (paymentId: string) =>
      postings.filter((p) => p.payment_id === paymentId).map((p) => [p.kind, Number(p.amount_minor)]);
    expect(of(online.paymentId)).toEqual([
      ['gateway_receivable', -1_500],
      ['stamp_liability', 1_500],
    ]);
    expect(of(counter.paymentId)).toEqual([
      ['stamp_liability', 1_500],
      ['terminal_receivable', -1_500],
    ]);
    expect(await unbalancedEntries(ctx)).toEqual([]);
  });

  it('replays an Idempotency-Key and refuses it with another body', async () => {
    const stamp = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 5_000 });
    const body = { amountMinor: 1_000, expectedRefundableMinor: 5_000, reason: 'double click' };
    const first = await refund(stamp.paymentId, adminPar, body, 'refund-key-1');
    const replay = await refund(stamp.paymentId, adminPar, body, 'refund-key-1');
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().refundId).toBe(first.json().refundId);
    const other = await refund(stamp.paymentId, adminPar, { ...body, amountMinor: 2_000 }, 'refund-key-1');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await paymentRow(stamp.paymentId)).toMatchObject({ refunded_minor: 1_000 });
  });

  it('is decided by the consulate’s admin or headquarters only', async () => {
    const stamp = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 5_000 });
    const body = { amountMinor: 100, expectedRefundableMinor: 5_000, reason: 'scope' };
    expect((await refund(stamp.paymentId, adminDxb, body)).statusCode).toBe(404);
    for (const cookie of [agentPar, treasury, citizen.cookie])
      expect((await refund(stamp.paymentId, cookie, body)).statusCode).toBe(403);
    const invalid = await refund(stamp.paymentId, adminPar, {
      amountMinor: 0,
      expectedRefundableMinor: 5_000,
      reason: 'zero',
    });
    expect(invalid.statusCode).toBe(400);
    expect(await paymentRow(stamp.paymentId)).toMatchObject({ refunded_minor: 0 });
  });

  it('refunds the citizen in full once the consulate cancelled the appointment, and not before', async () => {
    const stamp = await paidStamp(ctx, { accountId: citizen.accountId });
    const ask = (cookie: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/payments/${stamp.paymentId}/refund-request`,
        headers: { cookie },
        payload: { reason: 'I cannot come another day' },
      });
    expect((await ask(citizen.cookie)).json().code).toBe('REFUND_NOT_ALLOWED');
    const slot = await firstFreeSlot(ctx, stamp.consulateId, stamp.serviceId);
    const booked = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: { cookie: citizen.cookie },
      payload: {
        consulateId: stamp.consulateId,
        serviceId: stamp.serviceId,
        slotId: slot.slotId,
        personId: stamp.personId,
        requestId: stamp.requestId,
      },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect((await ask(citizen.cookie)).json().code).toBe('REFUND_NOT_ALLOWED');
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/consulates/${stamp.consulateId}/appointments/${booked.json().id}/cancel`,
      headers: { cookie: adminPar },
      payload: { reason: 'counter closed' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await ask(stranger.cookie)).statusCode).toBe(404);
    const refunded = await ask(citizen.cookie);
    expect(refunded.statusCode, refunded.body).toBe(201);
    expect(refunded.json()).toMatchObject({
      amountMinor: stamp.amountMinor,
      paymentStatus: 'refunded',
      stampStatus: 'refunded',
    });
    expect((await ask(citizen.cookie)).json().code).toBe('PAYMENT_ALREADY_REFUNDED');
    expect((await ask(agentPar)).statusCode).toBe(403);
  });
});
