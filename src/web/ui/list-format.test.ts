import { describe, expect, it } from 'vitest';
import { formatList } from './list-format.ts';

describe('formatList', () => {
  it('joins with each language’s own words and marks', () => {
    expect(formatList(['09:00', '09:20', '09:40'], 'fr-FR')).toBe('09:00, 09:20 et 09:40');
    expect(formatList(['09:00', '09:20', '09:40'], 'en-GB')).toBe('09:00, 09:20 and 09:40');
    expect(formatList(['09:00', '09:20', '09:40'], 'es-ES')).toBe('09:00, 09:20 y 09:40');
  });

  it('never puts a Latin comma in an Arabic list', () => {
    const arabic = formatList(['جواز السفر', 'صورتان', 'وصل الطابع'], 'ar-MA');
    expect(arabic).not.toContain(',');
    expect(arabic).toContain('جواز السفر');
    expect(arabic).toContain('وصل الطابع');
  });
});
