import { type Locale, translate } from '../../platform/i18n/i18n.ts';

/**
 * Reasons an agent gives for refusing one document. Each code is translated
 * (`documentReason.<code>` in the catalogues); the agent may add their own words, and must for
 * `other`, whose label only says "see the note".
 */
export const documentRefusalReasonCodes = [
  'illegible',
  'incomplete',
  'expired',
  'wrong_document',
  'details_mismatch',
  'photo_not_compliant',
  'not_certified',
  'translation_missing',
  'issued_too_long_ago',
  'other',
] as const;
export type DocumentRefusalReasonCode = (typeof documentRefusalReasonCodes)[number];

export interface DocumentRefusal {
  code: DocumentRefusalReasonCode | null;
  note: string | null;
}

const isCode = (value: string): value is DocumentRefusalReasonCode =>
  (documentRefusalReasonCodes as readonly string[]).includes(value);

/**
 * documents.refusal_reason is one text column (the schema has no room for a code), so a templated
 * refusal is stored as its code, then a line break and the agent's note when there is one. Text
 * written before the templates (free text) has no code line and reads back as a note.
 */
export function storedRefusal(refusal: { code: DocumentRefusalReasonCode; note?: string | null }): string {
  const note = refusal.note?.trim();
  return note ? `${refusal.code}\n${note}` : refusal.code;
}

export function parseRefusal(stored: string | null): DocumentRefusal {
  if (!stored) return { code: null, note: null };
  const lineBreak = stored.indexOf('\n');
  const head = lineBreak === -1 ? stored : stored.slice(0, lineBreak);
  if (!isCode(head)) return { code: null, note: stored };
  return { code: head, note: lineBreak === -1 ? null : stored.slice(lineBreak + 1) || null };
}

/** What a person reads: the template in their language, then the agent's note. */
export function refusalSentence(locale: Locale, stored: string | null): string | null {
  const { code, note } = parseRefusal(stored);
  if (!code) return note;
  const label = translate(locale, `documentReason.${code}`);
  return note ? `${label} — ${note}` : label;
}

/** The three faces of a stored refusal, as documents and checklist items show it. */
export function presentRefusal(locale: Locale, stored: string | null) {
  const { code, note } = parseRefusal(stored);
  return { refusalReason: refusalSentence(locale, stored), refusalReasonCode: code, refusalNote: note };
}
