import type { FastifyRequest } from 'fastify';
import { requirePrincipal, requireRole } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { negotiateLocale, translate } from '../../platform/i18n/i18n.ts';
import { callerLocale } from './caller-locale.ts';
import { createRequest } from './create-request.ts';
import { decisionReasonCodes } from './decision-reasons.ts';
import { documentRefusalReasonCodes } from './document-refusal-reasons.ts';
import { getRequestSummary, listAccountRequests } from './list-requests.ts';
import { presentRequest, presentRequestDetail } from './present-request.ts';
import { requestOfCitizen } from './request-access.ts';
import { loadChecklist, loadFeeStep } from './request-checklist.ts';
import {
  createRequestBody,
  reasonListSchema,
  requestDetailSchema,
  requestListSchema,
  requestParams,
} from './requests.schemas.ts';
import { submitRequest } from './submit-request.ts';
import { documentReasonListSchema } from './verification.schemas.ts';
import { withdrawRequest } from './withdraw-request.ts';

/** The citizen's side of requests (the staff's side is verification.routes.ts). */
export function requestsRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions } = deps;

  async function detail(request: FastifyRequest, requestId: string) {
    const row = await getRequestSummary(db, requestId);
    if (!row) throw new AppError('REQUEST_NOT_FOUND', 404, 'No such request in your scope.');
    const [checklist, fee] = [await loadChecklist(db, requestId), await loadFeeStep(db, requestId)];
    return presentRequestDetail(row, checklist, fee, callerLocale(request));
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

  app.get(
    '/api/v1/document-refusal-reasons',
    {
      schema: {
        tags: ['documents'],
        summary: 'The reason templates for refusing a document, translated (Accept-Language)',
        response: { 200: documentReasonListSchema },
      },
    },
    async (request) => {
      const locale = negotiateLocale(request.headers['accept-language']);
      return {
        reasons: documentRefusalReasonCodes.map((code) => ({
          code,
          label: translate(locale, `documentReason.${code}`),
        })),
      };
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
      return reply.status(201).send(await detail(request, created.id));
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
      return detail(request, request.params.requestId);
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
        return detail(request, request.params.requestId);
      },
    );
  }
}
