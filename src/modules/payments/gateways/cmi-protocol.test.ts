import { describe, expect, it } from 'vitest';
import { cmiHashVer3 } from '../cmi-hash.ts';
import { looksLikeCardNumber, withoutCardData } from './card-data.ts';
import { attemptOutcomeOf, buildCmiForm, cmiCallbackReply, readCmiNotice } from './cmi-protocol.ts';
import { alphaCurrencyCode, gatewayAmount, minorFromGatewayAmount, numericCurrencyCode } from './currency-codes.ts';

const settings = {
  clientId: '600000000',
  storeKey: 'TEST1234',
  gatewayUrl: 'https://testpayment.cmi.co.ma/fim/est3Dgate',
};
const urls = {
  okUrl: 'https://rdv.example.ma/api/v1/payments/return/ok',
  failUrl: 'https://rdv.example.ma/api/v1/payments/return/fail',
  callbackUrl: 'https://rdv.example.ma/api/v1/payments/callback/cmi',
  shopUrl: 'https://rdv.example.ma/requests/x/payment?result=cancelled',
};

describe('currencies and amounts', () => {
  it('maps ISO 4217 alpha codes to their numeric codes and back', () => {
    const table = {
      MAD: '504',
      EUR: '978',
      USD: '840',
      CAD: '124',
      GBP: '826',
      AED: '784',
      SAR: '682',
      JPY: '392',
      AUD: '036',
      XOF: '952',
    };
    for (const [alpha, numeric] of Object.entries(table)) {
      expect(numericCurrencyCode(alpha)).toBe(numeric);
      expect(alphaCurrencyCode(numeric)).toBe(alpha);
    }
    expect(numericCurrencyCode('KWD')).toBeNull();
    expect(alphaCurrencyCode('999')).toBeNull();
  });

  it('writes amounts with each currency’s minor digits, and reads them back exactly', () => {
    expect(gatewayAmount(15000, 'EUR')).toBe('150.00');
    expect(gatewayAmount(5, 'MAD')).toBe('0.05');
    expect(gatewayAmount(1500, 'JPY')).toBe('1500');
    expect(gatewayAmount(25000, 'XOF')).toBe('25000');
    expect(minorFromGatewayAmount('150.00', 'EUR')).toBe(15000);
    expect(minorFromGatewayAmount('150', 'EUR')).toBe(15000);
    expect(minorFromGatewayAmount('150.001', 'EUR')).toBeNull();
    expect(minorFromGatewayAmount('1500', 'JPY')).toBe(1500);
    expect(minorFromGatewayAmount('1500.5', 'JPY')).toBeNull();
    expect(minorFromGatewayAmount('-1.00', 'EUR')).toBeNull();
    expect(minorFromGatewayAmount('1e3', 'EUR')).toBeNull();
  });
});

describe('the CMI hosted-page protocol', () => {
  it('builds the signed form: the protocol’s fields, the amount as a decimal, the numeric currency', () => {
    const form = buildCmiForm(
      settings,
      { orderId: 'ET-PAR-ABCDEFGHJK', amountMinor: 15000, currency: 'MAD', email: 'a@b.ma' },
      urls,
      'ar',
    );
    expect(form.action).toBe(settings.gatewayUrl);
    expect(form.method).toBe('POST');
    expect(form.fields).toMatchObject({
      clientid: '600000000',
      oid: 'ET-PAR-ABCDEFGHJK',
      amount: '150.00',
      currency: '504',
      trantype: 'PreAuth',
      storetype: '3D_PAY_HOSTING',
      hashAlgorithm: 'ver3',
      lang: 'ar',
      encoding: 'UTF-8',
      email: 'a@b.ma',
      shopurl: urls.shopUrl,
      callbackUrl: urls.callbackUrl,
    });
    expect(form.fields.rnd).toMatch(/^[0-9a-f]{24}$/);
    const { HASH, ...signed } = form.fields;
    expect(HASH).toBe(cmiHashVer3(signed, 'TEST1234'));
    // A new random value every time: two forms never share a hash.
    expect(
      buildCmiForm(settings, { orderId: 'ET-PAR-ABCDEFGHJK', amountMinor: 15000, currency: 'MAD' }, urls, 'ar').fields
        .HASH,
    ).not.toBe(HASH);
    expect(() => buildCmiForm(settings, { orderId: 'x', amountMinor: 1, currency: 'KWD' }, urls, 'fr')).toThrow(/KWD/);
  });

  it('reads a signed callback: outcome, amount, currency, references; and refuses a bad signature', () => {
    const form = buildCmiForm(
      settings,
      { orderId: 'ET-PAR-ABCDEFGHJK', amountMinor: 15000, currency: 'EUR' },
      urls,
      'fr',
    );
    const callback: Record<string, string> = {
      ...form.fields,
      ProcReturnCode: '00',
      Response: 'Approved',
      AuthCode: 'P12345',
      TransId: '26335ABCD',
      HostRefNum: '633512345678',
      mdStatus: '1',
      ErrMsg: '',
      'EXTRA.TRXDATE': '20261201 09:00:00',
      maskedCreditCard: '400000******0002',
      Ecom_Payment_Card_ExpDate_Month: '12',
      Ecom_Payment_Card_ExpDate_Year: '30',
    };
    const { HASH: _formHash, ...unsigned } = callback;
    const signed = { ...unsigned, HASH: cmiHashVer3(unsigned, 'TEST1234') };
    const notice = readCmiNotice(settings, signed);
    expect(notice).toMatchObject({
      orderId: 'ET-PAR-ABCDEFGHJK',
      outcome: 'approved',
      amountText: '150.00',
      amountMinor: 15000,
      currency: 'EUR',
      procReturnCode: '00',
      transactionId: '26335ABCD',
      authorizationCode: 'P12345',
    });
    expect(notice!.evidence).toMatchObject({
      maskedCreditCard: '[removed]',
      Ecom_Payment_Card_ExpDate_Month: '[removed]',
      Ecom_Payment_Card_ExpDate_Year: '[removed]',
      HostRefNum: '633512345678',
      'EXTRA.TRXDATE': '20261201 09:00:00',
    });
    expect(readCmiNotice(settings, { ...signed, amount: '1.50' })).toBeNull();
    expect(readCmiNotice({ ...settings, storeKey: 'OTHER-KEY' }, signed)).toBeNull();
    // Signed with our key but for another merchant id, or naming no order: not ours to act on.
    const otherMerchant = { ...unsigned, clientid: '600000001' };
    expect(readCmiNotice(settings, { ...otherMerchant, HASH: cmiHashVer3(otherMerchant, 'TEST1234') })).toBeNull();
    const noOrder = { ...unsigned, oid: '' };
    expect(readCmiNotice(settings, { ...noOrder, HASH: cmiHashVer3(noOrder, 'TEST1234') })).toBeNull();
  });

  it('tells approved, declined, technical error and failed 3-D Secure apart', () => {
    expect(attemptOutcomeOf({ ProcReturnCode: '00', Response: 'Approved', mdStatus: '1' })).toBe('approved');
    // Attempted authentications (2, 3, 4) are accepted by the issuer.
    expect(attemptOutcomeOf({ ProcReturnCode: '00', Response: 'Approved', mdStatus: '2' })).toBe('approved');
    expect(attemptOutcomeOf({ ProcReturnCode: '05', Response: 'Declined', mdStatus: '1' })).toBe('declined');
    expect(attemptOutcomeOf({ ProcReturnCode: '99', Response: 'Error', mdStatus: '1' })).toBe('error');
    expect(attemptOutcomeOf({ ProcReturnCode: '', Response: 'Declined', mdStatus: '0' })).toBe('authentication_failed');
    expect(attemptOutcomeOf({ ProcReturnCode: '00', Response: 'Approved', mdStatus: '7' })).toBe(
      'authentication_failed',
    );
    // An "approved" code with another response word is not an approval.
    expect(attemptOutcomeOf({ ProcReturnCode: '00', Response: 'Declined', mdStatus: '1' })).toBe('declined');
    expect(attemptOutcomeOf({ procreturncode: '00', response: 'approved' })).toBe('approved');
  });

  it('answers the callback with the protocol’s exact words', () => {
    expect(cmiCallbackReply('capture')).toBe('ACTION=POSTAUTH');
    expect(cmiCallbackReply('acknowledge')).toBe('APPROVED');
    expect(cmiCallbackReply('refuse')).toBe('FAILURE');
  });
});

describe('card data', () => {
  it('removes card fields by name and card-like values whatever their name, and keeps the rest', () => {
    const kept = withoutCardData({
      maskedCreditCard: '400000******0002',
      MaskedPan: '400000XXXXXX0002',
      pan: '4000000000000002',
      cv2: '123',
      Ecom_Payment_Card_ExpDate_Year: '30',
      'EXTRA.CARDBRAND': 'VISA',
      someNewField: '4000 0000 0000 0002',
      note: '400000***0002',
      TransId: '4000000000000002',
      companyName: 'ACME',
      amount: '150.00',
      HostRefNum: '633512345678',
    });
    expect(kept).toEqual({
      maskedCreditCard: '[removed]',
      MaskedPan: '[removed]',
      pan: '[removed]',
      cv2: '[removed]',
      Ecom_Payment_Card_ExpDate_Year: '[removed]',
      'EXTRA.CARDBRAND': '[removed]',
      someNewField: '[removed]',
      note: '[removed]',
      // The gateway's own identifiers stay, even when one happens to pass Luhn.
      TransId: '4000000000000002',
      companyName: 'ACME',
      amount: '150.00',
      HostRefNum: '633512345678',
    });
    expect(looksLikeCardNumber('4000000000000003')).toBe(false);
    expect(looksLikeCardNumber('20261201')).toBe(false);
  });
});
