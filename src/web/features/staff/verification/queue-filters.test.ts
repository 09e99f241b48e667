import { describe, expect, it } from 'vitest';
import {
  countsApiPath,
  defaultFilters,
  filtersFromParams,
  isNarrowed,
  nextApiPath,
  paramsFromFilters,
  queueApiPath,
  queueLink,
  requestLink,
} from './queue-filters.ts';

const service = '0b6a8c3e-4f5d-4e1a-9c2b-7d8e9f0a1b2c';
const consulate = '11111111-2222-4333-8444-555555555555';

describe('the queue filters in the address', () => {
  it('read the defaults from an empty address: submitted requests, every service, no search', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual(defaultFilters);
    expect(defaultFilters.status).toBe('submitted');
  });

  it('read what the address asks for, and come back to the same address', () => {
    const params = new URLSearchParams({ status: 'more_info_requested', service, q: ' Benali ' });
    const filters = filtersFromParams(params);
    expect(filters).toEqual({ status: 'more_info_requested', serviceId: service, q: 'Benali' });
    expect(paramsFromFilters(filters).toString()).toBe(`status=more_info_requested&service=${service}&q=Benali`);
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('fall back to the default for an unknown status, a malformed service, and cut a long search', () => {
    const filters = filtersFromParams(
      new URLSearchParams({ status: 'draft', service: 'not-a-uuid', q: 'x'.repeat(150) }),
    );
    expect(filters.status).toBe('submitted');
    expect(filters.serviceId).toBeNull();
    expect(filters.q).toHaveLength(100);
  });

  it('leave the defaults out of links, and keep the filters on a request opened from the list', () => {
    expect(queueLink(defaultFilters)).toBe('/verification');
    expect(queueLink({ ...defaultFilters, q: 'بنعلي' })).toBe(`/verification?q=${encodeURIComponent('بنعلي')}`);
    expect(requestLink('abc', { status: 'accepted', serviceId: null, q: '' })).toBe(
      '/verification/abc?status=accepted',
    );
    expect(requestLink('abc', defaultFilters)).toBe('/verification/abc');
  });

  it('say when the list is narrowed beyond its status', () => {
    expect(isNarrowed(defaultFilters)).toBe(false);
    expect(isNarrowed({ ...defaultFilters, status: 'rejected' })).toBe(false);
    expect(isNarrowed({ ...defaultFilters, serviceId: service })).toBe(true);
    expect(isNarrowed({ ...defaultFilters, q: 'PAR' })).toBe(true);
  });
});

describe('the queue filters sent to the API', () => {
  const filters = { status: 'submitted' as const, serviceId: service, q: 'PAR-7K3M' };

  it('ask for a page of the queue with the status, service, search, page size and cursor', () => {
    const first = new URL(queueApiPath(consulate, filters, null), 'http://x');
    expect(first.pathname).toBe(`/api/v1/staff/consulates/${consulate}/requests/queue`);
    expect(Object.fromEntries(first.searchParams)).toEqual({
      status: 'submitted',
      serviceId: service,
      q: 'PAR-7K3M',
      limit: '50',
    });
    const next = new URL(queueApiPath(consulate, filters, '1767225600000_abc'), 'http://x');
    expect(next.searchParams.get('after')).toBe('1767225600000_abc');
  });

  it('count every status under the same service and search (no status sent)', () => {
    const counts = new URL(countsApiPath(consulate, filters), 'http://x');
    expect(counts.pathname).toBe(`/api/v1/staff/consulates/${consulate}/requests/queue/counts`);
    expect(Object.fromEntries(counts.searchParams)).toEqual({ serviceId: service, q: 'PAR-7K3M' });
    expect(countsApiPath(consulate, defaultFilters)).toBe(
      `/api/v1/staff/consulates/${consulate}/requests/queue/counts`,
    );
  });

  it('ask for the next request under the same filters, never the one open', () => {
    const next = new URL(nextApiPath(consulate, defaultFilters, 'current-id'), 'http://x');
    expect(next.pathname).toBe(`/api/v1/staff/consulates/${consulate}/requests/queue/next`);
    expect(Object.fromEntries(next.searchParams)).toEqual({ status: 'submitted', current: 'current-id' });
    expect(new URL(nextApiPath(consulate, defaultFilters, null), 'http://x').searchParams.has('current')).toBe(false);
  });
});
