import { randomBytes } from 'node:crypto';
import { cmiHashVer3, hasValidCmiHash } from '../cmi-hash.ts';
import { withoutCardData } from './card-data.ts';
import { alphaCurrencyCode, gatewayAmount, minorFromGatewayAmount, numericCurrencyCode } from './currency-codes.ts';
import type {
  AttemptOutcome,
  CallbackDecision,
  GatewayForm,
  GatewayLocale,
  GatewayOrder,
  GatewayUrls,
  VerifiedNotice,
} from './gateway.ts';

/**
 * The CMI hosted-page protocol (NestPay "3D_PAY_HOSTING"), shared by the CMI adapter and the sandbox
 * adapter, which speak it identically and differ only in where they send it and how they answer
 * status queries.
 */
export interface CmiSettings {
  clientId: string;
  storeKey: string;
  // The hosted page: …/fim/est3Dgate at the CMI; …/sandbox/cmi/est3Dgate for the sandbox.
  gatewayUrl: string;
}

/** A field whatever the case the gateway wrote its name in. */
export function fieldOf(fields: Readonly<Record<string, string>>, name: string): string | null {
  if (fields[name] !== undefined) return fields[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(fields)) if (key.toLowerCase() === lower) return value;
  return null;
}

// mdStatus 1 is a full 3-D Secure authentication; 2, 3 and 4 are attempts the issuer accepts. Any
// other value means the authentication failed and no authorization was made.
const AUTHENTICATED_MD_STATUSES = new Set(['1', '2', '3', '4']);

export function attemptOutcomeOf(fields: Readonly<Record<string, string>>): AttemptOutcome {
  const mdStatus = fieldOf(fields, 'mdStatus');
  if (mdStatus !== null && mdStatus !== '' && !AUTHENTICATED_MD_STATUSES.has(mdStatus.trim())) {
    return 'authentication_failed';
  }
  const procReturnCode = fieldOf(fields, 'ProcReturnCode')?.trim();
  const response = fieldOf(fields, 'Response')?.trim().toLowerCase();
  if (procReturnCode === '00' && response === 'approved') return 'approved';
  if (response === 'error' || procReturnCode === '99') return 'error';
  return 'declined';
}

export function buildCmiForm(
  settings: CmiSettings,
  order: GatewayOrder,
  urls: GatewayUrls,
  locale: GatewayLocale,
): GatewayForm {
  const currency = numericCurrencyCode(order.currency);
  if (!currency) throw new Error(`buildCmiForm: currency ${order.currency} has no ISO 4217 numeric code here`);
  const fields: Record<string, string> = {
    clientid: settings.clientId,
    oid: order.orderId,
    amount: gatewayAmount(order.amountMinor, order.currency),
    currency,
    okUrl: urls.okUrl,
    failUrl: urls.failUrl,
    callbackUrl: urls.callbackUrl,
    shopurl: urls.shopUrl,
    trantype: 'PreAuth',
    storetype: '3D_PAY_HOSTING',
    hashAlgorithm: 'ver3',
    rnd: randomBytes(12).toString('hex'),
    lang: locale,
    encoding: 'UTF-8',
    // The gateway returns the browser at once, without its own "payment done" page.
    AutoRedirect: 'true',
  };
  if (order.email) fields.email = order.email;
  if (order.billToName) fields.BillToName = order.billToName;
  fields.HASH = cmiHashVer3(fields, settings.storeKey);
  return { action: settings.gatewayUrl, method: 'POST', fields };
}

/** The callback (or a browser return) read, or null when its HASH does not verify. */
export function readCmiNotice(settings: CmiSettings, fields: Readonly<Record<string, string>>): VerifiedNotice | null {
  if (!hasValidCmiHash(fields, settings.storeKey)) return null;
  const orderId = fieldOf(fields, 'oid')?.trim();
  const clientId = fieldOf(fields, 'clientid')?.trim();
  if (!orderId || (clientId && clientId !== settings.clientId)) return null;
  const amountText = fieldOf(fields, 'amount')?.trim() ?? '';
  const currency = alphaCurrencyCode(fieldOf(fields, 'currency') ?? '');
  const nonEmpty = (name: string) => {
    const value = fieldOf(fields, name)?.trim();
    return value ? value : null;
  };
  return {
    orderId,
    outcome: attemptOutcomeOf(fields),
    amountText,
    amountMinor: currency ? minorFromGatewayAmount(amountText, currency) : null,
    currency,
    procReturnCode: nonEmpty('ProcReturnCode'),
    transactionId: nonEmpty('TransId'),
    authorizationCode: nonEmpty('AuthCode'),
    evidence: withoutCardData(fields),
  };
}

const REPLIES: Record<CallbackDecision, string> = {
  capture: 'ACTION=POSTAUTH',
  acknowledge: 'APPROVED',
  refuse: 'FAILURE',
};

export function cmiCallbackReply(decision: CallbackDecision): string {
  return REPLIES[decision];
}
