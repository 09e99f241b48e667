import { attachmentHeader } from './document-name.ts';
import type { AcceptedContentType } from './inspect-upload.ts';

export type Disposition = 'inline' | 'attachment';

/**
 * The headers a decrypted document leaves with. Shown inline (the verification page puts a PDF in
 * an <iframe>, an image in an <img>) or saved as an attachment; the name is the cleaned display
 * name in both RFC 6266 forms. The bytes were recognised at upload (nosniff keeps the browser to
 * that type), and nothing is cached.
 *
 * A PDF shown inline gets a policy that only forbids other sites from framing it: Chrome's built-in
 * viewer refuses to start under `sandbox` or `object-src 'none'` (crbug.com/271452), and a PDF
 * cannot run script in the page. Everything else keeps "nothing may load, and sandboxed".
 */
export function documentHeaders(
  file: { contentType: AcceptedContentType; fileName: string },
  disposition: Disposition,
): Record<string, string> {
  const isViewedPdf = disposition === 'inline' && file.contentType === 'application/pdf';
  return {
    'content-type': file.contentType,
    'content-disposition': attachmentHeader(file.fileName).replace(/^attachment/, disposition),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'content-security-policy': isViewedPdf
      ? "frame-ancestors 'self'"
      : "default-src 'none'; sandbox; frame-ancestors 'self'",
  };
}
