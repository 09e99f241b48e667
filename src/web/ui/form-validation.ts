import type { z } from 'zod';
import type { Translator } from './problem-message.ts';

export type FormValues = Record<string, string>;

/** What is wrong with a field, in the words of its message: GOV.UK says one message per kind of fault. */
export type FaultKind = 'required' | 'tooShort' | 'tooLong' | 'format' | 'invalid';

/** Form strings as the API wants them: trimmed, and a blank optional field left out. */
export function withoutBlanks(values: FormValues): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(values)) {
    const trimmed = value.trim();
    out[key] = trimmed === '' ? undefined : trimmed;
  }
  return out;
}

interface Fault {
  kind: FaultKind;
  params: Record<string, number>;
}

/** The kind of one Zod issue on a field, given what the person typed there. */
export function faultOf(issue: z.core.$ZodIssue, typed: string): Fault {
  if (typed.trim() === '') return { kind: 'required', params: {} };
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? { kind: 'required', params: {} }
        : { kind: 'tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { kind: 'tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { kind: 'format', params: {} };
    default:
      return { kind: 'invalid', params: {} };
  }
}

/**
 * The sentence for a fault on a field, most specific first: "fields.<field>.<kind>" ("Saisissez
 * votre adresse e-mail"), then the field's own "fields.<field>.invalid", then the general
 * "form.<kind>" — never one "fill in this field" for every fault.
 */
export function faultMessage(field: string, fault: Fault, tr: Translator): string {
  for (const key of [`fields.${field}.${fault.kind}`, `fields.${field}.invalid`, `form.${fault.kind}`]) {
    if (tr.exists(key)) return tr.t(key, fault.params);
  }
  return tr.t('form.invalid');
}

/**
 * A Mantine form validator from one of the API's Zod schemas: the same rules as the server, each
 * field's first fault said in the reader's language, by field and by kind (missing, too short, too
 * long, wrong format), instead of the schema's English message.
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
      errors[field] = faultMessage(field, faultOf(issue, values[field] ?? ''), tr);
    }
    return errors;
  };
}
