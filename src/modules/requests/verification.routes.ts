import type { FastifyRequest } from 'fastify';
import { assertConsulateScope, type Principal, requirePrincipal, requireRole } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { callerLocale } from './caller-locale.ts';
import { countVerificationQueue } from './count-queue.ts';
import { decideRequest } from './decide-request.ts';
import { getStaffRequest } from './get-staff-request.ts';
import { parseQueueSearch } from './name-search.ts';
import { nextInQueue } from './next-in-queue.ts';
import { presentQueueEntry } from './present-request.ts';
import type { QueueFilters } from './queue-filters.ts';
import { releaseReviewLock } from './release-review-lock.ts';
import { requestParams } from './requests.schemas.ts';
import { takeReviewLock } from './take-review-lock.ts';
import {
  countsQuery,
  countsSchema,
  decisionBody,
  nextQuery,
  nextSchema,
  queueQuery,
  queueSchema,
  reviewLockSchema,
  staffQueueParams,
  staffRequestSchema,
} from './verification.schemas.ts';
import { listVerificationQueue } from './verification-queue.ts';

// Who reads the queue and requests; who decides (and so opens a request for review).
const readerRoles = ['consular_agent', 'consulate_admin', 'hq_admin'] as const;
const deciderRoles = ['consular_agent', 'consulate_admin'] as const;

/** The verification workspace: the queue, a request for staff, its review lock, the decision. */
export function verificationRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions } = deps;

  async function staffIn(request: FastifyRequest, consulateId: string, roles: readonly Principal['role'][]) {
    const principal = await requirePrincipal(sessions, request);
    requireRole(principal, ...roles);
    assertConsulateScope(principal, consulateId);
    return principal;
  }
  const filtersOf = (
    principal: Principal,
    consulateId: string,
    query: { serviceId?: string; q?: string },
  ): QueueFilters => ({
    consulateId,
    departmentIds: principal.role === 'consular_agent' ? principal.departmentIds : null,
    serviceId: query.serviceId,
    search: parseQueueSearch(query.q),
  });

  app.get(
    '/api/v1/staff/consulates/:consulateId/requests/queue',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'Requests to verify, oldest first, filtered and searched (an agent sees their departments)',
        params: staffQueueParams,
        querystring: queueQuery,
        response: { 200: queueSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { consulateId } = request.params;
      const principal = await staffIn(request, consulateId, readerRoles);
      const [cursorTime, cursorId] = request.query.after?.split('_') ?? [];
      const now = clock.now();
      const rows = await listVerificationQueue(db, {
        ...filtersOf(principal, consulateId, request.query),
        status: request.query.status,
        limit: request.query.limit + 1,
        after: cursorTime && cursorId ? { queuedAt: new Date(Number(cursorTime)), id: cursorId } : undefined,
        now,
      });
      const page = rows.slice(0, request.query.limit);
      const last = page.at(-1);
      return {
        requests: page.map((row) => presentQueueEntry(row, now)),
        next: rows.length > request.query.limit && last ? `${new Date(last.queued_at!).getTime()}_${last.id}` : null,
      };
    },
  );

  app.get(
    '/api/v1/staff/consulates/:consulateId/requests/queue/counts',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'How many requests of each status, in your scope and under the same filters as the queue',
        params: staffQueueParams,
        querystring: countsQuery,
        response: { 200: countsSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { consulateId } = request.params;
      const principal = await staffIn(request, consulateId, readerRoles);
      return { counts: await countVerificationQueue(db, filtersOf(principal, consulateId, request.query)) };
    },
  );

  app.get(
    '/api/v1/staff/consulates/:consulateId/requests/queue/next',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'The request to open next: the oldest under the same filters that nobody else has open',
        params: staffQueueParams,
        querystring: nextQuery,
        response: { 200: nextSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { consulateId } = request.params;
      const principal = await staffIn(request, consulateId, deciderRoles);
      const now = clock.now();
      const row = await nextInQueue(db, {
        ...filtersOf(principal, consulateId, request.query),
        status: request.query.status,
        accountId: principal.accountId,
        currentId: request.query.current,
        now,
      });
      return { request: row ? presentQueueEntry(row, now) : null };
    },
  );

  app.get(
    '/api/v1/staff/requests/:requestId',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'A request to verify: the person, the checklist and files, the version, who has it open',
        params: requestParams,
        response: { 200: staffRequestSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, ...readerRoles);
      const input = { principal, requestId: request.params.requestId, locale: callerLocale(request) };
      return getStaffRequest({ db, now: clock.now() }, input);
    },
  );

  app.post(
    '/api/v1/staff/requests/:requestId/review-lock',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'Open the request for review (on opening the page, then every 30 s): take, refresh, or see who has it',
        params: requestParams,
        response: { 200: reviewLockSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, ...deciderRoles);
      return takeReviewLock({ db, now: clock.now() }, { principal, requestId: request.params.requestId });
    },
  );

  app.delete(
    '/api/v1/staff/requests/:requestId/review-lock',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'Close the request (the page is left): release the review lock if you hold it',
        params: requestParams,
        response: { 200: reviewLockSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, ...deciderRoles);
      return releaseReviewLock({ db, now: clock.now() }, { principal, requestId: request.params.requestId });
    },
  );

  app.post(
    '/api/v1/staff/requests/:requestId/decision',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'Accept, ask for more information, or reject, naming the version seen (409 REQUEST_CHANGED if stale)',
        params: requestParams,
        body: decisionBody,
        response: { 200: staffRequestSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, ...deciderRoles);
      const { version, ...verdict } = request.body;
      const { requestId } = request.params;
      await decideRequest({ db, now: clock.now() }, { principal, requestId, version, verdict });
      return getStaffRequest({ db, now: clock.now() }, { principal, requestId, locale: callerLocale(request) });
    },
  );
}
