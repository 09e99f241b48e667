/**
 * Right-to-left text for PDF lines. pdfkit draws glyphs left to right in the order it is given;
 * fontkit (inside pdfkit) shapes Arabic and lays one Arabic run out right to left, but nothing
 * reorders a line that mixes Arabic with Latin text, digits or punctuation. This cuts a logical
 * line into pieces, each in one font face, in visual order from left to right: a simplified form of
 * the Unicode bidirectional algorithm, enough for labels, names, addresses and references (no
 * embedding levels, no explicit controls).
 */
export type Direction = 'ltr' | 'rtl';

/** The font face a piece is drawn with: Noto Naskh Arabic's Arabic subset, Noto Serif's Latin and Latin Extended ones. */
export type Face = 'arabic' | 'latin' | 'latinExt';

export interface VisualPiece {
  /**
   * Text of an Arabic-face piece inside a right-to-left run stays in logical order: the shaper
   * joins its letters and lays it out right to left itself. Every other piece is already in
   * visual order.
   */
  text: string;
  face: Face;
}

type Strong = 'R' | 'L';

const inRanges = (cp: number, ranges: readonly (readonly [number, number])[]) =>
  ranges.some(([from, to]) => cp >= from && cp <= to);

// Arabic script: letters, marks, punctuation and presentation forms.
const arabicScriptRanges = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
] as const;
// The Arabic subset's coverage (its unicode-range in @fontsource/noto-naskh-arabic/unicode.json,
// BMP part): the script and the joining controls (ZWNJ, ZWJ).
const arabicFaceRanges = [...arabicScriptRanges, [0x200c, 0x200e]] as const;
// Latin Extended coverage (the same unicode-range in both families' packages), less what the Latin subset also has.
const latinExtFaceRanges = [
  [0x0100, 0x0130],
  [0x0132, 0x0151],
  [0x0154, 0x02ba],
  [0x1d00, 0x1dbf],
  [0x1e00, 0x1eff],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
] as const;
// Arabic-Indic digits are numbers: they read left to right, like European digits.
const arabicDigitRanges = [
  [0x0660, 0x0669],
  [0x06f0, 0x06f9],
] as const;

const letterOrNumber = /[\p{L}\p{N}]/u;
const arabicFaceSpaces = new Set([' ', '\u00a0']);
const mirrored: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '«': '»',
  '»': '«',
  '<': '>',
  '>': '<',
};

/** The strong direction of a character, or null for a neutral (spaces, punctuation, symbols). */
function strongOf(char: string): Strong | null {
  const cp = char.codePointAt(0) ?? 0;
  if (inRanges(cp, arabicDigitRanges)) return 'L';
  if (inRanges(cp, arabicScriptRanges)) return 'R';
  return letterOrNumber.test(char) ? 'L' : null;
}

function faceOf(char: string, run: Strong): Face {
  const cp = char.codePointAt(0) ?? 0;
  if (inRanges(cp, arabicFaceRanges)) return 'arabic';
  // The Arabic subset has its own spaces (the plain and the no-break one, no other): keeping them
  // lets a whole Arabic phrase shape as one run.
  if (run === 'R' && arabicFaceSpaces.has(char)) return 'arabic';
  return inRanges(cp, latinExtFaceRanges) ? 'latinExt' : 'latin';
}

/** Each character's resolved direction: neutrals take their neighbours' when both agree, else the base. */
function resolve(chars: string[], base: Strong): Strong[] {
  const strong = chars.map(strongOf);
  const resolved: Strong[] = new Array(chars.length);
  let previous: Strong = base;
  for (let i = 0; i < chars.length; ) {
    const own = strong[i];
    if (own) {
      resolved[i] = own;
      previous = own;
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && !strong[end]) end++;
    const next: Strong = end < chars.length ? (strong[end] as Strong) : base;
    const direction = previous === next ? previous : base;
    for (let k = i; k < end; k++) resolved[k] = direction;
    i = end;
  }
  return resolved;
}

/** Splits one run into pieces of one face each, in logical order. */
function facePieces(chars: string[], run: Strong): VisualPiece[] {
  const pieces: VisualPiece[] = [];
  for (const char of chars) {
    const face = faceOf(char, run);
    const last = pieces.at(-1);
    if (last && last.face === face) last.text += char;
    else pieces.push({ text: char, face });
  }
  return pieces;
}

/** The pieces of a logical line, left to right, for a paragraph of the given base direction. */
export function visualPieces(text: string, base: Direction): VisualPiece[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  const resolved = resolve(chars, base === 'rtl' ? 'R' : 'L');
  const runs: { direction: Strong; chars: string[] }[] = [];
  chars.forEach((char, i) => {
    const direction = resolved[i] as Strong;
    const last = runs.at(-1);
    if (last && last.direction === direction) last.chars.push(char);
    else runs.push({ direction, chars: [char] });
  });
  if (base === 'rtl') runs.reverse();

  const out: VisualPiece[] = [];
  for (const run of runs) {
    const pieces = facePieces(run.chars, run.direction);
    if (run.direction === 'L') {
      for (const piece of pieces) {
        // An Arabic-face piece in a left-to-right run holds only digits or marks: drawn one by one
        // so that the shaper cannot turn them around.
        if (piece.face === 'arabic')
          for (const char of Array.from(piece.text)) out.push({ text: char, face: 'arabic' });
        else out.push(piece);
      }
      continue;
    }
    for (const piece of pieces.reverse()) {
      if (piece.face === 'arabic') out.push(piece);
      else
        out.push({
          text: Array.from(piece.text)
            .reverse()
            .map((c) => mirrored[c] ?? c)
            .join(''),
          face: piece.face,
        });
    }
  }
  return out;
}

/** True when the text holds right-to-left letters. */
export function hasRightToLeft(text: string): boolean {
  return Array.from(text).some((char) => strongOf(char) === 'R');
}
