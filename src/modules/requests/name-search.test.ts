import { describe, expect, it } from 'vitest';
import { foldForSearch, parseQueueSearch } from './name-search.ts';

describe('searching the queue', () => {
  it('folds Latin case and accents, and drops separators', () => {
    expect(foldForSearch('Hélène LEFÈVRE-Dupré')).toBe('helenelefevredupre');
    expect(foldForSearch('Çağlar Øvergård Łukasz')).toBe('caglarovergardlukasz');
    // A name typed decomposed (e + combining acute) folds as the composed one.
    expect(foldForSearch('e\u0301cole')).toBe(foldForSearch('école'));
  });

  it('drops harakat and tatweel and unifies alef, yeh and teh marbuta forms', () => {
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
    expect(foldForSearch('محـــمد')).toBe('محمد');
    expect(foldForSearch('إدريس أحمد آمنة')).toBe('ادريساحمدامنه');
    expect(foldForSearch('مصطفى')).toBe('مصطفي');
  });

  it('reads words and, from four letters or digits, a piece of a reference', () => {
    expect(parseQueueSearch('  Amina   BENALI ')).toEqual({ words: ['amina', 'benali'], reference: 'AMINABENALI' });
    expect(parseQueueSearch('par-d-7k3m')).toEqual({ words: ['pard7k3m'], reference: 'PARD7K3M' });
    expect(parseQueueSearch('Ali')).toEqual({ words: ['ali'], reference: null });
    expect(parseQueueSearch('يوسف')).toEqual({ words: ['يوسف'], reference: null });
    expect(parseQueueSearch('   ')).toBeNull();
    expect(parseQueueSearch(undefined)).toBeNull();
    // Only marks: nothing left to look for, so nothing matches (rather than everything).
    expect(parseQueueSearch('\u064e\u0640')).toEqual({ words: [], reference: null });
  });
});
