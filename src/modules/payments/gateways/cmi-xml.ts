import { withoutCardData } from './card-data.ts';
import { alphaCurrencyCode } from './currency-codes.ts';
import type { CaptureResult, GatewayStatus } from './gateway.ts';

/**
 * The CMI's XML API (NestPay "CC5Request" / "CC5Response"): the order status query and the capture
 * of a pre-authorization (PostAuth). The documents are small and flat (one level under the root, one
 * more under <Extra>): a reader of exactly that shape, with no DTD and no entity other than XML's
 * five and character references, is all they need.
 *
 * The status mapping (TRANS_STAT, ORIG_TRANS_AMT in minor units) follows integrators' public notes:
 * validate it on the gateway's test platform before going live (README.md).
 */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const named = ENTITIES[entity];
    if (named === undefined) throw new XmlFormatError(`unknown entity ${whole}`);
    return named;
  });
}

export function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Parses one XML document into its root element. Refuses DTDs, CDATA-free by design. */
export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XmlFormatError('DTDs are not accepted');
  let position = 0;
  const skipMisc = () => {
    for (;;) {
      const rest = xml.slice(position);
      const space = /^\s+/.exec(rest);
      if (space) {
        position += space[0].length;
        continue;
      }
      if (rest.startsWith('<?')) {
        const end = xml.indexOf('?>', position);
        if (end < 0) throw new XmlFormatError('unterminated declaration');
        position = end + 2;
        continue;
      }
      if (rest.startsWith('<!--')) {
        const end = xml.indexOf('-->', position);
        if (end < 0) throw new XmlFormatError('unterminated comment');
        position = end + 3;
        continue;
      }
      return;
    }
  };
  const readElement = (depth: number): XmlElement => {
    if (depth > 8) throw new XmlFormatError('too deep');
    const open = /^<([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(position));
    if (!open) throw new XmlFormatError(`expected an element at ${position}`);
    position += open[0].length;
    const element: XmlElement = { name: open[1]!, text: '', children: [] };
    if (open[3] === '/') return element;
    let text = '';
    for (;;) {
      const next = xml.indexOf('<', position);
      if (next < 0) throw new XmlFormatError(`unterminated <${element.name}>`);
      text += xml.slice(position, next);
      position = next;
      if (xml.startsWith('<!--', position)) {
        const end = xml.indexOf('-->', position);
        if (end < 0) throw new XmlFormatError('unterminated comment');
        position = end + 3;
      } else if (xml.startsWith('</', position)) {
        const close = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(xml.slice(position));
        if (!close || close[1] !== element.name) throw new XmlFormatError(`mismatched end of <${element.name}>`);
        position += close[0].length;
        element.text = decodeText(text).trim();
        return element;
      } else {
        element.children.push(readElement(depth + 1));
      }
    }
  };
  skipMisc();
  const root = readElement(0);
  skipMisc();
  if (position !== xml.length) throw new XmlFormatError('content after the root element');
  return root;
}

/** The direct children of an element as name → text (the first of each name). */
export function childTexts(element: XmlElement | undefined): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const child of element?.children ?? []) if (!(child.name in texts)) texts[child.name] = child.text;
  return texts;
}

export interface ApiCredentials {
  name: string;
  password: string;
  clientId: string;
}

function cc5Request(credentials: ApiCredentials, body: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CC5Request>',
    `<Name>${escapeXml(credentials.name)}</Name>`,
    `<Password>${escapeXml(credentials.password)}</Password>`,
    `<ClientId>${escapeXml(credentials.clientId)}</ClientId>`,
    body,
    '</CC5Request>',
  ].join('');
}

export function orderStatusRequestXml(credentials: ApiCredentials, orderId: string): string {
  return cc5Request(
    credentials,
    `<OrderId>${escapeXml(orderId)}</OrderId><Extra><ORDERSTATUS>QUERY</ORDERSTATUS></Extra>`,
  );
}

export function postAuthRequestXml(credentials: ApiCredentials, orderId: string): string {
  return cc5Request(credentials, `<Type>PostAuth</Type><OrderId>${escapeXml(orderId)}</OrderId>`);
}

export interface Cc5Response {
  fields: Record<string, string>;
  extra: Record<string, string>;
}

export function parseCc5Response(xml: string): Cc5Response {
  const root = parseXml(xml);
  if (root.name !== 'CC5Response') throw new XmlFormatError(`expected <CC5Response>, got <${root.name}>`);
  return { fields: childTexts(root), extra: childTexts(root.children.find((c) => c.name === 'Extra')) };
}

export function cc5ResponseXml(fields: Record<string, string>, extra: Record<string, string> = {}): string {
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const extraXml = Object.entries(extra)
    .map(([name, value]) => element(name, value))
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CC5Response>',
    ...Object.entries(fields).map(([name, value]) => element(name, value)),
    `<Extra>${extraXml}</Extra>`,
    '</CC5Response>',
  ].join('');
}

// TRANS_STAT of an order: pre-authorized, captured (or settled), declined, voided.
const AUTHORIZED = new Set(['A', 'PA']);
const CAPTURED = new Set(['C', 'S']);
const REFUSED = new Set(['D', 'V']);

/** What an ORDERSTATUS answer says about the order. Throws when the query itself failed. */
export function statusFromOrderStatus(response: Cc5Response): GatewayStatus {
  const { fields, extra } = response;
  const procReturnCode = fields.ProcReturnCode?.trim() || null;
  const answer = fields.Response?.trim().toLowerCase();
  const evidence = withoutCardData({
    ...fields,
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`Extra.${k}`, v])),
  });
  const base = {
    isCaptured: false,
    transactionId: extra.TRANS_ID?.trim() || fields.TransId?.trim() || null,
    authorizationCode: extra.AUTH_CODE?.trim() || null,
    procReturnCode: extra.PROC_RET_CD?.trim() || procReturnCode,
    amountMinor: /^\d+$/.test(extra.ORIG_TRANS_AMT?.trim() ?? '') ? Number(extra.ORIG_TRANS_AMT) : null,
    currency: extra.CURRENCY ? alphaCurrencyCode(extra.CURRENCY) : null,
    evidence,
  };
  const transStat = extra.TRANS_STAT?.trim().toUpperCase() ?? '';
  if (answer !== 'approved') {
    if (/no record|not found|bulunamad/i.test(fields.ErrMsg ?? '')) return { ...base, status: 'unknown' };
    throw new XmlFormatError(`ORDERSTATUS failed: ${fields.Response ?? '?'} ${fields.ErrMsg ?? ''}`.trim());
  }
  if (CAPTURED.has(transStat)) return { ...base, status: 'approved', isCaptured: true };
  if (AUTHORIZED.has(transStat)) return { ...base, status: 'approved' };
  if (REFUSED.has(transStat)) return { ...base, status: 'declined' };
  return { ...base, status: 'pending' };
}

export function captureFromPostAuth(response: Cc5Response): CaptureResult {
  const procReturnCode = response.fields.ProcReturnCode?.trim() || null;
  return {
    isCaptured: procReturnCode === '00' && response.fields.Response?.trim().toLowerCase() === 'approved',
    transactionId: response.fields.TransId?.trim() || null,
    procReturnCode,
  };
}
