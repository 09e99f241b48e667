import type { Translator } from '../../../ui/problem-message.ts';

/**
 * What is wrong with one field, as a key of the admin catalogue (under `staff.admin.`) and its
 * values: the pure checks beside each screen say it, the screen says it in the reader's language.
 */
export interface Fault {
  key: string;
  params?: Record<string, string | number>;
}

/** Faults by field (a form's field name, or a table cell's id). */
export type Faults = Record<string, Fault>;

/** The sentence of each fault, for Mantine's form errors and the error summary. */
export function faultSentences(faults: Faults, tr: Translator): Record<string, string> {
  const sentences: Record<string, string> = {};
  for (const [field, fault] of Object.entries(faults))
    sentences[field] = tr.t(`staff.admin.${fault.key}`, fault.params);
  return sentences;
}

/**
 * A whole number written by a person ("12", " 3 ", "١٢" on an Arabic keyboard), or null for
 * anything else ("3.5", "12a", "").
 */
export function wholeNumber(text: string): number | null {
  const trimmed = text
    .trim()
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A real calendar date written YYYY-MM-DD (what a date input gives). */
export function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
