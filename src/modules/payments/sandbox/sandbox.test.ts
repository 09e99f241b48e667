import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.ts';
import type { App } from '../../../platform/http.ts';
import { registerProblemHandlers } from '../../../platform/problem.ts';
import { hasValidCmiHash } from '../cmi-hash.ts';
import { buildCmiForm } from '../gateways/cmi-protocol.ts';
import { createSandboxGateway } from '../gateways/sandbox-gateway.ts';
import { sandboxRoutes } from './sandbox.routes.ts';
import { answerSandboxApi } from './sandbox-api.ts';
import { type Deliver, DUPLICATE_COUNT, SANDBOX_API_USER, SANDBOX_CLIENT_ID, SandboxBank } from './sandbox-bank.ts';
import { cardPage, refusedPage, returnPage, sandboxCatalogues } from './sandbox-pages.ts';
import { maskCardNumber, passesLuhn, TEST_CARDS, testCardOutcome } from './test-cards.ts';

const STORE_KEY = 'SANDBOX-TEST-KEY';
const urls = {
  okUrl: 'http://mawid.test/api/v1/payments/return/ok',
  failUrl: 'http://mawid.test/api/v1/payments/return/fail',
  callbackUrl: 'http://mawid.test/api/v1/payments/callback/sandbox',
  shopUrl: 'http://mawid.test/requests/r/payment?result=cancelled',
};

function setUp(reply = 'ACTION=POSTAUTH') {
  const delivered: Record<string, string>[] = [];
  const deliver: Deliver = async (_url, fields) => {
    delivered.push(fields);
    return reply;
  };
  const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
  const bank = new SandboxBank({ storeKey: STORE_KEY, clock, deliver });
  const gateway = createSandboxGateway({ publicUrl: 'http://mawid.test', storeKey: STORE_KEY, bank });
  let counter = 0;
  const newOrder = () => {
    counter++;
    return buildCmiForm(
      { clientId: SANDBOX_CLIENT_ID, storeKey: STORE_KEY, gatewayUrl: 'http://mawid.test/sandbox/cmi/est3Dgate' },
      { orderId: `ET-PAR-TEST${String(counter).padStart(6, '0')}`, amountMinor: 15000, currency: 'EUR' },
      urls,
      'fr',
    ).fields;
  };
  const open = (fields: Record<string, string>) => {
    const opened = bank.openOrder(fields);
    if (!opened.ok) throw new Error(opened.reason);
    return opened.order;
  };
  return { bank, gateway, delivered, newOrder, open };
}

describe('the sandbox’s test cards', () => {
  it('are valid card numbers with one outcome each; other valid numbers are declined, invalid ones refused', () => {
    for (const card of TEST_CARDS) {
      expect(passesLuhn(card.number)).toBe(true);
      expect(testCardOutcome(card.number.replace(/(\d{4})/g, '$1 '))).toBe(card.outcome);
    }
    expect(TEST_CARDS.map((c) => c.outcome)).toEqual(['approved', 'declined', 'error', 'authentication_failed']);
    expect(testCardOutcome('4111111111111111')).toBe('declined');
    expect(testCardOutcome('4000000000000003')).toBeNull();
    expect(testCardOutcome('hello')).toBeNull();
    expect(maskCardNumber('4000 0000 0000 0002')).toBe('400000******0002');
  });
});

describe('the sandbox bank', () => {
  it('refuses a form whose HASH does not verify, or from another merchant', () => {
    const { bank, newOrder } = setUp();
    const fields = newOrder();
    expect(bank.openOrder({ ...fields, amount: '1.00' })).toEqual({ ok: false, reason: 'bad_hash' });
    const foreign = buildCmiForm(
      { clientId: 'another', storeKey: STORE_KEY, gatewayUrl: 'x' },
      { orderId: 'ET-X', amountMinor: 100, currency: 'EUR' },
      urls,
      'fr',
    );
    expect(bank.openOrder(foreign.fields)).toEqual({ ok: false, reason: 'unknown_merchant' });
    expect(bank.status(fields.oid!).status).toBe('unknown');
  });

  it('pays with a test card, calls back once with a signed answer, and returns the browser', async () => {
    const { bank, gateway, delivered, newOrder, open } = setUp();
    const fields = newOrder();
    const order = open(fields);
    expect(bank.status(order.orderId).status).toBe('pending');
    const paid = await bank.pay(order.session, { number: '4000 0000 0000 0002', expiry: '12/30' });
    expect(paid.kind).toBe('done');
    if (paid.kind !== 'done') return;
    expect(paid.returnUrl).toBe(urls.okUrl);
    expect(delivered).toHaveLength(1);
    const answer = delivered[0]!;
    expect(hasValidCmiHash(answer, STORE_KEY)).toBe(true);
    expect(answer).toMatchObject({
      oid: order.orderId,
      amount: '150.00',
      currency: '978',
      ProcReturnCode: '00',
      Response: 'Approved',
      mdStatus: '1',
      maskedCreditCard: '400000******0002',
      'EXTRA.TRXDATE': '20261201 08:00:00',
    });
    expect(answer.AuthCode).toMatch(/^P\d{5}$/);
    expect(answer.HostRefNum).toMatch(/^\d{12}$/);
    expect(JSON.stringify(answer)).not.toContain('4000000000000002');
    expect(paid.fields).toEqual(answer);
    // The merchant answered ACTION=POSTAUTH: captured.
    expect(await gateway.queryStatus(order.orderId)).toMatchObject({
      status: 'approved',
      isCaptured: true,
      amountMinor: 15000,
      currency: 'EUR',
      transactionId: answer.TransId,
    });
    expect((await bank.pay(order.session, { number: '4000000000000002' })).kind).toBe('already_paid');
    expect(bank.openOrder(fields)).toEqual({ ok: false, reason: 'already_paid' });
  });

  it('answers each test card as its outcome says', async () => {
    const expected = {
      declined: { ProcReturnCode: '05', Response: 'Declined', mdStatus: '1', AuthCode: '' },
      error: { ProcReturnCode: '99', Response: 'Error', mdStatus: '1' },
      authentication_failed: { ProcReturnCode: '', Response: 'Declined', mdStatus: '0' },
    };
    for (const [outcome, fields] of Object.entries(expected)) {
      const { bank, gateway, delivered, newOrder, open } = setUp('APPROVED');
      const order = open(newOrder());
      const card = TEST_CARDS.find((c) => c.outcome === outcome)!;
      const paid = await bank.pay(order.session, { number: card.number });
      expect(paid.kind === 'done' && paid.returnUrl).toBe(urls.failUrl);
      expect(delivered[0], outcome).toMatchObject(fields);
      expect(gateway.verifyCallback(delivered[0]!)?.outcome).toBe(outcome);
      expect((await gateway.queryStatus(order.orderId)).status).toBe('declined');
    }
  });

  it('shows the card page again for a number that is not a card, and lets the citizen retry after a decline', async () => {
    const { bank, delivered, newOrder, open } = setUp();
    const order = open(newOrder());
    expect((await bank.pay(order.session, { number: '1234' })).kind).toBe('invalid_card');
    expect(delivered).toHaveLength(0);
    await bank.pay(order.session, { number: '4000000000000010' });
    await bank.pay(order.session, { number: '4000000000000002' });
    expect(delivered.map((d) => d.Response)).toEqual(['Declined', 'Approved']);
    expect(bank.status(order.orderId)).toMatchObject({ status: 'approved' });
    expect((await bank.pay('no-such-session', { number: '4000000000000002' })).kind).toBe('unknown_session');
  });

  it('follows the switches: duplicated, tampered, dropped, delayed', async () => {
    const { bank, delivered, newOrder, open } = setUp();
    const pay = async (mode: Parameters<SandboxBank['setSwitch']>[1]) => {
      const order = open(newOrder());
      bank.setSwitch(order.orderId, mode);
      delivered.length = 0;
      await bank.pay(order.session, { number: '4000000000000002' });
      return order;
    };
    await pay({ mode: 'duplicated' });
    expect(delivered).toHaveLength(DUPLICATE_COUNT);
    expect(new Set(delivered.map((d) => d.HASH)).size).toBe(1);

    await pay({ mode: 'tampered' });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.amount).toBe('1150.00');
    expect(hasValidCmiHash(delivered[0]!, STORE_KEY)).toBe(false);

    const dropped = await pay({ mode: 'dropped' });
    expect(delivered).toHaveLength(0);
    expect(bank.status(dropped.orderId)).toMatchObject({ status: 'approved', isCaptured: false });
    expect(bank.capture(dropped.orderId).isCaptured).toBe(true);
    expect(bank.status(dropped.orderId).isCaptured).toBe(true);

    await pay({ mode: 'delayed', delayMs: 30 });
    expect(delivered).toHaveLength(0);
    await bank.idle();
    expect(delivered).toHaveLength(1);
  });

  it('delays by the documented 2 seconds when a switch names no delay', () => {
    const { bank } = setUp();
    expect(bank.setSwitch('ET-PAR-NODELAY', { mode: 'delayed' })).toEqual({ mode: 'delayed', delayMs: 2_000 });
    expect(bank.switchOf('ET-PAR-NODELAY')).toEqual({ mode: 'delayed', delayMs: 2_000 });
    expect(bank.setSwitch('ET-PAR-DELAY', { mode: 'delayed', delayMs: 0 }).delayMs).toBe(0);
  });

  it('records an unreachable merchant and tells about it, without card data', async () => {
    const problems: { orderId: string }[] = [];
    const bank = new SandboxBank({
      storeKey: STORE_KEY,
      clock: new ManualClock(new Date('2026-12-01T08:00:00Z')),
      deliver: async () => {
        throw new Error('ECONNREFUSED');
      },
      onDeliveryProblem: (problem) => problems.push(problem),
    });
    const { newOrder } = setUp();
    const opened = bank.openOrder(newOrder());
    if (!opened.ok) throw new Error(opened.reason);
    await bank.pay(opened.order.session, { number: '4000000000000002' });
    expect(opened.order.callbackReplies).toEqual(['unreachable']);
    expect(problems.map((p) => p.orderId)).toEqual([opened.order.orderId]);
    expect(bank.status(opened.order.orderId).isCaptured).toBe(false);
  });

  it('answers the XML API like the CMI’s, to its credentials only', async () => {
    const { bank, open, newOrder } = setUp('APPROVED');
    const order = open(newOrder());
    await bank.pay(order.session, { number: '4000000000000002' });
    const request = (type: string) =>
      `<CC5Request><Name>${SANDBOX_API_USER}</Name><Password>${STORE_KEY}</Password><ClientId>${SANDBOX_CLIENT_ID}</ClientId>${type}<OrderId>${order.orderId}</OrderId><Extra><ORDERSTATUS>QUERY</ORDERSTATUS></Extra></CC5Request>`;
    expect(answerSandboxApi(bank, STORE_KEY, request(''))).toContain('<TRANS_STAT>PA</TRANS_STAT>');
    expect(answerSandboxApi(bank, STORE_KEY, request('<Type>PostAuth</Type>'))).toContain(
      '<ProcReturnCode>00</ProcReturnCode>',
    );
    expect(answerSandboxApi(bank, STORE_KEY, request(''))).toContain('<TRANS_STAT>C</TRANS_STAT>');
    expect(answerSandboxApi(bank, 'WRONG-KEY', request(''))).toContain('Invalid API credentials');
    expect(answerSandboxApi(bank, STORE_KEY, '<nope')).toContain('<Response>Error</Response>');
  });
});

describe('the sandbox’s switches over HTTP', () => {
  let app: App;
  beforeAll(async () => {
    app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>() as unknown as App;
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerProblemHandlers(app);
    sandboxRoutes(app, { bank: setUp().bank, storeKey: STORE_KEY });
    await app.ready();
  });
  afterAll(() => app.close());

  const setSwitch = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/sandbox/cmi/switches', payload });

  it('applies the documented default delay when delayMs is left out', async () => {
    const response = await setSwitch({ oid: 'ET-PAR-HTTP1', callback: 'delayed' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ oid: 'ET-PAR-HTTP1', callback: 'delayed', delayMs: 2_000 });
    const normal = await setSwitch({ oid: 'ET-PAR-HTTP2', callback: 'dropped' });
    expect(normal.json()).toEqual({ oid: 'ET-PAR-HTTP2', callback: 'dropped', delayMs: 2_000 });
  });

  it('keeps a given delay, and refuses a delay out of range as bad input', async () => {
    expect((await setSwitch({ oid: 'ET-PAR-HTTP3', callback: 'delayed', delayMs: 150 })).json().delayMs).toBe(150);
    const refused = await setSwitch({ oid: 'ET-PAR-HTTP4', callback: 'delayed', delayMs: -1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([expect.objectContaining({ path: 'body.delayMs' })]);
  });
});

describe('the sandbox’s pages', () => {
  it('has the same messages in Arabic, French and English', () => {
    const keys = Object.keys(sandboxCatalogues.en).sort();
    expect(Object.keys(sandboxCatalogues.fr).sort()).toEqual(keys);
    expect(Object.keys(sandboxCatalogues.ar).sort()).toEqual(keys);
    for (const catalogue of Object.values(sandboxCatalogues))
      for (const text of Object.values(catalogue)) expect(text.trim()).not.toBe('');
  });

  it('shows the card page in the asked language and direction, with the sandbox banner and the test cards', () => {
    const page = cardPage({
      locale: 'ar',
      orderId: 'ET-PAR-<b>',
      amountText: '150.00',
      currency: 'EUR',
      shopUrl: 'http://mawid.test/requests/r/payment?result=cancelled&x="1"',
      session: 'abc',
      mode: 'dropped',
    });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain(sandboxCatalogues.ar.banner);
    expect(page).toContain('4000 0000 0000 0002');
    expect(page).toContain('ET-PAR-&lt;b&gt;');
    expect(page).toContain('&amp;x=&quot;1&quot;');
    expect(page).toContain('<option value="dropped" selected>');
    expect(page).not.toMatch(/<script>/);
    expect(refusedPage('en', 'bad_hash')).toContain('<html lang="en" dir="ltr">');
  });

  it('returns the browser with an auto-submitted form carrying the signed fields', () => {
    const page = returnPage('fr', 'http://mawid.test/api/v1/payments/return/ok', { oid: 'ET-1', HASH: 'a+b/c=' });
    expect(page).toContain('<form id="return" method="post" action="http://mawid.test/api/v1/payments/return/ok">');
    expect(page).toContain('<input type="hidden" name="HASH" value="a+b/c=">');
    expect(page).toContain('<script src="/sandbox/cmi/autosubmit.js" defer></script>');
  });
});
