import { randomInt } from 'node:crypto';

// Damm's quasigroup of order 10 (totally anti-symmetric): one check digit detects every
// single-digit error and every transposition of adjacent digits.
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const char of digits) interim = DAMM[interim]![Number(char)]!;
  return interim;
}

/** 16 digits: 15 random, then the Damm check digit. Shown grouped by four: 4821 0937 5512 6604. */
export const STAMP_NUMBER_LENGTH = 16;

export function newStampNumber(): string {
  let body = String(randomInt(1, 10));
  while (body.length < STAMP_NUMBER_LENGTH - 1) body += String(randomInt(0, 10));
  return body + String(dammCheckDigit(body));
}

/** Whether a typed number (spaces and dashes allowed) is well formed and its check digit right. */
export function normalizeStampNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^[0-9]+$/.test(digits) || digits.length !== STAMP_NUMBER_LENGTH) return null;
  return dammCheckDigit(digits) === 0 ? digits : null;
}

export const formatStampNumber = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ');
