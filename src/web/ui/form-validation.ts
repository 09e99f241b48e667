import type { z } from 'zod';
import { fieldMessage, type Translator } from './problem-message.ts';

export type FormValues = Record<string, string>;

/** Form strings as the API wants them: trimmed, and a blank optional field left out. */
export function withoutBlanks(values: FormValues): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(values)) {
    const trimmed = value.trim();
    out[key] = trimmed === '' ? undefined : trimmed;
  }
  return out;
}

/**
 * A Mantine form validator from one of the API's Zod schemas: the same rules as the server, with
 * each fault said in the reader's language ("fields.<name>.invalid", or "form.required" when the
 * field was left blank) instead of the schema's English message.
 */
export function validateWith(
  schema: z.ZodType,
  tr: Translator,
  toInput: (values: FormValues) => unknown = withoutBlanks,
): (values: FormValues) => Record<string, string> {
  return (values) => {
    const result = schema.safeParse(toInput(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!field || errors[field]) continue;
      const isBlank = (values[field] ?? '').trim() === '';
      errors[field] = isBlank ? tr.t('form.required') : fieldMessage(field, tr);
    }
    return errors;
  };
}
