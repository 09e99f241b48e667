import { buildCmiForm, type CmiSettings, cmiCallbackReply, readCmiNotice } from './cmi-protocol.ts';
import {
  type ApiCredentials,
  captureFromPostAuth,
  orderStatusRequestXml,
  parseCc5Response,
  postAuthRequestXml,
  statusFromOrderStatus,
} from './cmi-xml.ts';
import { isGatewayCurrency } from './currency-codes.ts';
import { GatewayUnavailableError, type PaymentGateway } from './gateway.ts';

export interface CmiGatewaySettings extends CmiSettings {
  // The XML API (status, PostAuth): …/fim/api at the CMI.
  apiUrl: string;
  apiUser: string;
  apiPassword: string;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Decodes an answer in the encoding its XML declaration names (NestPay platforms vary). */
function decodeXml(bytes: ArrayBuffer): string {
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
  const declared = /encoding=["']([\w.:-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The CMI adapter: the hosted-page protocol against CMI_GATEWAY_URL, the XML API against
 * CMI_API_URL over HTTPS. The API's answers are never logged (they are evidence only once stripped
 * of card data).
 */
export function createCmiGateway(
  settings: CmiGatewaySettings,
  options: { fetch?: FetchLike; timeoutMs?: number; name?: 'cmi' | 'sandbox' } = {},
): PaymentGateway {
  const send = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const credentials: ApiCredentials = {
    name: settings.apiUser,
    password: settings.apiPassword,
    clientId: settings.clientId,
  };

  async function call(body: string) {
    let response: Response;
    try {
      response = await send(settings.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/xml; charset=utf-8', accept: 'application/xml, text/xml' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GatewayUnavailableError('the gateway API did not answer', { cause: error });
    }
    if (!response.ok) throw new GatewayUnavailableError(`the gateway API answered HTTP ${response.status}`);
    try {
      return parseCc5Response(decodeXml(await response.arrayBuffer()));
    } catch (error) {
      throw new GatewayUnavailableError('the gateway API answer could not be read', { cause: error });
    }
  }

  return {
    name: options.name ?? 'cmi',
    supportsCurrency: isGatewayCurrency,
    buildPaymentForm: (order, urls, locale) => buildCmiForm(settings, order, urls, locale),
    verifyCallback: (fields) => readCmiNotice(settings, fields),
    callbackReply: cmiCallbackReply,
    async queryStatus(orderId) {
      const answer = await call(orderStatusRequestXml(credentials, orderId));
      try {
        return statusFromOrderStatus(answer);
      } catch (error) {
        throw new GatewayUnavailableError('the status query failed', { cause: error });
      }
    },
    async capture(orderId) {
      return captureFromPostAuth(await call(postAuthRequestXml(credentials, orderId)));
    },
  };
}
