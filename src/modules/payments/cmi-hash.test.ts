import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cmiHashPlaintext, cmiHashVer3, hasValidCmiHash, strnatcasecmp } from './cmi-hash.ts';

// The known answer of payments.md, recomputed from the algorithm.
const KNOWN_FORM = {
  amount: '150.00',
  callbackUrl: 'https://example.ma/cb',
  clientid: '600000000',
  currency: '504',
  encoding: 'UTF-8',
  failUrl: 'https://example.ma/fail',
  hashAlgorithm: 'ver3',
  lang: 'fr',
  oid: 'ET-2025-000123',
  okUrl: 'https://example.ma/ok',
  rnd: 'abc123',
  storetype: '3D_PAY_HOSTING',
  trantype: 'PreAuth',
};

describe('CMI ver3 hash', () => {
  it('matches the known answer, plaintext and digest', () => {
    expect(cmiHashPlaintext(KNOWN_FORM, 'TEST1234')).toBe(
      '150.00|https://example.ma/cb|600000000|504|https://example.ma/fail|ver3|fr|ET-2025-000123|https://example.ma/ok|abc123|3D_PAY_HOSTING|PreAuth|TEST1234',
    );
    expect(cmiHashVer3(KNOWN_FORM, 'TEST1234')).toBe(
      'GYGmj6ViEwHjFqx9n9PzZciwHJ959Ud5D5ScYsQajO6Azn9yo+hu5+zE1ONR5qJS25bDkjqlnO4bpYLdS+Vjzw==',
    );
  });

  it('does not depend on the order the fields were posted in', () => {
    const reversed = Object.fromEntries(Object.entries(KNOWN_FORM).reverse());
    expect(cmiHashVer3(reversed, 'TEST1234')).toBe(cmiHashVer3(KNOWN_FORM, 'TEST1234'));
  });

  it('leaves HASH and encoding out, whatever their case', () => {
    const withExtras = { ...KNOWN_FORM, HASH: 'whatever', Encoding: 'ISO-8859-1', ENCODING: 'x', hash: 'y' };
    expect(cmiHashPlaintext(withExtras, 'TEST1234')).toBe(cmiHashPlaintext(KNOWN_FORM, 'TEST1234'));
  });

  it('escapes backslash before pipe, in values and in the store key', () => {
    const plaintext = cmiHashPlaintext({ a: 'x|y', b: 'c:\\dir', c: 'end\\|' }, 'k|e\\y');
    expect(plaintext).toBe('x\\|y|c:\\\\dir|end\\\\\\||k\\|e\\\\y');
    // The digest is of that exact text.
    expect(cmiHashVer3({ a: 'x|y', b: 'c:\\dir', c: 'end\\|' }, 'k|e\\y')).toBe(
      createHash('sha512').update(plaintext).digest('base64'),
    );
    // Without escaping, "x|y" + "z" and "x" + "y|z" would hash the same.
    expect(cmiHashVer3({ a: 'x|y', b: 'z' }, 'K')).not.toBe(cmiHashVer3({ a: 'x', b: 'y|z' }, 'K'));
  });

  it("trims values as PHP's trim does (not Unicode spaces), but never the store key", () => {
    expect(cmiHashPlaintext({ a: ' \t150.00\r\n\0\x0B', b: '\u00a0x' }, ' key ')).toBe('150.00|\u00a0x| key ');
  });

  it('orders names naturally and case-insensitively', () => {
    const plaintext = cmiHashPlaintext(
      { BillToStreet12: 'twelve', billtostreet2: 'two', BillToStreet1: 'one', amount: 'A', Zeta: 'Z' },
      'K',
    );
    expect(plaintext).toBe('A|one|two|twelve|Z|K');
  });

  it('tells a good HASH from a tampered one, in constant time', () => {
    const signed = { ...KNOWN_FORM, HASH: cmiHashVer3(KNOWN_FORM, 'TEST1234') };
    expect(hasValidCmiHash(signed, 'TEST1234')).toBe(true);
    expect(hasValidCmiHash({ ...signed, amount: '1.50' }, 'TEST1234')).toBe(false);
    expect(hasValidCmiHash(signed, 'TEST12345')).toBe(false);
    expect(hasValidCmiHash({ ...signed, HASH: signed.HASH.slice(0, -4) }, 'TEST1234')).toBe(false);
    expect(hasValidCmiHash(KNOWN_FORM, 'TEST1234')).toBe(false);
    // A field added on the way is part of the hash too.
    expect(hasValidCmiHash({ ...signed, ProcReturnCode: '00' }, 'TEST1234')).toBe(false);
  });
});

describe("strnatcasecmp (PHP's natural, case-insensitive order)", () => {
  const natcasesort = (values: string[]) => [...values].sort(strnatcasecmp);

  it('compares digit runs by value', () => {
    expect(strnatcasecmp('BillToStreet2', 'BillToStreet12')).toBe(-1);
    expect(strnatcasecmp('BillToStreet12', 'BillToStreet2')).toBe(1);
    expect(natcasesort(['img12.png', 'img10.png', 'img2.png', 'img1.png'])).toEqual([
      'img1.png',
      'img2.png',
      'img10.png',
      'img12.png',
    ]);
  });

  it('ignores case (ASCII)', () => {
    expect(natcasesort(['IMG0.png', 'img12.png', 'img10.png', 'img2.png', 'img1.png', 'IMG3.png'])).toEqual([
      'IMG0.png',
      'img1.png',
      'img2.png',
      'IMG3.png',
      'img10.png',
      'img12.png',
    ]);
    expect(strnatcasecmp('okUrl', 'OKURL')).toBe(0);
    expect(strnatcasecmp('oid', 'okUrl')).toBe(-1);
  });

  it('reads a run that starts with 0 as a fraction, and skips leading zeros of the first run', () => {
    // Not a decimal reader: "5" and "25" are two integers.
    expect(strnatcasecmp('x1.5', 'x1.25')).toBe(-1);
    expect(strnatcasecmp('x1.05', 'x1.5')).toBe(-1);
    expect(strnatcasecmp('007', '7')).toBe(0);
    expect(strnatcasecmp('08', '10')).toBe(-1);
    expect(natcasesort(['10', '011', '8', '0'])).toEqual(['0', '8', '10', '011']);
  });

  it('skips runs of spaces and orders prefixes first', () => {
    expect(strnatcasecmp('a  b', 'a b')).toBe(0);
    expect(strnatcasecmp('amount', 'amount2')).toBe(-1);
    expect(strnatcasecmp('', 'a')).toBe(-1);
    expect(strnatcasecmp('a', '')).toBe(1);
    expect(strnatcasecmp('', '')).toBe(0);
  });

  it('compares other bytes upper-cased, as the C locale does', () => {
    // "_" (0x5F) sorts after every letter once letters are upper-cased.
    expect(strnatcasecmp('a_b', 'azb')).toBe(1);
    expect(natcasesort(['EXTRA.TRXDATE', 'Ecom_Payment_Card_ExpDate_Year', 'ErrMsg', 'email'])).toEqual([
      'Ecom_Payment_Card_ExpDate_Year',
      'email',
      'ErrMsg',
      'EXTRA.TRXDATE',
    ]);
  });
});
