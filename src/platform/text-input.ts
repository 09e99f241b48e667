import { z } from 'zod';

/**
 * The one rule for text that people and other systems send us. Pure Zod, importing nothing else:
 * the web app bundles it with the account forms (accounts.inputs.ts), so browser and API refuse
 * the same characters.
 *
 * Refused: the C0 control characters (U+0000–U+001F) and DEL (U+007F), except tab, line feed, and
 * a carriage return that begins a CRLF line break (a Windows textarea, a CSV file); and lone UTF-16
 * surrogates. NUL is why the rule exists: PostgreSQL cannot store it in text (22021) nor in jsonb
 * (22P05), so it would fail deep in a transaction. The others cannot be typed, make the text read
 * differently from what it holds (BEL, ESC sequences in a terminal, a bare CR overwriting a log
 * line), and a lone surrogate would be stored silently as U+FFFD, not as it was sent.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is this rule's whole purpose.
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\p{Cs}]|\r(?!\n)/u;

export const CONTROL_CHARACTER_MESSAGE = 'must not contain control characters';

/** True when the text holds nothing the rule refuses. */
export function isSafeText(value: string): boolean {
  return !FORBIDDEN.test(value);
}

/**
 * `z.string()` for inputs: use it wherever a body, query string, path parameter or header carries
 * text. Chain `.trim()`, `.min()`, `.regex()`… after it as on `z.string()`; the rule sees the text
 * as sent, before any trimming.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isSafeText, { message: CONTROL_CHARACTER_MESSAGE });
}
