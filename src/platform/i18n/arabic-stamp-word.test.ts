import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One Arabic word for the e-Timbre stamp in every text the server writes (errors, e-mails, SMS,
 * receipts, reports): «الطابع الإلكتروني», «طابع» in running text, «طوابع» for several. A reader
 * who meets «تنبر» in one message and «طابع» in the next may take them for two different things.
 */
const sourceRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Every server catalogue: an ar.json in a messages/ folder, outside the web portal's own.
function arabicCatalogues(): string[] {
  return readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' })
    .filter((path) => /(^|\/)messages\/ar\.json$/.test(path) && !path.startsWith('web/'))
    .map((path) => join(sourceRoot, path))
    .sort();
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;

// The other words Arabic writers use for a fee stamp: the French borrowing (تمبر, spoken تنبر),
// its spellings with a ya, and the Mashreq's دمغة.
const competingWords = /ت[يى]?[نم]بر|دمغ[ةه]/;
const stampWord = /طابع|طوابع/;

describe('the server’s Arabic catalogues', () => {
  const catalogues = arabicCatalogues();

  it('are found where the modules keep them', () => {
    const found = catalogues.map((path) => relative(sourceRoot, path));
    expect(found).toEqual(
      expect.arrayContaining([
        'modules/notifications/templates/messages/ar.json',
        'modules/payments/messages/ar.json',
        'modules/reception/messages/ar.json',
        'platform/i18n/messages/ar.json',
      ]),
    );
  });

  it('call the stamp by one word, never by a competing one', () => {
    const competing = catalogues.flatMap((path) =>
      Object.entries(read(path))
        .filter(([, text]) => competingWords.test(text))
        .map(([key, text]) => `${relative(sourceRoot, path)} ${key}: ${text}`),
    );
    expect(competing).toEqual([]);
  });

  it('name the stamp wherever the French text names the timbre', () => {
    const unnamed = catalogues.flatMap((path) => {
      const arabic = read(path);
      const french = read(join(dirname(path), 'fr.json'));
      return Object.entries(french)
        .filter(([key, text]) => /\btimbres?\b/i.test(text) && key in arabic)
        .filter(([key]) => !stampWord.test(arabic[key] ?? ''))
        .map(([key]) => `${relative(sourceRoot, path)} ${key}: ${arabic[key]}`);
    });
    expect(unnamed).toEqual([]);
  });

  it('are told apart from the word by the pattern that guards them', () => {
    for (const word of ['التنبر', 'تنبرك', 'التمبر الإلكتروني', 'تيمبر', 'الدمغة'])
      expect(word).toMatch(competingWords);
    for (const text of ['الطابع الإلكتروني', 'طوابع غير مستعملة', 'تنبيه', 'المبلغ', 'تمت']) {
      expect(text).not.toMatch(competingWords);
    }
  });
});
