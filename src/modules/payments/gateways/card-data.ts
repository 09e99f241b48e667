/**
 * Card data never stays in Mawid: a gateway's callback carries a masked card number and the card's
 * expiry, which are removed before anything is stored or logged. Fields are removed by name, and
 * any value that looks like a card number (masked, or 13-19 digits passing Luhn) is removed too,
 * whatever its name, should a gateway add a field we do not know.
 */
// "pan" only as a whole word or after "masked": "companyName" is not card data.
const CARD_FIELD = /(^|[^a-z])pan($|[^a-z])|maskedpan|card|cvv|cvc|cv2|ccv|expdate|exp_date|expiry|ecom_payment/i;
const MASKED_NUMBER = /\d{4,}[*xX•]{3,}\d{2,}/;
// Identifiers the gateway gives (numeric, long) that must survive even when Luhn-valid by chance.
const KNOWN_IDENTIFIERS = new Set(['oid', 'transid', 'hostrefnum', 'authcode', 'clientid', 'rnd', 'hash']);

export const REMOVED = '[removed]';

function passesLuhn(digits: string): boolean {
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

export function looksLikeCardNumber(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '');
  if (MASKED_NUMBER.test(compact)) return true;
  return /^\d{13,19}$/.test(compact) && passesLuhn(compact);
}

/** The fields with every card-related value replaced by "[removed]". */
export function withoutCardData(fields: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const isCardField = CARD_FIELD.test(name);
    const isSuspect = !KNOWN_IDENTIFIERS.has(name.toLowerCase()) && looksLikeCardNumber(value);
    kept[name] = isCardField || isSuspect ? REMOVED : value;
  }
  return kept;
}
