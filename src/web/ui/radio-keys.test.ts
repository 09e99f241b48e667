import { describe, expect, it } from 'vitest';
import { radioIndexAfter } from './radio-keys.ts';

describe('radioIndexAfter', () => {
  it('moves forward with right and down, back with left and up, wrapping around', () => {
    expect(radioIndexAfter('ArrowRight', 0, 3, 'ltr')).toBe(1);
    expect(radioIndexAfter('ArrowDown', 2, 3, 'ltr')).toBe(0);
    expect(radioIndexAfter('ArrowLeft', 0, 3, 'ltr')).toBe(2);
    expect(radioIndexAfter('ArrowUp', 1, 3, 'ltr')).toBe(0);
  });

  it('follows the reading direction in Arabic: left goes forward', () => {
    expect(radioIndexAfter('ArrowLeft', 0, 3, 'rtl')).toBe(1);
    expect(radioIndexAfter('ArrowRight', 0, 3, 'rtl')).toBe(2);
    expect(radioIndexAfter('ArrowDown', 0, 3, 'rtl')).toBe(1);
  });

  it('goes to the ends with Home and End, and starts from the ends when nothing is chosen yet', () => {
    expect(radioIndexAfter('Home', 2, 3, 'ltr')).toBe(0);
    expect(radioIndexAfter('End', 0, 3, 'rtl')).toBe(2);
    expect(radioIndexAfter('ArrowRight', -1, 3, 'ltr')).toBe(0);
    expect(radioIndexAfter('ArrowLeft', -1, 3, 'ltr')).toBe(2);
  });

  it('leaves other keys to the page', () => {
    expect(radioIndexAfter('Enter', 0, 3, 'ltr')).toBeUndefined();
    expect(radioIndexAfter('Tab', 0, 3, 'ltr')).toBeUndefined();
    expect(radioIndexAfter('ArrowRight', 0, 0, 'ltr')).toBeUndefined();
  });
});
