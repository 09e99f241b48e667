import { foldForSearch } from '../../platform/name-folding.ts';

/** What one search box text may be; the search tries every reading that fits and says which matched. */
export const searchKeys = [
  'email',
  'phone',
  'name',
  'cnie',
  'passport',
  'consular_registration',
  'request_reference',
  'appointment_reference',
  'stamp_number',
] as const;
export type SearchKey = (typeof searchKeys)[number];

export interface CitizenSearch {
  email?: string;
  phone?: string;
  cnie?: string;
  passport?: string;
  consularRegistration?: string;
  requestReference?: string;
  appointmentReference?: string;
  stampNumber?: string;
  // Folded words, each to be found in one person's names (both scripts run together).
  nameWords?: string[];
}

const MAX_WORDS = 6;

/**
 * Reads a search box text as everything it could be. An e-mail is only an e-mail; otherwise several
 * readings may fit (digits: a phone number, a consular registration number or a stamp; letters and
 * digits: an identity number or a reference) and each is tried. Names are words without digits.
 * Formats follow what the platform stores: E.164 phones, upper-case identity numbers, references
 * PAR-7K3M-Q9XD and PAR-D-7K3M-Q9XD (typed with or without dashes), 16-digit stamps.
 */
export function parseCitizenSearch(typed: string): CitizenSearch {
  const text = typed.trim();
  if (text.includes('@')) return { email: text.toLowerCase() };
  const search: CitizenSearch = {};
  const compact = text.replace(/[\s().\-/]/g, '').toUpperCase();
  const phone = compact.replace(/^(\+|00)/, '');
  if (/^[1-9][0-9]{6,14}$/.test(phone) && /^(\+|00)?[0-9]+$/.test(compact)) search.phone = `+${phone}`;
  if (/^[0-9]{6,12}$/.test(compact)) search.consularRegistration = compact;
  if (/^[0-9]{16}$/.test(compact)) search.stampNumber = compact;
  if (/^[A-Z]{1,2}[0-9]{1,6}$/.test(compact)) search.cnie = compact;
  if (/^[A-Z]{2}[0-9]{7}$/.test(compact)) search.passport = compact;
  if (/^[A-Z]{3}[0-9A-Z]{8}$/.test(compact)) {
    search.appointmentReference = `${compact.slice(0, 3)}-${compact.slice(3, 7)}-${compact.slice(7)}`;
  }
  if (/^[A-Z]{3}D[0-9A-Z]{8}$/.test(compact)) {
    search.requestReference = `${compact.slice(0, 3)}-D-${compact.slice(4, 8)}-${compact.slice(8)}`;
  }
  if (!/[0-9]/.test(text)) {
    const words = [...new Set(text.split(/\s+/).map(foldForSearch))].filter((w) => w.length > 0).slice(0, MAX_WORDS);
    // One letter would match half the network: a name search needs two letters at least.
    if (words.join('').length >= 2) search.nameWords = words;
  }
  return search;
}

/** The readings a parsed search will try, in the order of searchKeys. */
export function keysOf(search: CitizenSearch): SearchKey[] {
  const present: Record<SearchKey, boolean> = {
    email: search.email !== undefined,
    phone: search.phone !== undefined,
    name: search.nameWords !== undefined,
    cnie: search.cnie !== undefined,
    passport: search.passport !== undefined,
    consular_registration: search.consularRegistration !== undefined,
    request_reference: search.requestReference !== undefined,
    appointment_reference: search.appointmentReference !== undefined,
    stamp_number: search.stampNumber !== undefined,
  };
  return searchKeys.filter((key) => present[key]);
}
