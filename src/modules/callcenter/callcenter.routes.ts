import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { appointmentListSchema, listAccountAppointments, presentAppointment } from '../scheduling/index.ts';
import { assertCitizen, requireCallCenterAgent } from './callcenter.policy.ts';
import {
  citizenPageSchema,
  citizenParams,
  messagesAnswer,
  messagesQuery,
  searchAnswer,
  searchBody,
} from './callcenter.schemas.ts';
import { listCitizenMessages } from './citizen-messages.ts';
import { loadCitizenPage } from './citizen-page.ts';
import { parseCitizenSearch } from './citizen-search.ts';
import { findCitizens } from './find-citizens.ts';
import { onBehalfRoutes } from './on-behalf.routes.ts';

/**
 * The consular call center helps people who are stuck: it finds a citizen anywhere in the network,
 * reads their file and books, moves, cancels or resends a convocation on their behalf (see
 * on-behalf.routes.ts). Only call-center agents use these routes.
 */
export function callCenterRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions } = deps;

  app.post(
    '/api/v1/callcenter/citizens/search',
    {
      schema: {
        tags: ['call center'],
        summary: 'Find citizens by e-mail, phone, name (either script), identity number or reference',
        description:
          'One search box: the text is read as everything it may be, and each citizen says what matched. A POST so that identity numbers never appear in logged URLs.',
        body: searchBody,
        response: { 200: searchAnswer, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      await requireCallCenterAgent(sessions, request);
      const { q, limit, after } = request.body;
      return findCitizens(db, { search: parseCitizenSearch(q), limit, after });
    },
  );

  app.get(
    '/api/v1/callcenter/citizens/:accountId',
    {
      schema: {
        tags: ['call center'],
        summary: 'A citizen’s file: account, persons, requests, appointments, payments, stamps (the view is audited)',
        params: citizenParams,
        response: { 200: citizenPageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requireCallCenterAgent(sessions, request);
      return loadCitizenPage(
        { db, now: clock.now() },
        { agentAccountId: principal.accountId, citizenAccountId: request.params.accountId },
      );
    },
  );

  app.get(
    '/api/v1/callcenter/citizens/:accountId/messages',
    {
      schema: {
        tags: ['call center'],
        summary: 'Messages sent to a citizen, newest first, with their delivery per channel',
        params: citizenParams,
        querystring: messagesQuery,
        response: { 200: messagesAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireCallCenterAgent(sessions, request);
      await assertCitizen(db, request.params.accountId);
      return listCitizenMessages(db, { accountId: request.params.accountId, ...request.query });
    },
  );

  app.get(
    '/api/v1/callcenter/citizens/:accountId/appointments',
    {
      schema: {
        tags: ['call center'],
        summary: 'A citizen’s appointments and their relatives’',
        params: citizenParams,
        response: { 200: appointmentListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await requireCallCenterAgent(sessions, request);
      await assertCitizen(db, request.params.accountId);
      const rows = await listAccountAppointments(db, request.params.accountId, clock.now());
      return { appointments: rows.map(presentAppointment) };
    },
  );

  onBehalfRoutes(app, deps);
}
