import { randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import { cmiHashVer3, hasValidCmiHash } from '../cmi-hash.ts';
import { attemptOutcomeOf, fieldOf } from '../gateways/cmi-protocol.ts';
import { alphaCurrencyCode, minorFromGatewayAmount } from '../gateways/currency-codes.ts';
import { maskCardNumber, type TestCardOutcome, testCardOutcome } from './test-cards.ts';

/**
 * The sandbox acquirer: what the CMI does on its side of the protocol, in this process's memory. It
 * checks the merchant's signed form, takes a test card, signs its answer with the store key, calls
 * the merchant back server to server, and answers status queries. It never keeps a card number: an
 * attempt keeps the outcome only (the masked number travels in the answer, as the real one's does).
 */
export const SANDBOX_CLIENT_ID = 'mawid-sandbox';
export const SANDBOX_API_USER = 'sandbox-api';

export const callbackModes = ['normal', 'delayed', 'duplicated', 'dropped', 'tampered'] as const;
export type CallbackMode = (typeof callbackModes)[number];
export interface CallbackSwitch {
  mode: CallbackMode;
  delayMs: number;
}
const DEFAULT_SWITCH: CallbackSwitch = { mode: 'normal', delayMs: 2_000 };
// A duplicated callback is sent this many times at once.
export const DUPLICATE_COUNT = 3;

/** Posts a form server to server and returns the body of the answer. */
export type Deliver = (url: string, fields: Record<string, string>) => Promise<string>;

export const deliverByHttp: Deliver = async (url, fields) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  return response.text();
};

interface Attempt {
  outcome: TestCardOutcome;
  at: Date;
  transactionId: string;
  authorizationCode: string;
}

export interface SandboxOrder {
  orderId: string;
  // The merchant's form as received, minus its HASH.
  form: Record<string, string>;
  session: string;
  attempts: Attempt[];
  isCaptured: boolean;
  // What the merchant answered each callback (ACTION=POSTAUTH, APPROVED, FAILURE, or unreachable).
  callbackReplies: string[];
}

export type OpenResult =
  | { ok: true; order: SandboxOrder }
  | { ok: false; reason: 'bad_hash' | 'missing_fields' | 'unknown_merchant' | 'already_paid' };

export type PayResult =
  | { kind: 'unknown_session' }
  | { kind: 'invalid_card'; order: SandboxOrder }
  | { kind: 'already_paid'; order: SandboxOrder }
  | { kind: 'done'; order: SandboxOrder; outcome: TestCardOutcome; returnUrl: string; fields: Record<string, string> };

export interface SandboxStatus {
  status: 'approved' | 'declined' | 'pending' | 'unknown';
  isCaptured: boolean;
  transactionId: string | null;
  authorizationCode: string | null;
  amountMinor: number | null;
  currency: string | null;
  procReturnCode: string | null;
}

const REQUIRED_FIELDS = ['clientid', 'oid', 'amount', 'currency', 'okUrl', 'failUrl', 'callbackUrl', 'rnd', 'HASH'];

const RESPONSES: Record<
  TestCardOutcome,
  { ProcReturnCode: string; Response: string; mdStatus: string; ErrMsg: string }
> = {
  approved: { ProcReturnCode: '00', Response: 'Approved', mdStatus: '1', ErrMsg: '' },
  declined: { ProcReturnCode: '05', Response: 'Declined', mdStatus: '1', ErrMsg: 'Do not honour' },
  error: { ProcReturnCode: '99', Response: 'Error', mdStatus: '1', ErrMsg: 'Issuer unavailable' },
  authentication_failed: {
    ProcReturnCode: '',
    Response: 'Declined',
    mdStatus: '0',
    ErrMsg: '3-D Secure authentication failed',
  },
};

const digits = (count: number) => Array.from({ length: count }, () => randomInt(0, 10)).join('');
const pad = (n: number) => String(n).padStart(2, '0');
const trxDate = (at: Date) =>
  `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;

/**
 * The gateway's signed answer to one attempt: the merchant's fields, the outcome, a masked card
 * number and the card's expiry (which the merchant must not keep), then HASH over all of it.
 */
export function signedAnswer(
  form: Readonly<Record<string, string>>,
  attempt: { outcome: TestCardOutcome; transactionId: string; authorizationCode: string; at: Date },
  card: { number: string; expiry?: string },
  storeKey: string,
): Record<string, string> {
  const [month = '', year = ''] = (card.expiry ?? '').split('/').map((part) => part.trim());
  const response = RESPONSES[attempt.outcome];
  const fields: Record<string, string> = {
    ...form,
    ...response,
    AuthCode: attempt.outcome === 'approved' ? attempt.authorizationCode : '',
    TransId: attempt.transactionId,
    HostRefNum: attempt.outcome === 'approved' ? digits(12) : '',
    'EXTRA.TRXDATE': trxDate(attempt.at),
    'EXTRA.CARDBRAND': 'VISA',
    maskedCreditCard: maskCardNumber(card.number),
    Ecom_Payment_Card_ExpDate_Month: month,
    Ecom_Payment_Card_ExpDate_Year: year,
  };
  delete fields.HASH;
  fields.HASH = cmiHashVer3(fields, storeKey);
  return fields;
}

export class SandboxBank {
  private readonly orders = new Map<string, SandboxOrder>();
  private readonly sessions = new Map<string, string>();
  private readonly switches = new Map<string, CallbackSwitch>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxOrders: number;

  constructor(
    private readonly deps: {
      storeKey: string;
      clock: Clock;
      deliver?: Deliver;
      // Told when a callback could not be delivered (never with card data).
      onDeliveryProblem?: (problem: { orderId: string; error: unknown }) => void;
      maxOrders?: number;
    },
  ) {
    this.maxOrders = deps.maxOrders ?? 20_000;
  }

  /** The merchant's form arrives with the browser: check it as the real gateway would. */
  openOrder(fields: Readonly<Record<string, string>>): OpenResult {
    if (!hasValidCmiHash(fields, this.deps.storeKey)) return { ok: false, reason: 'bad_hash' };
    if (REQUIRED_FIELDS.some((name) => !fieldOf(fields, name))) return { ok: false, reason: 'missing_fields' };
    if (fieldOf(fields, 'clientid') !== SANDBOX_CLIENT_ID) return { ok: false, reason: 'unknown_merchant' };
    const orderId = fieldOf(fields, 'oid')!;
    const form = { ...fields };
    for (const name of Object.keys(form)) if (name.toLowerCase() === 'hash') delete form[name];
    const existing = this.orders.get(orderId);
    if (existing?.attempts.some((a) => a.outcome === 'approved')) return { ok: false, reason: 'already_paid' };
    const order: SandboxOrder = existing ?? {
      orderId,
      form,
      session: '',
      attempts: [],
      isCaptured: false,
      callbackReplies: [],
    };
    if (existing) this.sessions.delete(existing.session);
    order.form = form;
    order.session = randomBytes(18).toString('base64url');
    this.sessions.set(order.session, orderId);
    this.orders.set(orderId, order);
    this.forgetOldest();
    return { ok: true, order };
  }

  orderBySession(session: string): SandboxOrder | undefined {
    const orderId = this.sessions.get(session);
    return orderId === undefined ? undefined : this.orders.get(orderId);
  }

  order(orderId: string): SandboxOrder | undefined {
    return this.orders.get(orderId);
  }

  setSwitch(orderId: string, value: Partial<CallbackSwitch> & { mode: CallbackMode }): CallbackSwitch {
    // Field by field: a spread would let an absent `delayMs` (undefined) replace the default.
    const merged: CallbackSwitch = { mode: value.mode, delayMs: value.delayMs ?? DEFAULT_SWITCH.delayMs };
    this.switches.set(orderId, merged);
    return merged;
  }

  switchOf(orderId: string): CallbackSwitch {
    return this.switches.get(orderId) ?? DEFAULT_SWITCH;
  }

  /**
   * The citizen submits a card on the hosted page. The callback goes out before the browser is
   * sent back (as the real gateway does), except when a switch delays or drops it.
   */
  async pay(session: string, card: { number: string; expiry?: string }, mode?: CallbackMode): Promise<PayResult> {
    const order = this.orderBySession(session);
    if (!order) return { kind: 'unknown_session' };
    if (order.attempts.some((a) => a.outcome === 'approved')) return { kind: 'already_paid', order };
    const outcome = testCardOutcome(card.number);
    if (!outcome) return { kind: 'invalid_card', order };
    const attempt: Attempt = {
      outcome,
      at: this.deps.clock.now(),
      transactionId: `${digits(5)}${randomBytes(4).toString('hex').toUpperCase()}`,
      authorizationCode: `P${digits(5)}`,
    };
    order.attempts.push(attempt);
    const fields = signedAnswer(order.form, attempt, card, this.deps.storeKey);
    const chosen = { ...this.switchOf(order.orderId), ...(mode ? { mode } : {}) };
    await this.callBack(order, fields, chosen);
    const returnUrl = (outcome === 'approved' ? fieldOf(order.form, 'okUrl') : fieldOf(order.form, 'failUrl')) ?? '';
    return { kind: 'done', order, outcome, returnUrl, fields };
  }

  private async callBack(order: SandboxOrder, fields: Record<string, string>, chosen: CallbackSwitch) {
    const url = fieldOf(order.form, 'callbackUrl');
    if (!url || !/^https?:\/\//.test(url)) return;
    const deliver = this.deps.deliver ?? deliverByHttp;
    const once = async (sent: Record<string, string>) => {
      try {
        const reply = (await deliver(url, sent)).trim();
        order.callbackReplies.push(reply);
        if (reply === 'ACTION=POSTAUTH' && attemptOutcomeOf(sent) === 'approved') order.isCaptured = true;
      } catch (error) {
        order.callbackReplies.push('unreachable');
        this.deps.onDeliveryProblem?.({ orderId: order.orderId, error });
      }
    };
    switch (chosen.mode) {
      case 'normal':
        await once(fields);
        return;
      case 'duplicated':
        await Promise.all(Array.from({ length: DUPLICATE_COUNT }, () => once(fields)));
        return;
      case 'tampered':
        // A forger's copy: another amount (150.00 → 1150.00) under the original HASH.
        await once({ ...fields, amount: `1${fieldOf(fields, 'amount') ?? ''}` });
        return;
      case 'dropped':
        return;
      case 'delayed': {
        const later = new Promise<void>((resolve) => setTimeout(resolve, chosen.delayMs).unref()).then(() =>
          once(fields),
        );
        this.inFlight.add(later);
        void later.finally(() => this.inFlight.delete(later));
        return;
      }
    }
  }

  /** Resolves once every delayed callback has been sent (tests, graceful stops). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  status(orderId: string): SandboxStatus {
    const order = this.orders.get(orderId);
    const none = { transactionId: null, authorizationCode: null, procReturnCode: null, isCaptured: false };
    if (!order) return { status: 'unknown', amountMinor: null, currency: null, ...none };
    const currency = alphaCurrencyCode(fieldOf(order.form, 'currency') ?? '');
    const amountMinor = currency ? minorFromGatewayAmount(fieldOf(order.form, 'amount') ?? '', currency) : null;
    const approved = order.attempts.find((a) => a.outcome === 'approved');
    const last = order.attempts.at(-1);
    const about = approved ?? last;
    if (!about) return { status: 'pending', amountMinor, currency, ...none };
    return {
      status: approved ? 'approved' : 'declined',
      isCaptured: approved !== undefined && order.isCaptured,
      transactionId: about.transactionId,
      authorizationCode: approved ? approved.authorizationCode : null,
      procReturnCode: RESPONSES[about.outcome].ProcReturnCode || null,
      amountMinor,
      currency,
    };
  }

  /** PostAuth: captures an approved pre-authorization. */
  capture(orderId: string): { isCaptured: boolean; transactionId: string | null } {
    const order = this.orders.get(orderId);
    const approved = order?.attempts.find((a) => a.outcome === 'approved');
    if (!order || !approved) return { isCaptured: false, transactionId: null };
    order.isCaptured = true;
    return { isCaptured: true, transactionId: approved.transactionId };
  }

  private forgetOldest() {
    while (this.orders.size > this.maxOrders) {
      const oldest = this.orders.keys().next().value;
      if (oldest === undefined) return;
      const order = this.orders.get(oldest);
      if (order) this.sessions.delete(order.session);
      this.orders.delete(oldest);
      this.switches.delete(oldest);
    }
  }
}
