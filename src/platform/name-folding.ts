import { type SQL, sql } from 'drizzle-orm';

/**
 * Searching people by name, in Latin or Arabic script, ignoring case, accents, harakat and
 * tatweel: the agents' verification queue and the call center's search share this folding.
 * Neither `unaccent` nor ICU collations can be counted on in both engines (PGlite and the
 * PostgreSQL server), and there is no search column to fill in advance, so names are folded on the
 * fly with core SQL both engines run, and the words typed are folded in TypeScript the same way:
 *
 * 1. Unicode decomposition (NFD): "é" becomes "e" and a combining acute, "أ" becomes alef and a
 *    combining hamza (so the alef forms, and waw and yeh with hamza, meet their bare letter);
 * 2. removing every combining mark (Latin accents, harakat, Quranic marks), tatweel, and the
 *    separators people write or leave out (spaces, hyphens, apostrophes, dots), so "El Idrissi",
 *    "el-idrissi" and "Elidrissi" meet, and "الإدْرِيسِيّ" matches "الادريسي";
 * 3. lower case;
 * 4. the few letters that do not decompose: alef wasla, alef maqsura and Persian yeh, teh marbuta
 *    (the usual light normalization of Arabic search), Latin letters with a stroke, and capitals a
 *    database in the C locale would not lower (æ, œ, þ).
 *
 * A single translate() over every accented letter did the same without NFD but cost 150 µs a name
 * (it scans its whole table for each character): about 15 times the cost of the steps above.
 */
const range = (from: number, to: number) => `${String.fromCharCode(from)}-${String.fromCharCode(to)}`;
const removedClass = `[${range(0x0300, 0x036f)}${range(0x064b, 0x065f)}${range(0x06d6, 0x06ed)}\u0670\u0640 ‐‑–—'’‘\`´.,%_\\\\-]`;
const letters: [string, string][] = [
  ['ٱ', 'ا'],
  ['ى', 'ي'],
  ['ی', 'ي'],
  ['ة', 'ه'],
  ['Đđ', 'dd'],
  ['Ðð', 'dd'],
  ['Łł', 'll'],
  ['Øø', 'oo'],
  ['Ħħ', 'hh'],
  ['ı', 'i'],
  ['ÆŒÞ', 'æœþ'],
];
const fromChars = letters.map(([from]) => from).join('');
const toChars = letters.map(([, to]) => to).join('');
const replaced = new Map([...fromChars].map((c, i) => [c, [...toChars][i]!]));
const removed = new RegExp(removedClass, 'gu');

/** The folded form of a text, as the database folds names (see above). */
export function foldForSearch(text: string): string {
  const lowered = text.normalize('NFD').replace(removed, '').toLowerCase();
  let out = '';
  for (const character of lowered) out += replaced.get(character) ?? character;
  return out;
}

/** SQL folding a text expression the same way. */
export function foldedSql(expression: SQL): SQL {
  return sql`translate(lower(regexp_replace(normalize(${expression}, NFD), ${removedClass}::text, '', 'g')),
                       ${fromChars}::text, ${toChars}::text)`;
}
