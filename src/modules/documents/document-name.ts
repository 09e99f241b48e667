import { type AcceptedContentType, extensionOf } from './inspect-upload.ts';

const MAX_NAME_LENGTH = 200;
const extensionsOf: Record<AcceptedContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/png': ['png'],
};

/**
 * The citizen's file name, kept for display only: no folder part (old browsers send a whole
 * Windows path), no control or bidirectional-override characters (which can make "gpj.exe" read as
 * "exe.jpg"), at most 200 characters, and an extension that matches the detected type.
 */
export function displayNameOf(sent: string | undefined, contentType: AcceptedContentType): string {
  const base = (sent ?? '').split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .trim()
    .replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extensionsOf[contentType].includes(extension)) name = `${name || 'document'}.${extensionOf[contentType]}`;
  if (name.length > MAX_NAME_LENGTH) {
    const suffix = name.slice(name.lastIndexOf('.'));
    name =
      Array.from(name.slice(0, name.lastIndexOf('.')))
        .slice(0, MAX_NAME_LENGTH - suffix.length)
        .join('') + suffix;
  }
  return name;
}

/**
 * An RFC 6266 attachment header: a plain-ASCII `filename` for old clients, and the exact name in
 * `filename*` (RFC 5987 percent-encoded UTF-8) for everyone else.
 */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
