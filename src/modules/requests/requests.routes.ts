import { sql } from 'drizzle-orm';
import { assertConsulateScope, requirePrincipal, requireRole } from '../../platform/auth.ts';
import { queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { negotiateLocale, translate } from '../../platform/i18n/i18n.ts';
import { createRequest } from './create-request.ts';
import { decideRequest } from './decide-request.ts';
import { decisionReasonCodes } from './decision-reasons.ts';
import { getRequestSummary, listAccountRequests, listVerificationQueue } from './list-requests.ts';
import { presentRequest, presentRequestDetail } from './present-request.ts';
import { requestOfCitizen, requestOfStaff } from './request-access.ts';
import { loadChecklist, loadFeeStep } from './request-checklist.ts';
import {
  createRequestBody,
  decisionBody,
  queueQuery,
  queueSchema,
  reasonListSchema,
  requestDetailSchema,
  requestListSchema,
  requestParams,
  staffQueueParams,
  staffRequestSchema,
} from './requests.schemas.ts';
import { submitRequest } from './submit-request.ts';
import { withdrawRequest } from './withdraw-request.ts';

const staffRoles = ['consular_agent', 'consulate_admin', 'hq_admin'] as const;

export function requestsRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions } = deps;

  async function detail(requestId: string) {
    const row = await getRequestSummary(db, requestId);
    if (!row) throw new AppError('REQUEST_NOT_FOUND', 404, 'No such request in your scope.');
    return presentRequestDetail(row, await loadChecklist(db, requestId), await loadFeeStep(db, requestId));
  }

  app.get(
    '/api/v1/decision-reasons',
    {
      schema: {
        tags: ['requests'],
        summary: 'The reason templates for "more information" and rejections, translated (Accept-Language)',
        response: { 200: reasonListSchema },
      },
    },
    async (request) => {
      const locale = negotiateLocale(request.headers['accept-language']);
      return { reasons: decisionReasonCodes.map((code) => ({ code, label: translate(locale, `reason.${code}`) })) };
    },
  );

  app.post(
    '/api/v1/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Open a request for a service, for oneself or a relative',
        body: createRequestBody,
        response: { 201: requestDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'citizen');
      const personId = request.body.personId ?? principal.selfPersonId;
      if (!personId) throw new AppError('PERSON_NOT_FOUND', 404, 'The account has no person record.');
      const created = await createRequest(
        { db, now: clock.now() },
        {
          accountId: principal.accountId,
          personId,
          consulateId: request.body.consulateId,
          serviceId: request.body.serviceId,
        },
      );
      return reply.status(201).send(await detail(created.id));
    },
  );

  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'The signed-in citizen’s requests and their relatives’',
        response: { 200: requestListSchema, ...problems(401) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return { requests: (await listAccountRequests(db, principal.accountId)).map(presentRequest) };
    },
  );

  app.get(
    '/api/v1/requests/:requestId',
    {
      schema: {
        tags: ['requests'],
        summary: 'A request with the checklist of its documents',
        params: requestParams,
        response: { 200: requestDetailSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      await requestOfCitizen(db, request.params.requestId, principal.accountId);
      return detail(request.params.requestId);
    },
  );

  for (const [action, summary] of [
    ['submit', 'Send the request to the consulate (again after "more information")'],
    ['withdraw', 'Give the request up'],
  ] as const) {
    app.post(
      `/api/v1/requests/:requestId/${action}`,
      {
        schema: {
          tags: ['requests'],
          summary,
          params: requestParams,
          response: { 200: requestDetailSchema, ...problems(400, 401, 404, 409, 422) },
        },
      },
      async (request) => {
        const principal = await requirePrincipal(sessions, request);
        const input = { accountId: principal.accountId, requestId: request.params.requestId };
        if (action === 'submit') await submitRequest({ db, now: clock.now() }, input);
        else await withdrawRequest({ db, now: clock.now() }, input);
        return detail(request.params.requestId);
      },
    );
  }

  app.get(
    '/api/v1/staff/consulates/:consulateId/requests/queue',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'Submitted requests to verify, oldest first (an agent sees their departments)',
        params: staffQueueParams,
        querystring: queueQuery,
        response: { 200: queueSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, ...staffRoles);
      assertConsulateScope(principal, request.params.consulateId);
      const [cursorTime, cursorId] = request.query.after?.split('_') ?? [];
      const rows = await listVerificationQueue(db, {
        consulateId: request.params.consulateId,
        departmentIds: principal.role === 'consular_agent' ? principal.departmentIds : null,
        limit: request.query.limit + 1,
        after: cursorTime && cursorId ? { queuedAt: new Date(Number(cursorTime)), id: cursorId } : undefined,
      });
      const page = rows.slice(0, request.query.limit);
      const last = page.at(-1);
      const nowMs = clock.now().getTime();
      return {
        requests: page.map((row) => ({
          ...presentRequest(row),
          queuedAt: new Date(row.queued_at!).toISOString(),
          ageMinutes: Math.max(0, Math.floor((nowMs - new Date(row.queued_at!).getTime()) / 60_000)),
        })),
        next: rows.length > request.query.limit && last ? `${new Date(last.queued_at!).getTime()}_${last.id}` : null,
      };
    },
  );

  app.get(
    '/api/v1/staff/requests/:requestId',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'A request to verify: the person’s identity, the checklist, the decision so far',
        params: requestParams,
        response: { 200: staffRequestSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, ...staffRoles);
      const now = clock.now();
      const row = await requestOfStaff({ db, auditDb: db, now }, request.params.requestId, principal);
      const [identity] = await queryRows<{
        birth_date: string | null;
        birth_place: string | null;
        cnie_number: string | null;
        passport_number: string | null;
        consular_registration_number: string | null;
      }>(
        db,
        sql`SELECT birth_date, birth_place, cnie_number, passport_number, consular_registration_number
            FROM persons WHERE id = ${row.person_id}`,
      );
      return {
        ...(await detail(row.id)),
        identity: {
          birthDate: identity?.birth_date ?? null,
          birthPlace: identity?.birth_place ?? null,
          cnieNumber: identity?.cnie_number ?? null,
          passportNumber: identity?.passport_number ?? null,
          consularRegistrationNumber: identity?.consular_registration_number ?? null,
        },
      };
    },
  );

  app.post(
    '/api/v1/staff/requests/:requestId/decision',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'Accept, ask for more information, or reject (with a reason template and a note)',
        params: requestParams,
        body: decisionBody,
        response: { 200: requestDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'consular_agent', 'consulate_admin');
      await decideRequest(
        { db, now: clock.now() },
        { principal, requestId: request.params.requestId, verdict: request.body },
      );
      return detail(request.params.requestId);
    },
  );
}
