import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The CMI (NestPay) "ver3" hash: SHA-512 over the posted values, ordered by their names with PHP's
 * natcasesort, so that Mawid signs and checks exactly what the gateway's PHP-era specification
 * computes. Pure: no I/O.
 */

// PHP works on bytes and the C locale: these are the byte classes its strnatcmp uses.
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;
const isSpace = (byte: number) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
const upper = (byte: number) => (byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte);

/** A byte string read like a C string: past its end, it reads NUL. */
class Cursor {
  index = 0;
  constructor(readonly bytes: Uint8Array) {}
  get atEnd(): boolean {
    return this.index >= this.bytes.length;
  }
  peek(offset = 0): number {
    return this.bytes[this.index + offset] ?? 0;
  }
  isDigitHere(): boolean {
    return !this.atEnd && isDigit(this.peek());
  }
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

// Digit runs that start with a zero are compared as fractions: left-aligned, first difference wins.
function compareFractions(a: Cursor, b: Cursor): number {
  for (; ; a.index++, b.index++) {
    const aHas = a.isDigitHere();
    const bHas = b.isDigitHere();
    if (!aHas && !bHas) return 0;
    if (!aHas) return -1;
    if (!bHas) return 1;
    if (a.peek() !== b.peek()) return sign(a.peek() - b.peek());
  }
}

// Other digit runs are integers: the longer run is larger; at equal length the first difference decides.
function compareIntegers(a: Cursor, b: Cursor): number {
  let bias = 0;
  for (; ; a.index++, b.index++) {
    const aHas = a.isDigitHere();
    const bHas = b.isDigitHere();
    if (!aHas && !bHas) return bias;
    if (!aHas) return -1;
    if (!bHas) return 1;
    if (bias === 0 && a.peek() !== b.peek()) bias = sign(a.peek() - b.peek());
  }
}

/**
 * PHP's strnatcasecmp, ported from its definition: case-insensitive (ASCII), runs of digits compared
 * by value ("BillToStreet2" < "BillToStreet12"), leading zeros of the first run and runs of spaces
 * skipped. Returns -1, 0 or 1.
 */
export function strnatcasecmp(left: string, right: string): number {
  const a = new Cursor(Buffer.from(left, 'utf8'));
  const b = new Cursor(Buffer.from(right, 'utf8'));
  if (a.bytes.length === 0 || b.bytes.length === 0) return sign(a.bytes.length - b.bytes.length);
  let isLeading = true;
  for (;;) {
    if (isLeading) {
      while (a.peek() === 0x30 && a.index + 1 < a.bytes.length && isDigit(a.peek(1))) a.index++;
      while (b.peek() === 0x30 && b.index + 1 < b.bytes.length && isDigit(b.peek(1))) b.index++;
      isLeading = false;
    }
    while (isSpace(a.peek())) a.index++;
    while (isSpace(b.peek())) b.index++;

    if (isDigit(a.peek()) && isDigit(b.peek())) {
      const isFraction = a.peek() === 0x30 || b.peek() === 0x30;
      const result = isFraction ? compareFractions(a, b) : compareIntegers(a, b);
      if (result !== 0) return result;
      if (a.atEnd && b.atEnd) return 0;
      if (a.atEnd) return -1;
      if (b.atEnd) return 1;
    }

    const ca = upper(a.peek());
    const cb = upper(b.peek());
    if (ca !== cb) return sign(ca - cb);
    a.index++;
    b.index++;
    if (a.atEnd && b.atEnd) return 0;
    if (a.atEnd) return -1;
    if (b.atEnd) return 1;
  }
}

// PHP's trim(): space, tab, LF, CR, NUL and vertical tab — not the Unicode spaces of String#trim.
const PHP_TRIMMED = new Set([' ', '\t', '\n', '\r', '\0', '\x0B']);
function phpTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && PHP_TRIMMED.has(value[start]!)) start++;
  while (end > start && PHP_TRIMMED.has(value[end - 1]!)) end--;
  return value.slice(start, end);
}

const escapeValue = (value: string) => value.replaceAll('\\', '\\\\').replaceAll('|', '\\|');

// Never part of the hashed text, whatever their case.
const UNHASHED = new Set(['hash', 'encoding']);

/** The exact text ver3 hashes: the escaped values in natural name order, then the escaped store key. */
export function cmiHashPlaintext(params: Readonly<Record<string, string>>, storeKey: string): string {
  // Array#sort is stable, as PHP 8's sort: names that compare equal keep their posted order.
  const names = Object.keys(params)
    .filter((name) => !UNHASHED.has(name.toLowerCase()))
    .sort(strnatcasecmp);
  const values = names.map((name) => escapeValue(phpTrim(params[name] ?? '')));
  return [...values, escapeValue(storeKey)].join('|');
}

/** HASH for a form or a callback: base64 of the raw SHA-512 of the ver3 plaintext. */
export function cmiHashVer3(params: Readonly<Record<string, string>>, storeKey: string): string {
  return createHash('sha512').update(cmiHashPlaintext(params, storeKey), 'utf8').digest('base64');
}

/** Whether the fields carry a HASH made with this store key; compared in constant time. */
export function hasValidCmiHash(fields: Readonly<Record<string, string>>, storeKey: string): boolean {
  const hashName = Object.keys(fields).find((name) => name.toLowerCase() === 'hash');
  const received = hashName === undefined ? '' : (fields[hashName] ?? '');
  const expected = Buffer.from(cmiHashVer3(fields, storeKey), 'utf8');
  const given = Buffer.from(received, 'utf8');
  // timingSafeEqual needs equal lengths; a hash of another length is wrong in any case.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}
