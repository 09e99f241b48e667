import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
  it('goes back to a page of the portal', () => {
    expect(safeNext('/requests/42/appointment?x=1')).toBe('/requests/42/appointment?x=1');
  });

  it('never leaves the site', () => {
    expect(safeNext('//evil.example/x')).toBe('/requests');
    expect(safeNext('/\\evil.example')).toBe('/requests');
    expect(safeNext('https://evil.example')).toBe('/requests');
    expect(safeNext(null, '/')).toBe('/');
  });
});
