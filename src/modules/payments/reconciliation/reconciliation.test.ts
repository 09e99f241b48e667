import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../platform/auth.ts';
import { queryRows } from '../../../platform/db.ts';
import { engines } from '../../../test/databases.ts';
import { createTestContext, makeCitizens, signIn, TEST_NOW, type TestContext } from '../../../test/harness.ts';
import { extractPdfText } from '../../reception/convocation-pdf.test-support.ts';
import { accountBalances } from '../ledger.ts';
import { decimalOf } from '../minor-units.ts';
import { type PaidStamp, paidStamp } from '../stamps.test-support.ts';

describe.each(engines)('the daily reconciliation on %s', (engine) => {
  let ctx: TestContext;
  let agentPar: string;
  let adminPar: string;
  let adminDxb: string;
  let treasury: string;
  let citizen = { accountId: '', cookie: '' };
  // Day one in Paris (2026-12-01): three online sales (one consumed, one partly refunded) and one at the counter.
  let sales: PaidStamp[];
  let counter: PaidStamp;
  const DAY = '2026-12-01';
  // Sessions last 12 hours: moving the clock to the next day needs fresh ones.
  async function moveClock(instant: string) {
    ctx.clock.set(instant);
    [agentPar, adminPar, adminDxb, treasury] = await Promise.all([
      signIn(ctx, 'agent.par@mawid.example'),
      signIn(ctx, 'admin.par@mawid.example'),
      signIn(ctx, 'admin.dxb@mawid.example'),
      signIn(ctx, 'treasury@mawid.example'),
    ]);
    if (citizen.accountId) {
      const session = await ctx.deps.sessions.create(citizen.accountId);
      citizen = { ...citizen, cookie: `${SESSION_COOKIE}=${session.token}` };
    }
  }
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await moveClock(TEST_NOW);
    citizen = (await makeCitizens(ctx, 1))[0]!;
    sales = [];
    for (const [service, amountMinor] of [
      ['passport', 8_000],
      ['passport', 8_000],
      ['legalization', 1_500],
    ] as const) {
      sales.push(await paidStamp(ctx, { accountId: citizen.accountId, service, amountMinor }));
    }
    counter = await paidStamp(ctx, {
      accountId: citizen.accountId,
      service: 'copy',
      amountMinor: 700,
      channel: 'counter',
    });
    ctx.clock.advanceMinutes(60);
    const consumed = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/stamps/${sales[0]!.number}/consume`,
      headers: { cookie: agentPar },
    });
    expect(consumed.statusCode).toBe(200);
    const refunded = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/payments/${sales[1]!.paymentId}/refunds`,
      headers: { cookie: adminPar },
      payload: { amountMinor: 2_000, expectedRefundableMinor: 8_000, reason: 'fee reduced' },
    });
    expect(refunded.statusCode).toBe(201);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const report = (cookie: string, date = DAY, suffix = '', consulateId = ctx.ids.consulates.PAR) =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/v1/treasury/consulates/${consulateId}/reconciliations/${date}${suffix}`,
      headers: { cookie },
    });
  const upload = (cookie: string, csv: string, date = DAY, consulateId = ctx.ids.consulates.PAR) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/treasury/settlement-files?consulateId=${consulateId}&date=${date}`,
      headers: { cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
  const line = (stamp: PaidStamp, type: 'SALE' | 'REFUND', amountMinor: number, date = DAY) =>
    `${date},${stamp.orderId},T-${stamp.orderId}-${type},${decimalOf(amountMinor, 'EUR')},EUR,${type}`;
  const HEADER = 'date,order_id,trans_id,amount,currency,type';

  it('balances the day to zero from the ledger: roll-forward, postings and stamps outstanding', async () => {
    const answer = await report(treasury);
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json();
    expect(body.currency).toBe('EUR');
    expect(body.liability).toEqual({
      openingMinor: 0,
      sold: { count: 4, amountMinor: 18_200 },
      soldOnline: { count: 3, amountMinor: 17_500 },
      soldCounter: { count: 1, amountMinor: 700 },
      consumed: { count: 1, amountMinor: 8_000 },
      refunded: { count: 1, amountMinor: 2_000 },
      adjustmentsMinor: 0,
      closingMinor: 8_200,
    });
    expect(body.checks).toEqual({
      dayPostingsSumMinor: 0,
      rollForwardDifferenceMinor: 0,
      outstandingStampsMinor: 8_200,
      outstandingDifferenceMinor: 0,
      balancesToZero: true,
    });
    const passport = body.byService.find((s: { code: string }) => s.code === 'passport_adult_new');
    expect(passport).toMatchObject({
      sold: { count: 2, amountMinor: 16_000 },
      consumed: { count: 1 },
      refunded: { amountMinor: 2_000 },
    });
    const account = (kind: string) => body.accounts.find((a: { kind: string }) => a.kind === kind);
    expect(account('gateway_receivable')).toMatchObject({ openingMinor: 0, closingMinor: 15_500 });
    expect(account('terminal_receivable')).toMatchObject({ closingMinor: 700 });
    expect(body.settlement).toBeNull();

    // The next day opens where this one closed.
    const next = (await report(treasury, '2026-12-02')).json();
    expect(next.liability.openingMinor).toBe(8_200);
    expect(next.checks.balancesToZero).toBe(true);
  });

  it('refuses a settlement file before the day is over, a malformed one, and the auditor’s upload', async () => {
    expect((await upload(adminPar, `${HEADER}\n${line(sales[0]!, 'SALE', 8_000)}`)).json().code).toBe(
      'SETTLEMENT_DAY_OPEN',
    );
    await moveClock('2026-12-02T07:00:00Z');
    const malformed = await upload(adminPar, `${HEADER}\n${DAY},X,T,abc,EUR,SALE`);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'SETTLEMENT_FILE_INVALID', fields: [{ path: 'line 1' }] });
    expect((await upload(treasury, `${HEADER}\n`)).statusCode).toBe(403);
    expect((await upload(adminDxb, `${HEADER}\n`)).statusCode).toBe(404);
    expect((await upload(agentPar, `${HEADER}\n`)).statusCode).toBe(403);
  });

  it('reports exactly one break for one settlement line missing, and settles the file’s net to the Treasury', async () => {
    const before = await accountBalances(ctx.db, ctx.ids.consulates.PAR, 'EUR');
    // The gateway's file lists the first two sales and the refund, but not the legalization sale.
    const csv = [
      HEADER,
      line(sales[0]!, 'SALE', 8_000),
      line(sales[1]!, 'SALE', 8_000),
      line(sales[1]!, 'REFUND', 2_000),
    ].join('\n');
    const imported = await upload(adminPar, csv);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ lineCount: 3, matchedLines: 3, breakCount: 1, netMinor: 14_000 });
    expect((await upload(adminPar, csv)).json().code).toBe('SETTLEMENT_FILE_EXISTS');

    const body = (await report(treasury)).json();
    expect(body.settlement).toMatchObject({
      lineCount: 3,
      salesMinor: 16_000,
      refundsMinor: 2_000,
      netMinor: 14_000,
      ledgerNetMinor: 15_500,
    });
    expect(body.settlement.differenceMinor).toBe(1_500);
    expect(body.settlement.breaks).toHaveLength(1);
    expect(body.settlement.breaks[0]).toMatchObject({
      reason: 'missing_in_settlement',
      orderId: sales[2]!.orderId,
      type: 'SALE',
      ledgerAmountMinor: 1_500,
      fileAmountMinor: null,
      status: 'open',
    });
    expect(body.settlement.openBreaks).toBe(1);
    expect(body.checks.balancesToZero).toBe(true);

    const after = await accountBalances(ctx.db, ctx.ids.consulates.PAR, 'EUR');
    const balance = (rows: typeof after, kind: string) => Number(rows.find((r) => r.kind === kind)?.balance ?? 0);
    expect(balance(after, 'treasury_bank') - balance(before, 'treasury_bank')).toBe(14_000);
    expect(balance(after, 'gateway_receivable')).toBe(1_500);
    const today = (await report(treasury, '2026-12-02')).json();
    expect(today.accounts.find((a: { kind: string }) => a.kind === 'treasury_bank')).toMatchObject({
      debitsMinor: 14_000,
    });
    expect(today.checks.balancesToZero).toBe(true);
  });

  it('gives the report as CSV and PDF in the reader’s language', async () => {
    const csv = await report(treasury, DAY, '.csv?lang=en');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(
      'section,item,label,service code,Number,amount (minor units),Amount,Currency,Order,Gateway transaction,file amount (minor units),Status,Reason',
    );
    expect(rows).toContain('summary,closing_balance,Closing balance,,,8200,82.00,EUR,,,,,');
    expect(rows).toContain('check,balances_to_zero,The day balances to zero.,,,,,,,,,true,');
    expect(rows.filter((r) => r.startsWith('break,'))).toEqual([
      `break,missing_in_settlement,"in the ledger, not in the file",,,1500,,EUR,${sales[2]!.orderId},,,open,`,
    ]);
    const pdf = await report(treasury, DAY, '.pdf?lang=fr');
    expect(pdf.statusCode).toBe(200);
    const text = (await extractPdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Rapprochement journalier');
    expect(text).toContain(sales[2]!.orderId);
    expect(text).toContain('La journée s');
    const arabic = await report(treasury, DAY, '.pdf?lang=ar');
    expect((await extractPdfText(arabic.rawPayload)).normalize('NFKC')).toContain('المطابقة اليومية');
  });

  it('lets the consulate’s admin resolve a break once; the auditor only reads', async () => {
    const [found] = await queryRows<{ id: string }>(
      ctx.db,
      sql`SELECT id FROM reconciliation_breaks ORDER BY created_at LIMIT 1`,
    );
    const resolve = (cookie: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/treasury/breaks/${found!.id}/resolve`,
        headers: { cookie },
        payload: { note: 'settled by the gateway on 2026-12-03 (late batch)' },
      });
    expect((await resolve(treasury)).statusCode).toBe(403);
    expect((await resolve(adminDxb)).statusCode).toBe(404);
    const done = await resolve(adminPar);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved' });
    expect((await resolve(adminPar)).json().code).toBe('BREAK_ALREADY_RESOLVED');
    const body = (await report(treasury)).json();
    expect(body.settlement.openBreaks).toBe(0);
    expect(body.settlement.breaks[0].resolutionNote).toContain('late batch');
  });

  it('turns a wrong amount, a wrong currency and a line without a movement into breaks with their reason', async () => {
    await moveClock('2026-12-02T09:00:00Z');
    const day = '2026-12-02';
    const a = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 3_000 });
    const b = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 4_000 });
    await moveClock('2026-12-03T09:00:00Z');
    const csv = [
      HEADER,
      line(a, 'SALE', 3_100, day),
      `${day},${b.orderId},T-b,40.00,MAD,SALE`,
      `${day},ET-PAR-UNKNOWN,T-u,12.00,EUR,SALE`,
    ].join('\n');
    const imported = await upload(adminPar, csv, day);
    expect(imported.json()).toMatchObject({ lineCount: 3, matchedLines: 0, breakCount: 3 });
    const breaks = (await report(treasury, day)).json().settlement.breaks as { reason: string; orderId: string }[];
    expect(breaks.map((x) => x.reason).sort()).toEqual(['amount_mismatch', 'currency_mismatch', 'missing_in_ledger']);
  });

  describe('the treasury’s lists', () => {
    const list = (path: string, cookie: string) =>
      ctx.app.inject({ method: 'GET', url: `/api/v1/treasury/${path}`, headers: { cookie } });

    it('refuses citizens, agents and the call center; keeps an admin to their consulate', async () => {
      const callCenter = await signIn(ctx, 'callcenter@mawid.example');
      for (const path of ['payments', 'stamps', 'refunds']) {
        for (const cookie of [citizen.cookie, agentPar, callCenter])
          expect((await list(path, cookie)).statusCode).toBe(403);
        expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/treasury/${path}` })).statusCode).toBe(401);
        expect((await list(`${path}?consulateId=${ctx.ids.consulates.PAR}`, adminDxb)).statusCode).toBe(404);
        const own = await list(path, adminDxb);
        expect(own.statusCode).toBe(200);
        expect(own.json().items).toEqual([]);
      }
      for (const cookie of [citizen.cookie, agentPar, callCenter]) expect((await report(cookie)).statusCode).toBe(403);
      expect((await report(adminDxb)).statusCode).toBe(404);
      expect((await report(adminPar)).statusCode).toBe(200);
    });

    it('filters and pages payments, stamps and refunds across the network', async () => {
      const seen: string[] = [];
      let next: string | null = null;
      do {
        const query: string = `payments?consulateId=${ctx.ids.consulates.PAR}&limit=2${next ? `&cursor=${next}` : ''}`;
        const page = (await list(query, treasury)).json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((p: { id: string }) => p.id));
        next = page.next;
      } while (next);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(6);

      const partly = (await list('payments?status=partially_refunded&currency=EUR', treasury)).json().items;
      expect(partly.map((p: { id: string }) => p.id)).toEqual([sales[1]!.paymentId]);
      expect(partly[0]).toMatchObject({ refundedMinor: 2_000, stampNumber: sales[1]!.number, consulateCode: 'PAR' });
      const firstDay = (await list(`payments?from=${DAY}&to=${DAY}`, treasury)).json().items;
      expect(firstDay).toHaveLength(4);
      const consumed = (await list('stamps?status=consumed', treasury)).json().items;
      expect(consumed.map((s: { number: string }) => s.number)).toEqual([sales[0]!.number]);
      const refunds = (await list(`refunds?consulateId=${ctx.ids.consulates.PAR}`, treasury)).json().items;
      expect(refunds).toHaveLength(1);
      expect(refunds[0]).toMatchObject({ paymentId: sales[1]!.paymentId, amountMinor: 2_000, gatewayReference: null });
      expect((await list('payments?limit=500', treasury)).statusCode).toBe(400);
      expect((await list('payments?cursor=nonsense', treasury)).statusCode).toBe(400);
      expect(counter.orderId).toMatch(/^ET-PAR-/);
    });
  });
});
