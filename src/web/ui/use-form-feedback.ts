import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import { problemFeedback, summaryItems } from './form-feedback.ts';
import { useTranslator } from './use-translator.ts';

/**
 * Ties a Mantine form to its error summary: stable field ids (the summary links to them), each
 * field's own message inline, the API's refusals put on the field they are about, and the focus
 * sent to the summary each time a submission is refused.
 *
 * `fields` are the form's fields in page order; `problemFields` names the field a refusal code is
 * about (`{ EMAIL_TAKEN: 'email' }`).
 */
export function useFormFeedback(
  form: UseFormReturnType<Record<string, string>>,
  options: { id: string; fields: readonly string[]; problemFields?: Readonly<Record<string, string>> },
) {
  const { id, fields, problemFields = {} } = options;
  const { tr } = useTranslator();
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const idOf = useCallback((field: string) => `${id}-${field}`, [id]);

  return {
    idOf,
    /** The props of one input: its id, value, change handler and its own error message. */
    inputProps: (field: string) => ({ id: idOf(field), ...form.getInputProps(field) }),
    /** For form.onSubmit's second argument: the form's own checks refused the values. */
    onInvalid: () => {
      setGeneral(null);
      setAttempt((n) => n + 1);
    },
    /** A submission goes out: the previous sentence about the whole form no longer holds. */
    onSubmit: () => setGeneral(null),
    /** The API refused the submission. */
    onProblem: (error: unknown) => {
      const feedback = problemFeedback(error, fields, problemFields, tr);
      form.setErrors(feedback.fieldErrors);
      setGeneral(feedback.general);
      setAttempt((n) => n + 1);
    },
    summary: { items: summaryItems(form.errors, fields, general), idOf, attempt },
  };
}
