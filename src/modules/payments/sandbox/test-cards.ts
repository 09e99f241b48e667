/**
 * The sandbox's own test cards (README.md lists them). Any other number that passes the Luhn check
 * is declined, as an unknown card would be.
 */
export type TestCardOutcome = 'approved' | 'declined' | 'error' | 'authentication_failed';

export const TEST_CARDS: readonly { number: string; outcome: TestCardOutcome }[] = [
  { number: '4000000000000002', outcome: 'approved' },
  { number: '4000000000000010', outcome: 'declined' },
  { number: '4000000000000028', outcome: 'error' },
  { number: '4000000000000036', outcome: 'authentication_failed' },
];

export function compactCardNumber(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The outcome a typed card number leads to, or null when it is not a card number at all. */
export function testCardOutcome(typed: string): TestCardOutcome | null {
  const digits = compactCardNumber(typed);
  if (!passesLuhn(digits)) return null;
  return TEST_CARDS.find((card) => card.number === digits)?.outcome ?? 'declined';
}

/** 4000000000000002 → 400000******0002: the first six and last four, as gateways show it. */
export function maskCardNumber(typed: string): string {
  const digits = compactCardNumber(typed);
  return `${digits.slice(0, 6)}${'*'.repeat(Math.max(0, digits.length - 10))}${digits.slice(-4)}`;
}

/** 4000000000000002 → 4000 0000 0000 0002, for the page's list. */
export function groupedCardNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}
