import { isApiError } from '../../../api/api-error.ts';
import { problemMessage, type Translator } from '../../../ui/problem-message.ts';

// The formats a file's name can claim, by the type the API names (its `claimedType`).
const formatOf: Record<string, 'pdf' | 'jpeg' | 'png'> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
};

/**
 * Why an upload was refused, as the citizen reads it. A file whose content is not what its name
 * says ("scan.pdf" that is really a Word file, or a PNG) is "not a real PDF" — said with the
 * format the name claimed; every other refusal reads as its problem code says.
 */
export function uploadRefusal(error: unknown, tr: Translator): string {
  if (isApiError(error) && (error.code === 'DOCUMENT_TYPE_REFUSED' || error.code === 'DOCUMENT_TYPE_MISMATCH')) {
    const claimed = formatOf[String(error.params.claimedType ?? '')];
    if (claimed) return tr.t(`upload.notReal.${claimed}`);
  }
  return problemMessage(error, tr);
}
