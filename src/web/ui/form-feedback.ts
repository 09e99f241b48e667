import { isApiError } from '../api/api-error.ts';
import { fieldErrorsOf, problemMessage, type Translator } from './problem-message.ts';

/** One line of an error summary: a link to the field at fault, or a sentence about the whole form. */
export interface SummaryItem {
  field?: string;
  message: string;
}

/**
 * What a refused submission says, and where: the fields the API named (VALIDATION_FAILED), or the
 * field a refusal is about (`EMAIL_TAKEN` → email, given by the form in `problemFields`), each
 * with its sentence; anything else is a sentence about the whole form.
 */
export function problemFeedback(
  error: unknown,
  formFields: readonly string[],
  problemFields: Readonly<Record<string, string>>,
  tr: Translator,
): { fieldErrors: Record<string, string>; general: string | null } {
  const fieldErrors = fieldErrorsOf(error, formFields, tr);
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors, general: null };
  const field = isApiError(error) ? problemFields[error.code] : undefined;
  const message = problemMessage(error, tr);
  if (field && formFields.includes(field)) return { fieldErrors: { [field]: message }, general: null };
  return { fieldErrors: {}, general: message };
}

/**
 * The error summary's lines in the order the fields appear on the page (GOV.UK: the same order),
 * then the sentence about the whole form, if any.
 */
export function summaryItems(
  errors: Readonly<Record<string, unknown>>,
  formFields: readonly string[],
  general: string | null,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const field of formFields) {
    const message = errors[field];
    if (typeof message === 'string' && message !== '') items.push({ field, message });
  }
  if (general) items.push({ message: general });
  return items;
}
