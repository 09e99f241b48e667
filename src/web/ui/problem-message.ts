import { type FieldFault, isApiError } from '../api/api-error.ts';

/** The two things of i18next the messages need (a fake one in tests). */
export interface Translator {
  exists(key: string): boolean;
  t(key: string, params?: Record<string, string | number>): string;
}

/**
 * The sentence a person reads for a failure: the catalogue's message for the problem's code (each
 * says what to do next), else the server's translated title, else a general sentence. Never a
 * code, a status or a stack trace.
 */
export function problemMessage(error: unknown, tr: Translator): string {
  if (!isApiError(error)) return tr.t('errors.UNEXPECTED');
  const key = `errors.${error.code}`;
  if (tr.exists(key)) return tr.t(key, error.params);
  if (error.status >= 500) return tr.t('errors.INTERNAL_ERROR');
  if (error.title) return error.title;
  return tr.t('errors.UNEXPECTED');
}

/**
 * The form fields a VALIDATION_FAILED problem names (`body.email` → `email`), each with the
 * catalogue's sentence for that field (`fields.email.invalid`) or a general one.
 */
export function fieldErrorsOf(error: unknown, formFields: readonly string[], tr: Translator): Record<string, string> {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const fault of error.fields) {
    const field = formFieldOf(fault);
    if (field && formFields.includes(field) && !errors[field]) errors[field] = fieldMessage(field, tr);
  }
  return errors;
}

function formFieldOf(fault: FieldFault): string | undefined {
  const [where, name] = fault.path.split('.');
  return where === 'body' || where === 'querystring' ? name : undefined;
}

export function fieldMessage(field: string, tr: Translator): string {
  const key = `fields.${field}.invalid`;
  return tr.exists(key) ? tr.t(key) : tr.t('form.invalid');
}
