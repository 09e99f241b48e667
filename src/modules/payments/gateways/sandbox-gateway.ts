import { SANDBOX_CLIENT_ID, type SandboxBank } from '../sandbox/sandbox-bank.ts';
import { buildCmiForm, type CmiSettings, cmiCallbackReply, readCmiNotice } from './cmi-protocol.ts';
import { isGatewayCurrency } from './currency-codes.ts';
import type { PaymentGateway } from './gateway.ts';

/**
 * The sandbox adapter: the CMI protocol, word for word, against the sandbox served by Mawid itself
 * at PUBLIC_URL/sandbox/cmi/est3Dgate, signed with SANDBOX_STORE_KEY. Status queries and captures are
 * answered by the sandbox bank of this process.
 */
export function createSandboxGateway(input: {
  publicUrl: string;
  storeKey: string;
  bank: SandboxBank;
}): PaymentGateway {
  const settings: CmiSettings = {
    clientId: SANDBOX_CLIENT_ID,
    storeKey: input.storeKey,
    gatewayUrl: `${input.publicUrl}/sandbox/cmi/est3Dgate`,
  };
  return {
    name: 'sandbox',
    supportsCurrency: isGatewayCurrency,
    buildPaymentForm: (order, urls, locale) => buildCmiForm(settings, order, urls, locale),
    verifyCallback: (fields) => readCmiNotice(settings, fields),
    callbackReply: cmiCallbackReply,
    async queryStatus(orderId) {
      const { status, isCaptured, transactionId, authorizationCode, procReturnCode, amountMinor, currency } =
        input.bank.status(orderId);
      return {
        status,
        isCaptured,
        transactionId,
        authorizationCode,
        procReturnCode,
        amountMinor,
        currency,
        evidence: { status, isCaptured: String(isCaptured), procReturnCode: procReturnCode ?? '' },
      };
    },
    async capture(orderId) {
      const captured = input.bank.capture(orderId);
      return { ...captured, procReturnCode: captured.isCaptured ? '00' : null };
    },
  };
}
