import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasRightToLeft, visualPieces } from './visual-order.ts';

// Right-to-left text shows brackets mirrored: compare characters up to mirroring.
const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{', '»': '«', '>': '<' };
const sortedUpToMirroring = (text: string) =>
  Array.from(text)
    .map((char) => pairs[char] ?? char)
    .sort();

describe('visual order of a line', () => {
  it('leaves a Latin line as one piece', () => {
    expect(visualPieces('Amina Benali, PAR-7K3M-Q9XD (14:30)', 'ltr')).toEqual([
      { text: 'Amina Benali, PAR-7K3M-Q9XD (14:30)', face: 'latin' },
    ]);
  });

  it('keeps an Arabic phrase in one logical piece, for the shaper to join and lay out right to left', () => {
    expect(visualPieces('أمينة بنعلي', 'rtl')).toEqual([{ text: 'أمينة بنعلي', face: 'arabic' }]);
    expect(visualPieces('أمينة بنعلي', 'ltr')).toEqual([{ text: 'أمينة بنعلي', face: 'arabic' }]);
  });

  it('puts a Latin value left of its Arabic label on a right-to-left line', () => {
    expect(visualPieces('مرجع الموعد: PAR-7K3M-Q9XD', 'rtl')).toEqual([
      { text: 'PAR-7K3M-Q9XD', face: 'latin' },
      { text: ' ', face: 'arabic' },
      { text: ':', face: 'latin' },
      { text: 'مرجع الموعد', face: 'arabic' },
    ]);
  });

  it('draws with the Arabic face only the spaces it has, and any other space with the Latin face', () => {
    expect(visualPieces('المبلغ\u00a0\u2009الصافي', 'rtl')).toEqual([
      { text: 'الصافي', face: 'arabic' },
      { text: '\u2009', face: 'latin' },
      { text: 'المبلغ\u00a0', face: 'arabic' },
    ]);
  });

  it('reads digits left to right inside Arabic text', () => {
    expect(visualPieces('الساعة 14:30', 'rtl')).toEqual([
      { text: '14:30', face: 'latin' },
      { text: 'الساعة ', face: 'arabic' },
    ]);
  });

  it('mirrors brackets inside right-to-left text', () => {
    expect(visualPieces('الوثائق (الأصول)', 'rtl')).toEqual([
      { text: '(', face: 'latin' },
      { text: 'الأصول', face: 'arabic' },
      { text: ')', face: 'latin' },
      { text: 'الوثائق ', face: 'arabic' },
    ]);
  });

  it('places an Arabic name after a Latin label on a left-to-right line', () => {
    expect(visualPieces('Nom : أمينة بنعلي', 'ltr')).toEqual([
      { text: 'Nom : ', face: 'latin' },
      { text: 'أمينة بنعلي', face: 'arabic' },
    ]);
  });

  it('draws letters outside the Latin subset with the Latin Extended one', () => {
    expect(visualPieces('Łukasz Nowak', 'ltr')).toEqual([
      { text: 'Ł', face: 'latinExt' },
      { text: 'ukasz Nowak', face: 'latin' },
    ]);
  });

  it('never loses, adds or reorders anything in a line without Arabic', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }),
        fc.constantFrom('ltr' as const, 'rtl' as const),
        (text, base) => {
          const joined = visualPieces(text, base)
            .map((piece) => piece.text)
            .join('');
          if (base === 'ltr') expect(joined).toBe(text);
          else expect(sortedUpToMirroring(joined)).toEqual(sortedUpToMirroring(text));
        },
      ),
    );
  });

  it('keeps every character of mixed lines', () => {
    const arabicOrLatin = fc.constantFrom('أ', 'م', 'ي', 'ن', 'ة', ' ', 'A', 'b', '7', '-', ':', '.', '،');
    fc.assert(
      fc.property(
        fc.array(arabicOrLatin, { maxLength: 40 }),
        fc.constantFrom('ltr' as const, 'rtl' as const),
        (chars, base) => {
          const text = chars.join('');
          const joined = visualPieces(text, base)
            .map((piece) => piece.text)
            .join('');
          expect(sortedUpToMirroring(joined)).toEqual(sortedUpToMirroring(text));
        },
      ),
    );
  });

  it('tells right-to-left text apart', () => {
    expect(hasRightToLeft('Amina 12')).toBe(false);
    expect(hasRightToLeft('Amina أمينة')).toBe(true);
  });
});
