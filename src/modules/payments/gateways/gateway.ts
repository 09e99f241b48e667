/**
 * What Mawid needs from a card gateway, whichever it is. The citizen's browser carries a signed
 * form to the gateway's hosted page (the card number never reaches Mawid); the gateway tells Mawid
 * the outcome server to server (the callback) and answers status queries. Only those two grant a
 * stamp, never the browser's return.
 */

export type GatewayName = 'cmi' | 'sandbox';

/** The languages of the gateways' hosted pages. */
export type GatewayLocale = 'ar' | 'fr' | 'en';

export interface GatewayOrder {
  orderId: string;
  amountMinor: number;
  // ISO 4217 alpha (EUR); adapters send what their protocol wants.
  currency: string;
  email?: string | null;
  billToName?: string | null;
}

export interface GatewayUrls {
  // The browser comes back here (display only).
  okUrl: string;
  failUrl: string;
  // The gateway's server-to-server notification.
  callbackUrl: string;
  // "Cancel and go back to the shop".
  shopUrl: string;
}

/** A form the browser POSTs to the gateway's hosted page, HASH included. */
export interface GatewayForm {
  action: string;
  method: 'POST';
  fields: Record<string, string>;
}

/**
 * What a payment attempt came to, as a callback tells it. A decline, a technical error and a failed
 * 3-D Secure authentication all leave the order open: the citizen may try another card.
 */
export type AttemptOutcome = 'approved' | 'declined' | 'error' | 'authentication_failed';

/** A callback whose signature verified: the gateway's words, parsed. */
export interface VerifiedNotice {
  orderId: string;
  outcome: AttemptOutcome;
  // The amount as sent, and in minor units of `currency` (null when it cannot be read).
  amountText: string;
  amountMinor: number | null;
  // ISO 4217 alpha, from the numeric code sent (null for a code we do not know).
  currency: string | null;
  procReturnCode: string | null;
  transactionId: string | null;
  authorizationCode: string | null;
  // Every field received except card data (masked number, expiry...): what may be kept as evidence.
  evidence: Record<string, string>;
}

/** What Mawid decided about a callback; the adapter turns it into the protocol's exact reply. */
export type CallbackDecision =
  // An approved payment Mawid accepts: capture it.
  | 'capture'
  // A declined attempt (or a replay) recorded: nothing to capture.
  | 'acknowledge'
  // Bad signature, unknown order, amount or currency mismatch, technical problem: do not capture.
  | 'refuse';

/** What the gateway knows of an order, asked through its status API. */
export interface GatewayStatus {
  // unknown: the gateway never saw the order (the citizen did not reach its page).
  status: 'approved' | 'declined' | 'pending' | 'unknown';
  // An approved pre-authorization that was not captured yet needs `capture` before the stamp.
  isCaptured: boolean;
  transactionId: string | null;
  authorizationCode: string | null;
  procReturnCode: string | null;
  // When the gateway states them (minor units, ISO 4217 alpha): checked against the payment.
  amountMinor: number | null;
  currency: string | null;
  // The answer, minus card data, kept as evidence.
  evidence: Record<string, string>;
}

export interface CaptureResult {
  isCaptured: boolean;
  transactionId: string | null;
  procReturnCode: string | null;
}

export interface PaymentGateway {
  readonly name: GatewayName;
  /** Whether the gateway can take this ISO 4217 currency. */
  supportsCurrency(currency: string): boolean;
  buildPaymentForm(order: GatewayOrder, urls: GatewayUrls, locale: GatewayLocale): GatewayForm;
  /** The parsed callback, or null when its signature does not verify (or it names no order). */
  verifyCallback(fields: Readonly<Record<string, string>>): VerifiedNotice | null;
  /** The exact plain-text body the gateway expects in answer to its callback. */
  callbackReply(decision: CallbackDecision): string;
  queryStatus(orderId: string): Promise<GatewayStatus>;
  /** Captures an approved pre-authorization whose callback never came (PostAuth). */
  capture(orderId: string): Promise<CaptureResult>;
}

/** A gateway's status API failed (network, credentials, bad answer): try again later. */
export class GatewayUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayUnavailableError';
  }
}
