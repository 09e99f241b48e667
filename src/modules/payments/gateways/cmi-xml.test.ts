import { describe, expect, it } from 'vitest';
import { createCmiGateway, type FetchLike } from './cmi-gateway.ts';
import {
  captureFromPostAuth,
  orderStatusRequestXml,
  parseCc5Response,
  parseXml,
  postAuthRequestXml,
  statusFromOrderStatus,
  XmlFormatError,
} from './cmi-xml.ts';
import { GatewayUnavailableError } from './gateway.ts';

const credentials = { name: 'mawid-api', password: 'p<a>ss&"word', clientId: '600000000' };

// Sample answers in the NestPay shape (written for these tests, not taken from the gateway).
const CAPTURED = `<?xml version="1.0" encoding="UTF-8"?>
<CC5Response>
  <ErrMsg>Record(s) found for ET-PAR-ABCDEFGHJK</ErrMsg>
  <ProcReturnCode>00</ProcReturnCode>
  <Response>Approved</Response>
  <OrderId>ET-PAR-ABCDEFGHJK</OrderId>
  <TransId>26335ABCD</TransId>
  <Extra>
    <AUTH_CODE>P12345</AUTH_CODE>
    <TRANS_STAT>C</TRANS_STAT>
    <ORIG_TRANS_AMT>15000</ORIG_TRANS_AMT>
    <CURRENCY>978</CURRENCY>
    <PROC_RET_CD>00</PROC_RET_CD>
    <TRANS_ID>26335ABCD</TRANS_ID>
    <PAN>400000***0002</PAN>
    <!-- a comment -->
  </Extra>
</CC5Response>`;

const PREAUTHORIZED = CAPTURED.replace('<TRANS_STAT>C</TRANS_STAT>', '<TRANS_STAT>PA</TRANS_STAT>');
const DECLINED = CAPTURED.replace('<TRANS_STAT>C</TRANS_STAT>', '<TRANS_STAT>D</TRANS_STAT>').replace(
  '<PROC_RET_CD>00</PROC_RET_CD>',
  '<PROC_RET_CD>05</PROC_RET_CD>',
);
const WAITING = CAPTURED.replace('<TRANS_STAT>C</TRANS_STAT>', '<TRANS_STAT></TRANS_STAT>');
const NOT_FOUND = `<?xml version="1.0" encoding="ISO-8859-9"?>
<CC5Response><ErrMsg>No record found for ET-PAR-ZZZ</ErrMsg><ProcReturnCode>99</ProcReturnCode><Response>Declined</Response><Extra/></CC5Response>`;
const BAD_CREDENTIALS = `<CC5Response><ErrMsg>Invalid credentials &amp; access</ErrMsg><ProcReturnCode>99</ProcReturnCode><Response>Error</Response></CC5Response>`;

describe('the CMI XML API documents', () => {
  it('writes the ORDERSTATUS query and the PostAuth, escaping every value', () => {
    expect(orderStatusRequestXml(credentials, 'ET-PAR-ABCDEFGHJK')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><CC5Request><Name>mawid-api</Name>' +
        '<Password>p&lt;a&gt;ss&amp;&quot;word</Password><ClientId>600000000</ClientId>' +
        '<OrderId>ET-PAR-ABCDEFGHJK</OrderId><Extra><ORDERSTATUS>QUERY</ORDERSTATUS></Extra></CC5Request>',
    );
    const postAuth = parseXml(postAuthRequestXml(credentials, 'ET-<x>'));
    expect(postAuth.children.map((c) => [c.name, c.text])).toEqual([
      ['Name', 'mawid-api'],
      ['Password', 'p<a>ss&"word'],
      ['ClientId', '600000000'],
      ['Type', 'PostAuth'],
      ['OrderId', 'ET-<x>'],
    ]);
  });

  it('reads the status of captured, pre-authorized, declined, waiting and unknown orders', () => {
    expect(statusFromOrderStatus(parseCc5Response(CAPTURED))).toMatchObject({
      status: 'approved',
      isCaptured: true,
      transactionId: '26335ABCD',
      authorizationCode: 'P12345',
      procReturnCode: '00',
      amountMinor: 15000,
      currency: 'EUR',
    });
    expect(statusFromOrderStatus(parseCc5Response(PREAUTHORIZED))).toMatchObject({
      status: 'approved',
      isCaptured: false,
    });
    expect(statusFromOrderStatus(parseCc5Response(DECLINED))).toMatchObject({
      status: 'declined',
      procReturnCode: '05',
    });
    expect(statusFromOrderStatus(parseCc5Response(WAITING))).toMatchObject({ status: 'pending' });
    expect(statusFromOrderStatus(parseCc5Response(NOT_FOUND))).toMatchObject({ status: 'unknown', amountMinor: null });
    expect(() => statusFromOrderStatus(parseCc5Response(BAD_CREDENTIALS))).toThrow(/Invalid credentials & access/);
  });

  it('keeps the answer as evidence without its card number', () => {
    const { evidence } = statusFromOrderStatus(parseCc5Response(CAPTURED));
    expect(evidence['Extra.PAN']).toBe('[removed]');
    expect(evidence['Extra.TRANS_STAT']).toBe('C');
  });

  it('reads a PostAuth answer', () => {
    expect(
      captureFromPostAuth(
        parseCc5Response(
          '<CC5Response><Response>Approved</Response><ProcReturnCode>00</ProcReturnCode><TransId>T1</TransId></CC5Response>',
        ),
      ),
    ).toEqual({ isCaptured: true, transactionId: 'T1', procReturnCode: '00' });
    expect(
      captureFromPostAuth(
        parseCc5Response('<CC5Response><Response>Error</Response><ProcReturnCode>99</ProcReturnCode></CC5Response>'),
      ),
    ).toEqual({ isCaptured: false, transactionId: null, procReturnCode: '99' });
  });

  it('refuses what is not a small, well-formed document', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><CC5Response/>')).toThrow(XmlFormatError);
    expect(() => parseXml('<CC5Response><A>1</B></CC5Response>')).toThrow(/mismatched/);
    expect(() => parseXml('<CC5Response><A>&unknown;</A></CC5Response>')).toThrow(/entity/);
    expect(() => parseXml('<CC5Response></CC5Response><Other/>')).toThrow(/after the root/);
    expect(() => parseCc5Response('<html><body>502 Bad Gateway</body></html>')).toThrow(/CC5Response/);
    expect(parseXml('<A x="1">caf&#233; &#x263A;</A>').text).toBe('café ☺');
  });
});

describe('the CMI adapter’s status API client', () => {
  const settings = {
    clientId: '600000000',
    storeKey: 'TEST1234',
    gatewayUrl: 'https://testpayment.cmi.co.ma/fim/est3Dgate',
    apiUrl: 'https://testpayment.cmi.co.ma/fim/api',
    apiUser: 'mawid-api',
    apiPassword: 'secret',
  };

  it('posts the query to the API and reads the answer in its declared encoding', async () => {
    const sent: { url: string; body: string; contentType: string }[] = [];
    const fetchLike: FetchLike = async (url, init) => {
      sent.push({ url, body: String(init.body), contentType: new Headers(init.headers).get('content-type') ?? '' });
      // ISO-8859-9 (Turkish NestPay platforms): "ı" is the single byte 0xFD.
      const text = NOT_FOUND.replace('No record found', 'Kayıt bulunamadı');
      const latin5 = Uint8Array.from([...text].map((char) => (char === 'ı' ? 0xfd : char.charCodeAt(0))));
      return new Response(sent.length === 1 ? CAPTURED : latin5, { status: 200 });
    };
    const gateway = createCmiGateway(settings, { fetch: fetchLike });
    expect(await gateway.queryStatus('ET-PAR-ABCDEFGHJK')).toMatchObject({ status: 'approved', isCaptured: true });
    expect(sent[0]).toMatchObject({ url: settings.apiUrl, contentType: 'application/xml; charset=utf-8' });
    expect(sent[0]!.body).toContain('<ORDERSTATUS>QUERY</ORDERSTATUS>');
    const unknown = await gateway.queryStatus('ET-PAR-ZZZ');
    expect(unknown).toMatchObject({ status: 'unknown' });
    expect(unknown.evidence.ErrMsg).toBe('Kayıt bulunamadı for ET-PAR-ZZZ');
  });

  it('reports an unreachable, failing or garbled API as unavailable', async () => {
    const answers: (() => Promise<Response>)[] = [
      async () => {
        throw new TypeError('fetch failed');
      },
      async () => new Response('oops', { status: 502 }),
      async () => new Response('<html>maintenance</html>', { status: 200 }),
      async () => new Response(BAD_CREDENTIALS, { status: 200 }),
    ];
    for (const answer of answers) {
      const gateway = createCmiGateway(settings, { fetch: answer });
      await expect(gateway.queryStatus('ET-PAR-ABCDEFGHJK')).rejects.toBeInstanceOf(GatewayUnavailableError);
    }
  });
});
