import { cc5ResponseXml, childTexts, parseXml, XmlFormatError } from '../gateways/cmi-xml.ts';
import { numericCurrencyCode } from '../gateways/currency-codes.ts';
import { SANDBOX_API_USER, SANDBOX_CLIENT_ID, type SandboxBank } from './sandbox-bank.ts';

const refusal = (message: string) => cc5ResponseXml({ ProcReturnCode: '99', Response: 'Error', ErrMsg: message });

/**
 * The sandbox's XML API, the CMI's shape (CC5Request → CC5Response): ORDERSTATUS queries and PostAuth.
 * The sandbox adapter asks the bank directly; this endpoint lets the CMI adapter's XML path be
 * exercised end to end against the sandbox. Credentials: SANDBOX_API_USER and the sandbox store key.
 */
export function answerSandboxApi(bank: SandboxBank, storeKey: string, xml: string): string {
  let request: Record<string, string>;
  let extra: Record<string, string>;
  try {
    const root = parseXml(xml);
    if (root.name !== 'CC5Request') return refusal('Expected a CC5Request');
    request = childTexts(root);
    extra = childTexts(root.children.find((c) => c.name === 'Extra'));
  } catch (error) {
    return refusal(error instanceof XmlFormatError ? error.message : 'Unreadable request');
  }
  if (request.Name !== SANDBOX_API_USER || request.Password !== storeKey || request.ClientId !== SANDBOX_CLIENT_ID) {
    return refusal('Invalid API credentials');
  }
  const orderId = request.OrderId ?? '';
  if (request.Type === 'PostAuth') {
    const captured = bank.capture(orderId);
    return captured.isCaptured
      ? cc5ResponseXml({
          OrderId: orderId,
          Response: 'Approved',
          ProcReturnCode: '00',
          TransId: captured.transactionId ?? '',
          ErrMsg: '',
        })
      : refusal('No pre-authorization to capture for this order');
  }
  if (extra.ORDERSTATUS !== 'QUERY') return refusal('Unsupported request');
  const status = bank.status(orderId);
  if (status.status === 'unknown') {
    return cc5ResponseXml({ OrderId: orderId, Response: 'Declined', ProcReturnCode: '99', ErrMsg: 'No record found' });
  }
  const transStat = { approved: status.isCaptured ? 'C' : 'PA', declined: 'D', pending: '' }[status.status];
  return cc5ResponseXml(
    {
      OrderId: orderId,
      Response: 'Approved',
      ProcReturnCode: '00',
      TransId: status.transactionId ?? '',
      ErrMsg: 'Record(s) found',
    },
    {
      TRANS_STAT: transStat,
      TRANS_ID: status.transactionId ?? '',
      AUTH_CODE: status.authorizationCode ?? '',
      PROC_RET_CD: status.procReturnCode ?? '',
      ORIG_TRANS_AMT: status.amountMinor === null ? '' : String(status.amountMinor),
      CURRENCY: status.currency ? (numericCurrencyCode(status.currency) ?? '') : '',
    },
  );
}
