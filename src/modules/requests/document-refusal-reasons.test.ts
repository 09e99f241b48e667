import { describe, expect, it } from 'vitest';
import { parseRefusal, refusalSentence, storedRefusal } from './document-refusal-reasons.ts';

describe('a document refusal as stored', () => {
  it('keeps the template and the note apart, and reads back what it stored', () => {
    expect(storedRefusal({ code: 'illegible', note: ' Trop sombre ' })).toBe('illegible\nTrop sombre');
    expect(storedRefusal({ code: 'expired' })).toBe('expired');
    expect(parseRefusal('illegible\nTrop sombre\net coupé')).toEqual({
      code: 'illegible',
      note: 'Trop sombre\net coupé',
    });
    expect(parseRefusal('expired')).toEqual({ code: 'expired', note: null });
    expect(parseRefusal(null)).toEqual({ code: null, note: null });
  });

  it('reads free text written before the templates as a note, even one that starts like a word', () => {
    expect(parseRefusal('The copy is blurred')).toEqual({ code: null, note: 'The copy is blurred' });
    expect(parseRefusal('blurred\nsecond line')).toEqual({ code: null, note: 'blurred\nsecond line' });
    expect(refusalSentence('en', 'The copy is blurred')).toBe('The copy is blurred');
  });

  it('says the template in the reader’s language, then the note', () => {
    expect(refusalSentence('en', 'expired')).toBe('The document has expired');
    expect(refusalSentence('fr', 'illegible\nTrop sombre')).toBe('Le document est illisible — Trop sombre');
  });
});
