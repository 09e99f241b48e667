import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER_MESSAGE, isSafeText, text } from './text-input.ts';

describe('the text input rule', () => {
  it('takes ordinary text in every script, with tabs, line feeds and CRLF line breaks', () => {
    const accepted = [
      '',
      'Rabat',
      'الدار البيضاء',
      'Ville-Marie, Montréal',
      'Nous avons reçu le document.\nMerci.',
      'colonne\tcolonne',
      'line one\r\nline two\r\n',
      'ⵜⴰⵎⴰⵣⵉⵖⵜ 東京 😀',
      '\uFEFFdate,order_id',
    ];
    for (const value of accepted) expect(isSafeText(value), JSON.stringify(value)).toBe(true);
  });

  it('refuses NUL, BEL, ESC, the other C0 controls, DEL, a bare carriage return and lone surrogates', () => {
    const refused = [
      'a\u0000b',
      '\u0000',
      'ring\u0007',
      '\u001b[31mred',
      'back\bspace',
      'vertical\u000Btab',
      'form\ffeed',
      'unit\u001Fseparator',
      'del\u007F',
      'over\rwrite',
      'ends with\r',
      'half \uD83D emoji',
      '\uDE00 low half first',
    ];
    for (const value of refused) expect(isSafeText(value), JSON.stringify(value)).toBe(false);
    // The whole C0 range but the three allowed characters.
    for (let code = 0; code < 0x20; code++) {
      const char = String.fromCharCode(code);
      expect(isSafeText(`x${char}y`), `U+${code.toString(16).padStart(4, '0')}`).toBe(['\t', '\n'].includes(char));
    }
  });

  it('works as z.string() does, with the rule checked on the text as sent', () => {
    const reason = text().trim().min(3).max(20);
    expect(reason.parse('  كتبت السبب  ')).toBe('كتبت السبب');
    const nul = reason.safeParse('  why\u0000  ');
    expect(nul.success).toBe(false);
    expect(nul.error?.issues.map((issue) => issue.message)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    // Trimming would remove a leading vertical tab: it is refused before that.
    expect(reason.safeParse('\u000Bwhy not').success).toBe(false);
    expect(text({ error: 'is required' }).safeParse(undefined).error?.issues[0]?.message).toBe('is required');
  });

  it('names the faulty item of a list', () => {
    const body = text().array().safeParse(['fine', 'bell\u0007']);
    expect(body.error?.issues).toEqual([expect.objectContaining({ path: [1], message: CONTROL_CHARACTER_MESSAGE })]);
  });

  it('imports nothing but zod: the web portal bundles it for the browser', () => {
    const source = readFileSync(new URL('./text-input.ts', import.meta.url), 'utf8');
    const imported = [...source.matchAll(/^\s*import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(imported).toEqual(['zod']);
  });
});
