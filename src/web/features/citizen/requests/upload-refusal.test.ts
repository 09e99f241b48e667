import { describe, expect, it } from 'vitest';
import { apiErrorFromProblem } from '../../../api/api-error.ts';
import type { Translator } from '../../../ui/problem-message.ts';
import { uploadRefusal } from './upload-refusal.ts';

const catalogue: Record<string, string> = {
  'upload.notReal.pdf': 'This file is not a real PDF.',
  'upload.notReal.jpeg': 'This file is not a real JPEG image.',
  'upload.notReal.png': 'This file is not a real PNG image.',
  'errors.DOCUMENT_TYPE_REFUSED': 'Only PDF, JPEG and PNG files are accepted.',
  'errors.DOCUMENT_TOO_LARGE': 'This file is too large.',
};
const tr: Translator = { exists: (key) => key in catalogue, t: (key) => catalogue[key] ?? key };

describe('uploadRefusal', () => {
  it('says "not a real PDF" when the name claimed a PDF and the content is something else', () => {
    const refused = apiErrorFromProblem(415, {
      code: 'DOCUMENT_TYPE_REFUSED',
      detectedType: 'application/x-msdownload',
      claimedType: 'application/pdf',
    });
    expect(uploadRefusal(refused, tr)).toBe('This file is not a real PDF.');
  });

  it('says the same for JPEG and PNG, also when the content is another accepted type', () => {
    const jpeg = apiErrorFromProblem(415, { code: 'DOCUMENT_TYPE_REFUSED', claimedType: 'image/jpeg' });
    expect(uploadRefusal(jpeg, tr)).toBe('This file is not a real JPEG image.');
    const png = apiErrorFromProblem(415, {
      code: 'DOCUMENT_TYPE_MISMATCH',
      detectedType: 'application/pdf',
      claimedType: 'image/png',
    });
    expect(uploadRefusal(png, tr)).toBe('This file is not a real PNG image.');
  });

  it('keeps the general sentence when the name claimed nothing, and for other refusals', () => {
    const unnamed = apiErrorFromProblem(415, { code: 'DOCUMENT_TYPE_REFUSED', detectedType: null });
    expect(uploadRefusal(unnamed, tr)).toBe('Only PDF, JPEG and PNG files are accepted.');
    const large = apiErrorFromProblem(413, { code: 'DOCUMENT_TOO_LARGE', claimedType: 'application/pdf' });
    expect(uploadRefusal(large, tr)).toBe('This file is too large.');
  });
});
