import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromProblem, networkError } from '../api/api-error.ts';
import { fieldErrorsOf, problemMessage, type Translator } from './problem-message.ts';

const catalogue: Record<string, string> = {
  'errors.SLOT_FULL': 'This time was just taken. Choose another time.',
  'errors.DOCUMENT_TOO_LARGE': 'This file is too large: at most {{maxMegabytes}} MB.',
  'errors.INTERNAL_ERROR': 'Something went wrong on our side.',
  'errors.NETWORK_ERROR': 'No connection.',
  'errors.UNEXPECTED': 'Something unexpected happened.',
  'fields.email.invalid': 'Enter an e-mail address such as name@example.org.',
  'form.invalid': 'Check this field.',
};
const tr: Translator = {
  exists: (key) => key in catalogue,
  t: (key, params = {}) =>
    (catalogue[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? '')),
};

describe('problemMessage', () => {
  it('says the catalogue sentence for a known code', () => {
    const error = apiErrorFromProblem(409, { code: 'SLOT_FULL', title: 'Ce créneau vient d’être pris.', status: 409 });
    expect(problemMessage(error, tr)).toBe('This time was just taken. Choose another time.');
  });

  it('fills the sentence with the problem members', () => {
    const error = apiErrorFromProblem(413, { code: 'DOCUMENT_TOO_LARGE', title: 't', status: 413, maxMegabytes: 10 });
    expect(problemMessage(error, tr)).toBe('This file is too large: at most 10 MB.');
  });

  it('falls back on the server’s translated title for a code it does not know', () => {
    const error = apiErrorFromProblem(409, { code: 'STAMP_ALREADY_CONSUMED', title: 'Ce timbre a déjà servi.' });
    expect(problemMessage(error, tr)).toBe('Ce timbre a déjà servi.');
  });

  it('never shows a code or a status, even without a title', () => {
    expect(problemMessage(apiErrorFromProblem(418, { code: 'TEAPOT' }), tr)).toBe('Something unexpected happened.');
    expect(problemMessage(apiErrorFromProblem(502, 'Bad gateway'), tr)).toBe('Something went wrong on our side.');
    expect(problemMessage(new TypeError('x is undefined'), tr)).toBe('Something unexpected happened.');
  });

  it('says when nothing answered', () => {
    expect(problemMessage(networkError(), tr)).toBe('No connection.');
  });
});

describe('fieldErrorsOf', () => {
  it('maps the problem’s body fields onto the form’s fields with a translated sentence', () => {
    const error = apiErrorFromProblem(400, {
      code: 'VALIDATION_FAILED',
      fields: [
        { path: 'body.email', message: 'must be an e-mail address' },
        { path: 'body.phone', message: 'must be an international number' },
        { path: 'headers.idempotency-key', message: 'bad' },
      ],
    });
    expect(fieldErrorsOf(error, ['email', 'phone', 'password'], tr)).toEqual({
      email: 'Enter an e-mail address such as name@example.org.',
      phone: 'Check this field.',
    });
  });

  it('gives nothing for other failures', () => {
    expect(fieldErrorsOf(new ApiError(409, 'SLOT_FULL', undefined), ['email'], tr)).toEqual({});
  });
});
