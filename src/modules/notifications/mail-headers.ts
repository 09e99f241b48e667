/**
 * Just enough of RFC 5322 and RFC 2047 to list received mail: the header block, unfolded, and its
 * encoded words decoded ("=?UTF-8?B?...?=" subjects in Arabic).
 */
export interface MailSummary {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  date: string;
}

/** The headers of a raw message, names in lower case, first occurrence kept. */
export function parseHeaders(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeWord(charset: string, encoding: string, encoded: string): string {
  const bytes =
    encoding.toUpperCase() === 'B'
      ? Buffer.from(encoded, 'base64')
      : Buffer.from(
          encoded
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          'latin1',
        );
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

/** "=?UTF-8?B?2YXZiNi52K8=?= =?UTF-8?Q?x?=" → the text; the space between two encoded words goes. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g, (_, charset: string, encoding: string, encoded: string) =>
      decodeWord(charset, encoding, encoded),
    );
}

export function summarizeMail(raw: string): MailSummary {
  const headers = parseHeaders(raw);
  const header = (name: string) => decodeEncodedWords(headers.get(name) ?? '');
  return {
    from: header('from'),
    to: header('to'),
    subject: header('subject'),
    messageId: header('message-id'),
    date: header('date'),
  };
}
