import { describe, expect, it } from 'vitest';
import { returnAddress } from './return-to.ts';

describe('returnAddress', () => {
  it('goes back to the new request with the relative just added chosen', () => {
    expect(returnAddress('/requests/new?consulateId=c1&serviceId=s1', 'p2')).toBe(
      '/requests/new?consulateId=c1&serviceId=s1&personId=p2',
    );
    expect(returnAddress('/requests/new?consulateId=c1&personId=p1', 'p2')).toBe(
      '/requests/new?consulateId=c1&personId=p2',
    );
  });

  it('goes back unchanged after a correction, and nowhere without a page to go back to', () => {
    expect(returnAddress('/requests/42/check')).toBe('/requests/42/check');
    expect(returnAddress(null, 'p2')).toBeNull();
  });

  it('never leaves the portal', () => {
    expect(returnAddress('//evil.example/x', 'p2')).toBeNull();
    expect(returnAddress('https://evil.example', 'p2')).toBeNull();
  });
});
