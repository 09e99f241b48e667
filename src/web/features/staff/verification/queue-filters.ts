import { type QueueStatus, queueStatuses } from './verification-types.ts';

/**
 * What the agent narrows the queue to, kept in the page's address (`/verification?status=…&service=…&q=…`)
 * so that a reload, the back button and a request opened from the list keep it, and "the next
 * request" is the next one under the same filters.
 */
export interface QueueFilters {
  status: QueueStatus;
  serviceId: string | null;
  q: string;
}

export const defaultFilters: QueueFilters = { status: 'submitted', serviceId: null, q: '' };

/** The API's limit on the search text (verification.schemas.ts). */
export const SEARCH_MAX_LENGTH = 100;
export const PAGE_SIZE = 50;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isQueueStatus = (value: unknown): value is QueueStatus =>
  typeof value === 'string' && (queueStatuses as readonly string[]).includes(value);

/** The filters an address asks for; anything unknown or malformed falls back to the default. */
export function filtersFromParams(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  const service = params.get('service');
  const q = (params.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH);
  return {
    status: isQueueStatus(status) ? status : defaultFilters.status,
    serviceId: service && uuidPattern.test(service) ? service.toLowerCase() : null,
    q,
  };
}

/** The address's query of some filters, defaults left out (the plain queue is `/verification`). */
export function paramsFromFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== defaultFilters.status) params.set('status', filters.status);
  if (filters.serviceId) params.set('service', filters.serviceId);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return params;
}

const withQuery = (path: string, params: URLSearchParams) => {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

/** The queue page under these filters. */
export const queueLink = (filters: QueueFilters) => withQuery('/verification', paramsFromFilters(filters));

/** A request's page, remembering the filters it was opened under. */
export const requestLink = (requestId: string, filters: QueueFilters) =>
  withQuery(`/verification/${requestId}`, paramsFromFilters(filters));

/** True when the agent narrowed the list beyond the status (a service, a search). */
export const isNarrowed = (filters: QueueFilters) => filters.serviceId !== null || filters.q.trim() !== '';

function apiFilterParams(filters: QueueFilters, withStatus: boolean): URLSearchParams {
  const params = new URLSearchParams();
  if (withStatus) params.set('status', filters.status);
  if (filters.serviceId) params.set('serviceId', filters.serviceId);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return params;
}

const queueBase = (consulateId: string) => `/api/v1/staff/consulates/${consulateId}/requests/queue`;

/** One page of the queue: oldest first, `after` the cursor the previous page gave. */
export function queueApiPath(consulateId: string, filters: QueueFilters, after: string | null): string {
  const params = apiFilterParams(filters, true);
  params.set('limit', String(PAGE_SIZE));
  if (after) params.set('after', after);
  return withQuery(queueBase(consulateId), params);
}

/** How many requests of each status under the same service and search (the status is what they count). */
export const countsApiPath = (consulateId: string, filters: QueueFilters) =>
  withQuery(`${queueBase(consulateId)}/counts`, apiFilterParams(filters, false));

/** The request to open next under the same filters, never the one open now. */
export function nextApiPath(consulateId: string, filters: QueueFilters, currentId: string | null): string {
  const params = apiFilterParams(filters, true);
  if (currentId) params.set('current', currentId);
  return withQuery(`${queueBase(consulateId)}/next`, params);
}
