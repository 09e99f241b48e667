import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L or U/V pairs: a reference is read aloud on the phone and typed from paper.
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** `PAR-7K3M-Q9XD`: the consulate's code and 8 random characters (29^8 ≈ 5·10^11 per consulate). */
export function newAppointmentReference(consulateCode: string): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `${consulateCode}-${body.slice(0, 4)}-${body.slice(4)}`;
}

export const referencePattern = new RegExp(`^[A-Z]{3}-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);
