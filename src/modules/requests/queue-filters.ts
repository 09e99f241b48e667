import { type SQL, sql } from 'drizzle-orm';
import { type QueueSearch, searchConditionSql } from './name-search.ts';
import { type RequestStatus, requestStatuses } from './request-status.ts';

/** The statuses the workspace lists: every request that reached the queue (a draft never did). */
export const queueStatuses = requestStatuses.filter(
  (status): status is Exclude<RequestStatus, 'draft'> => status !== 'draft',
);
export type QueueStatus = (typeof queueStatuses)[number];

/** What narrows the queue: the staff member's scope, then what the page asks for. */
export interface QueueFilters {
  consulateId: string;
  // An agent's departments; null for a consulate admin (all of them) or headquarters.
  departmentIds: string[] | null;
  serviceId?: string;
  search?: QueueSearch | null;
}

/**
 * The scope and filters on a request row (alias `q`), status apart. Staff never see a request of
 * another consulate, nor an agent one of another department: this condition is in every query.
 */
export function scopeAndFiltersSql(filters: QueueFilters): SQL {
  const departments = filters.departmentIds
    ? sql`AND q.department_id IN (${sql.join(
        filters.departmentIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const service = filters.serviceId ? sql`AND q.service_id = ${filters.serviceId}::uuid` : sql``;
  const search = filters.search ? sql`AND ${searchConditionSql(filters.search)}` : sql``;
  return sql`q.consulate_id = ${filters.consulateId} ${departments} ${service} ${search}`;
}

/**
 * The status condition. 'submitted' is written out so the planner can use the partial index
 * requests_queue_idx (consulate_id, queued_at, id) WHERE status = 'submitted' even for a prepared
 * statement's generic plan; the other statuses go through requests_consulate_idx (consulate_id,
 * status). Requests opened by a direct booking never went through the queue (no queued_at).
 */
export function statusSql(status: QueueStatus): SQL {
  return status === 'submitted' ? sql`q.status = 'submitted'` : sql`q.status = ${status} AND q.queued_at IS NOT NULL`;
}

/** A name for a prepared statement of this shape (the text is the same for the same shape). */
export function queueShape(filters: QueueFilters, status: QueueStatus): string {
  return [
    filters.departmentIds?.length ?? 'all',
    status === 'submitted' ? 'submitted' : 'status',
    filters.serviceId ? 'service' : 'any',
  ].join('_');
}

/** True when the scope can hold nothing (an agent without departments). */
export const isEmptyScope = (filters: QueueFilters) =>
  filters.departmentIds !== null && filters.departmentIds.length === 0;
