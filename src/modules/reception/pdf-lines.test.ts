import { describe, expect, it } from 'vitest';
import { fitLine, measureLine, type TextStyle, wrapText } from './pdf-lines.ts';

const style: TextStyle = { size: 10, weight: 'regular', base: 'ltr' };
const arabic: TextStyle = { ...style, base: 'rtl' };

describe('PDF lines', () => {
  it('never break an amount or a date at the no-break spaces Intl writes inside them', () => {
    const amount = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(1234.5);
    expect(amount).toMatch(/\u202f.*\u00a0/);
    const narrow = measureLine(amount, style) + 1;
    expect(wrapText(`Montant ${amount} payé`, narrow, style)).toEqual(['Montant', amount, 'payé']);
  });

  it('measure a narrow no-break space as the thin space it is drawn with', () => {
    expect(measureLine('1\u202f234', style)).toBeCloseTo(measureLine('1\u2009234', style), 6);
    expect(measureLine('1\u202f234', style)).toBeLessThan(measureLine('1 234', style));
  });

  it('keep a line that fits, and cut one that does not at its end, with an ellipsis', () => {
    const note = 'Avoir « CB » d’Éric : double débit confirmé par l’acquéreur';
    expect(fitLine(note, measureLine(note, style), style)).toBe(note);
    const width = measureLine(note, style) / 2;
    const cut = fitLine(note, width, style);
    expect(cut).toMatch(/^Avoir « CB ».*…$/);
    expect(measureLine(cut, style)).toBeLessThanOrEqual(width);
    // Cut as late as the width allows, not at a word: more than a third of the text is kept.
    expect(cut.length).toBeGreaterThan(note.length / 3);
    const reason = 'في دفتر الأستاذ وغائب عن الملف';
    expect(fitLine(reason, measureLine(reason, arabic) * 0.6, arabic)).toMatch(/^في دفتر .*…$/);
  });
});
