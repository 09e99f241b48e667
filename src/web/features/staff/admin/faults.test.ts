import { describe, expect, it } from 'vitest';
import { faultSentences, isLocalDate, wholeNumber } from './faults.ts';

describe('the admin screens’ faults', () => {
  it('says each fault with its values, from the admin catalogue', () => {
    const said: string[] = [];
    const tr = {
      exists: () => true,
      t: (key: string, params?: Record<string, string | number>) => {
        said.push(key);
        return `${key}:${JSON.stringify(params ?? {})}`;
      },
    };
    expect(faultSentences({ label: { key: 'counters.errors.labelTooLong', params: { max: 40 } } }, tr)).toEqual({
      label: 'staff.admin.counters.errors.labelTooLong:{"max":40}',
    });
    expect(said).toEqual(['staff.admin.counters.errors.labelTooLong']);
  });

  it('reads whole numbers and real dates only', () => {
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('0')).toBe(0);
    expect(wholeNumber('١٢')).toBe(12);
    expect(wholeNumber('۴۰')).toBe(40);
    for (const text of ['', '1.5', '-3', '1e3', '12a', '١.٢']) expect(wholeNumber(text), text).toBeNull();
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-2-28')).toBe(false);
  });
});
