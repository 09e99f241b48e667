import { describe, expect, it } from 'vitest';
import { apiErrorFromProblem, networkError } from '../api/api-error.ts';
import { problemFeedback, summaryItems } from './form-feedback.ts';
import type { Translator } from './problem-message.ts';

const catalogue: Record<string, string> = {
  'errors.EMAIL_TAKEN': 'An account already uses this address.',
  'errors.NETWORK_ERROR': 'No connection.',
  'fields.phone.invalid': 'Write the number in international format.',
  'form.invalid': 'Check this field.',
};
const tr: Translator = { exists: (key) => key in catalogue, t: (key) => catalogue[key] ?? key };
const fields = ['email', 'password', 'phone'];

describe('problemFeedback', () => {
  it('puts the fields the API refused on those fields', () => {
    const error = apiErrorFromProblem(400, {
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'body.phone', message: 'must be an international number' }],
    });
    expect(problemFeedback(error, fields, {}, tr)).toEqual({
      fieldErrors: { phone: 'Write the number in international format.' },
      general: null,
    });
  });

  it('puts a refusal on the field it is about, when the form names one', () => {
    const error = apiErrorFromProblem(409, { code: 'EMAIL_TAKEN' });
    expect(problemFeedback(error, fields, { EMAIL_TAKEN: 'email' }, tr)).toEqual({
      fieldErrors: { email: 'An account already uses this address.' },
      general: null,
    });
  });

  it('says anything else about the whole form', () => {
    expect(problemFeedback(networkError(), fields, { EMAIL_TAKEN: 'email' }, tr)).toEqual({
      fieldErrors: {},
      general: 'No connection.',
    });
  });
});

describe('summaryItems', () => {
  it('lists the faults in the order of the fields on the page, then the sentence about the form', () => {
    const errors = { phone: 'Write the number in international format.', email: 'Enter your e-mail address.' };
    expect(summaryItems(errors, fields, 'No connection.')).toEqual([
      { field: 'email', message: 'Enter your e-mail address.' },
      { field: 'phone', message: 'Write the number in international format.' },
      { message: 'No connection.' },
    ]);
  });

  it('is empty when nothing is wrong', () => {
    expect(summaryItems({ email: '' }, fields, null)).toEqual([]);
  });
});
