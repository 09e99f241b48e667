import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { decodePdfQr, extractPdfText } from '../reception/convocation-pdf.test-support.ts';
import { accountBalances } from './ledger.ts';
import { dammCheckDigit, formatStampNumber } from './stamp-number.ts';
import { stampQrText } from './stamp-signature.ts';
import { auditOf, type PaidStamp, paidStamp } from './stamps.test-support.ts';

describe.each(engines)('stamps after payment on %s', (engine) => {
  let ctx: TestContext;
  let agentPar: string;
  let adminPar: string;
  let agentDxb: string;
  let treasury: string;
  let citizen: { accountId: string; cookie: string };
  let stranger: { accountId: string; cookie: string };
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    [agentPar, adminPar, agentDxb, treasury] = await Promise.all([
      signIn(ctx, 'agent.par@mawid.example'),
      signIn(ctx, 'admin.par@mawid.example'),
      signIn(ctx, 'agent.dxb@mawid.example'),
      signIn(ctx, 'treasury@mawid.example'),
    ]);
    const made = await makeCitizens(ctx, 2);
    citizen = made[0]!;
    stranger = made[1]!;
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const consume = (number: string, cookie: string, payload: object = {}) =>
    ctx.app.inject({ method: 'POST', url: `/api/v1/staff/stamps/${number}/consume`, headers: { cookie }, payload });
  const verify = (number: string) =>
    ctx.app.inject({ method: 'GET', url: `/api/v1/stamps/${encodeURIComponent(number)}` });
  const stampRow = async (id: string) =>
    (
      await queryRows<{ status: string; consumed_by: string | null }>(
        ctx.db,
        sql`SELECT status, consumed_by FROM stamps WHERE id = ${id}`,
      )
    )[0]!;

  describe('consumption', () => {
    it('lets exactly one of two counters consume a stamp at once and books the revenue once (serving completes the request, not this)', async () => {
      const stamp = await paidStamp(ctx, { accountId: citizen.accountId });
      const before = await accountBalances(ctx.db, stamp.consulateId, stamp.currency);
      const answers = await Promise.all([consume(stamp.number, agentPar), consume(stamp.number, adminPar)]);
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses, answers.map((a) => a.body).join('\n')).toEqual([200, 409]);
      const winner = answers.find((a) => a.statusCode === 200)!.json();
      expect(winner).toMatchObject({
        number: stamp.number,
        status: 'consumed',
        requestStatus: 'accepted',
        revenueMinor: stamp.amountMinor,
      });
      expect(answers.find((a) => a.statusCode === 409)!.json().code).toBe('STAMP_ALREADY_CONSUMED');

      const [entries] = await queryRows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM ledger_entries WHERE stamp_id = ${stamp.stampId} AND kind = 'stamp_consumed'`,
      );
      expect(entries!.n).toBe(1);
      const after = await accountBalances(ctx.db, stamp.consulateId, stamp.currency);
      const balance = (rows: typeof after, kind: string, serviceId: string | null = null) =>
        Number(rows.find((r) => r.kind === kind && r.service_id === serviceId)?.balance ?? 0);
      expect(balance(after, 'stamp_liability') - balance(before, 'stamp_liability')).toBe(stamp.amountMinor);
      expect(balance(after, 'fee_revenue', stamp.serviceId) - balance(before, 'fee_revenue', stamp.serviceId)).toBe(
        -stamp.amountMinor,
      );
      const [request] = await queryRows<{ status: string }>(
        ctx.db,
        sql`SELECT status FROM requests WHERE id = ${stamp.requestId}`,
      );
      expect(request!.status).toBe('accepted');
      const actions = (await auditOf(ctx, stamp.stampId)).map((e) => e.action);
      expect(actions).toEqual(['stamp.issued', 'stamp.consumed', 'stamp.consume_refused']);
      expect((await auditOf(ctx, stamp.requestId)).map((e) => e.action)).not.toContain('request.completed');
    });

    it('refuses a second consumption anywhere, and audits every refused attempt', async () => {
      const stamp = await paidStamp(ctx, { accountId: citizen.accountId });
      expect((await consume(stamp.number, agentPar)).statusCode).toBe(200);
      const again = await consume(formatStampNumber(stamp.number), adminPar);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('STAMP_ALREADY_CONSUMED');
      const elsewhere = await consume(stamp.number, agentDxb);
      expect(elsewhere.statusCode).toBe(404);
      expect(elsewhere.json().code).toBe('STAMP_NOT_FOUND');
      const refusals = (await auditOf(ctx, stamp.stampId)).filter((e) => e.action === 'stamp.consume_refused');
      expect(refusals.map((e) => e.reason)).toEqual(['already_consumed', 'other_consulate']);
    });

    it('answers 404 at another consulate, as for an unknown number, changes nothing and audits the attempt', async () => {
      const stamp = await paidStamp(ctx, { accountId: citizen.accountId });
      const answer = await consume(stamp.number, agentDxb);
      expect(answer.statusCode).toBe(404);
      expect(answer.json().code).toBe('STAMP_NOT_FOUND');
      expect((await stampRow(stamp.stampId)).status).toBe('valid');
      const refused = (await auditOf(ctx, stamp.stampId)).filter((e) => e.action === 'stamp.consume_refused');
      expect(refused).toHaveLength(1);
      expect(refused[0]!.reason).toBe('other_consulate');
      expect((await consume(stamp.number, agentPar)).statusCode).toBe(200);
    });

    it('refuses the wrong service (422), a bad check digit (400), and roles that never consume (403)', async () => {
      const stamp = await paidStamp(ctx, { accountId: citizen.accountId });
      const wrong = await consume(stamp.number, agentPar, { serviceId: ctx.ids.services.copy });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().code).toBe('STAMP_WRONG_SERVICE');
      const typo = `${stamp.number.slice(0, 15)}${(Number(stamp.number[15]) + 1) % 10}`;
      expect((await consume(typo, agentPar)).json().code).toBe('STAMP_NUMBER_INVALID');
      expect((await consume(stamp.number, citizen.cookie)).statusCode).toBe(403);
      expect((await consume(stamp.number, treasury)).statusCode).toBe(403);
      expect(
        (await ctx.app.inject({ method: 'POST', url: `/api/v1/staff/stamps/${stamp.number}/consume` })).statusCode,
      ).toBe(401);
      expect((await stampRow(stamp.stampId)).status).toBe('valid');
      const right = await consume(stamp.number, agentPar, { serviceId: stamp.serviceId });
      expect(right.statusCode).toBe(200);
      expect((await stampRow(stamp.stampId)).consumed_by).not.toBeNull();
    });
  });

  describe('public verification', () => {
    let stamp: PaidStamp;
    beforeAll(async () => {
      stamp = await paidStamp(ctx, { accountId: citizen.accountId, service: 'legalization' });
    });

    it('answers by number, with or without spaces, what the stamp pays for and nothing personal', async () => {
      for (const typed of [
        stamp.number,
        formatStampNumber(stamp.number),
        stamp.number.replace(/(\d{4})/g, '$1-').slice(0, -1),
      ]) {
        const answer = await verify(typed);
        expect(answer.statusCode, answer.body).toBe(200);
        const body = answer.json();
        expect(body).toMatchObject({
          number: stamp.number,
          status: 'valid',
          amountMinor: stamp.amountMinor,
          currency: stamp.currency,
          consulate: { code: 'PAR' },
          service: { code: 'signature_legalization' },
          payload: { v: 1, number: stamp.number, consulate: 'PAR', amountMinor: stamp.amountMinor },
        });
        expect(Object.keys(body).sort()).toEqual(
          [
            'amountMinor',
            'consulate',
            'currency',
            'issuedAt',
            'number',
            'payload',
            'service',
            'signature',
            'status',
          ].sort(),
        );
      }
      const [owner] = await queryRows<{ email: string; family_name_latin: string; reference: string }>(
        ctx.db,
        sql`SELECT a.email, p.family_name_latin, r.reference FROM requests r JOIN accounts a ON a.id = r.account_id
            JOIN persons p ON p.id = r.person_id WHERE r.id = ${stamp.requestId}`,
      );
      const text = (await verify(stamp.number)).body;
      for (const personal of [
        owner!.email,
        owner!.family_name_latin,
        owner!.reference,
        stamp.requestId,
        stamp.paymentId,
        stamp.orderId,
      ]) {
        expect(text).not.toContain(personal);
      }
    });

    it('refuses a bad check digit with 400 and an unknown number with 404', async () => {
      const typo = `${stamp.number.slice(0, 5)}${(Number(stamp.number[5]) + 3) % 10}${stamp.number.slice(6)}`;
      expect((await verify(typo)).json().code).toBe('STAMP_NUMBER_INVALID');
      expect((await verify('1234')).statusCode).toBe(400);
      expect((await verify('abcd efgh ijkl mnop')).statusCode).toBe(400);
      const unused = '100000000000000';
      const missing = await verify(`${unused}${dammCheckDigit(unused)}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('STAMP_NOT_FOUND');
    });

    it('checks a QR code offline-style: the genuine one passes, any tampering is refused', async () => {
      const { payload, signature } = (await verify(stamp.number)).json();
      const qr = stampQrText(payload, signature);
      const good = await ctx.app.inject({ method: 'POST', url: '/api/v1/stamps/verify-qr', payload: { qr } });
      expect(good.statusCode, good.body).toBe(200);
      expect(good.json()).toMatchObject({ number: stamp.number, status: 'valid' });

      const richer = stampQrText({ ...payload, amountMinor: payload.amountMinor * 10 }, signature);
      const otherSignature = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
      for (const tampered of [
        richer,
        stampQrText(payload, otherSignature),
        qr.replace('.', ''),
        `${qr}.x`,
        'not a qr',
      ]) {
        const answer = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/stamps/verify-qr',
          payload: { qr: tampered },
        });
        expect(answer.statusCode, tampered).toBe(400);
        expect(answer.json().code).toBe('STAMP_QR_INVALID');
      }
    });

    it('publishes the public key, as JSON and at the well-known address', async () => {
      const json = await ctx.app.inject({ method: 'GET', url: '/api/v1/stamps/public-key' });
      expect(json.json()).toMatchObject({ algorithm: 'Ed25519', publicKeyPem: ctx.deps.keys.signingPublicKeyPem });
      const pem = await ctx.app.inject({ method: 'GET', url: '/.well-known/mawid-stamp-key.pem' });
      expect(pem.statusCode).toBe(200);
      expect(pem.body).toBe(ctx.deps.keys.signingPublicKeyPem);
      expect(pem.body).toContain('BEGIN PUBLIC KEY');
    });

    it('shows a consumption at once', async () => {
      const fresh = await paidStamp(ctx, { accountId: citizen.accountId });
      expect((await verify(fresh.number)).json().status).toBe('valid');
      expect((await consume(fresh.number, agentPar)).statusCode).toBe(200);
      expect((await verify(fresh.number)).json().status).toBe('consumed');
    });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/v1/stamps/{number}',
      '/api/v1/stamps/verify-qr',
      '/api/v1/stamps/{number}/receipt.pdf',
      '/api/v1/staff/stamps/{number}/consume',
      '/api/v1/staff/payments/{paymentId}/refunds',
      '/api/v1/payments/{paymentId}/refund-request',
      '/api/v1/treasury/payments',
      '/api/v1/treasury/settlement-files',
      '/api/v1/treasury/consulates/{consulateId}/reconciliations/{date}',
      '/api/v1/treasury/breaks/{breakId}/resolve',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
  });

  describe('the receipt', () => {
    it('carries the grouped number, the amount, the service and a QR code that verifies', async () => {
      const stamp = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 12_345 });
      const answer = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/stamps/${stamp.number}/receipt.pdf?lang=fr`,
        headers: { cookie: citizen.cookie },
      });
      expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200);
      expect(answer.headers['content-type']).toBe('application/pdf');
      const pdf = answer.rawPayload;
      const text = (await extractPdfText(pdf)).replace(/\s+/g, ' ');
      expect(text).toContain(formatStampNumber(stamp.number));
      expect(text).toMatch(/123,45\s?€/);
      expect(text).toContain('En ligne, par carte');
      const qr = decodePdfQr(pdf);
      expect(qr).not.toBeNull();
      const checked = await ctx.app.inject({ method: 'POST', url: '/api/v1/stamps/verify-qr', payload: { qr } });
      expect(checked.json().number).toBe(stamp.number);
    });

    it('reads in Arabic, right to left, with the amount and the number', async () => {
      const stamp = await paidStamp(ctx, { accountId: citizen.accountId, amountMinor: 15_000 });
      const answer = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/stamps/${stamp.number}/receipt.pdf?lang=ar`,
        headers: { cookie: agentPar },
      });
      expect(answer.statusCode).toBe(200);
      const text = (await extractPdfText(answer.rawPayload)).normalize('NFKC');
      expect(text).toContain('رقم الطابع');
      expect(text).toContain(formatStampNumber(stamp.number));
      expect(text).toContain('150,00');
    });

    it('is for the payer and the staff of the consulate only', async () => {
      const stamp = await paidStamp(ctx, { accountId: citizen.accountId });
      const get = (cookie: string) =>
        ctx.app.inject({ method: 'GET', url: `/api/v1/stamps/${stamp.number}/receipt.pdf`, headers: { cookie } });
      expect((await get(stranger.cookie)).statusCode).toBe(404);
      expect((await get(agentDxb)).statusCode).toBe(404);
      expect((await get(treasury)).statusCode).toBe(403);
      expect((await get(adminPar)).statusCode).toBe(200);
    });
  });
});
