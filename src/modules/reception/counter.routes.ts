import { requirePrincipal } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { advanceTicket, type TicketStep } from './advance-ticket.ts';
import { callNextTicket } from './call-next-ticket.ts';
import { closeCounter } from './close-counter.ts';
import {
  counterParams,
  counterSchema,
  counterStepBody,
  countersSchema,
  currentTicketSchema,
  floorParams,
  notServedBody,
  transferAnswer,
  transferBody,
} from './counter.schemas.ts';
import { getCounterTicket } from './counter-ticket.ts';
import { counterScope, loadCounters } from './counter-view.ts';
import { openCounter } from './open-counter.ts';
import { assertReceptionStaff } from './reception.policy.ts';
import { ticketParams, ticketSchema } from './ticket.schemas.ts';
import { presentTicket } from './ticket-view.ts';
import { transferTicket } from './transfer-ticket.ts';

const simpleSteps: { path: string; step: Exclude<TicketStep['step'], 'not_served'>; summary: string }[] = [
  { path: 'recall', step: 'recall', summary: 'Call the same ticket again (the screens show it again)' },
  { path: 'back-to-waiting', step: 'back_to_waiting', summary: 'Send a called person back to the waiting room' },
  { path: 'serve', step: 'serve', summary: 'The service was delivered: completes the request (fee settled first)' },
  { path: 'absent', step: 'absent', summary: 'Called enough times and never came: absent, a no-show' },
];

/** The counters: who is at which, calling the next person, and each step of a called ticket. */
export function counterRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, config } = deps;
  const staff = async (request: Parameters<typeof requirePrincipal>[1], consulateId: string) => {
    const principal = await requirePrincipal(sessions, request);
    assertReceptionStaff(principal, consulateId);
    return principal;
  };
  const counters = '/api/v1/staff/consulates/:consulateId/counters';
  const tickets = '/api/v1/staff/consulates/:consulateId/tickets/:ticketId';
  const oneCounter = async (principal: Awaited<ReturnType<typeof staff>>, consulateId: string, counterId: string) => {
    const scope = { consulateId, departmentIds: counterScope(principal), counterId, now: clock.now() };
    const [counter] = await loadCounters(db, scope);
    return counter as NonNullable<typeof counter>;
  };

  app.get(
    counters,
    {
      schema: {
        tags: ['reception'],
        summary: 'The consulate’s counters (an agent’s departments): services, who is at each, the ticket called',
        params: floorParams,
        response: { 200: countersSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId);
      const { consulateId } = request.params;
      const scope = { consulateId, departmentIds: counterScope(principal), now: clock.now() };
      return { counters: await loadCounters(db, scope) };
    },
  );

  for (const [path, summary] of [
    ['open', '“I am at this counter”: leaves any other counter you held'],
    ['close', 'Leave the counter (the admin may close anyone’s)'],
  ] as const) {
    app.post(
      `${counters}/:counterId/${path}`,
      {
        schema: {
          tags: ['reception'],
          summary,
          params: counterParams,
          body: counterStepBody,
          response: { 200: counterSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const principal = await staff(request, request.params.consulateId);
        const input = { principal, ...request.params };
        await (path === 'open' ? openCounter : closeCounter)({ db, clock }, input);
        return oneCounter(principal, request.params.consulateId, request.params.counterId);
      },
    );
  }

  app.post(
    `${counters}/:counterId/call-next`,
    {
      schema: {
        tags: ['reception'],
        summary:
          'Call the next person to this counter (priority, then appointments by time, then walk-ins); GET …/ticket shows who',
        params: counterParams,
        body: counterStepBody,
        response: { 200: ticketSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId);
      return presentTicket(await callNextTicket({ db, clock }, { principal, ...request.params }));
    },
  );

  app.get(
    `${counters}/:counterId/ticket`,
    {
      schema: {
        tags: ['reception'],
        summary: 'The ticket called at this counter now, with the person, service, documents and stamp',
        params: counterParams,
        response: { 200: currentTicketSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId);
      return { ticket: await getCounterTicket(db, { principal, ...request.params, now: clock.now() }) };
    },
  );

  const step = (
    principal: Awaited<ReturnType<typeof staff>>,
    params: { consulateId: string; ticketId: string },
    action: TicketStep,
  ) =>
    advanceTicket({ db, clock, absentAfterCalls: config.TICKET_ABSENT_AFTER_CALLS }, { principal, ...params, action });

  for (const simple of simpleSteps) {
    app.post(
      `${tickets}/${simple.path}`,
      {
        schema: {
          tags: ['reception'],
          summary: simple.summary,
          params: ticketParams,
          body: counterStepBody,
          response: { 200: ticketSchema, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const principal = await staff(request, request.params.consulateId);
        return presentTicket(await step(principal, request.params, { step: simple.step }));
      },
    );
  }

  app.post(
    `${tickets}/not-served`,
    {
      schema: {
        tags: ['reception'],
        summary: 'Seen, but the service could not be delivered: the request goes back for a new appointment',
        params: ticketParams,
        body: notServedBody,
        response: { 200: ticketSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId);
      const { reason, note } = request.body;
      return presentTicket(
        await step(principal, request.params, { step: 'not_served', reason, note: note || undefined }),
      );
    },
  );

  app.post(
    `${tickets}/transfer`,
    {
      schema: {
        tags: ['reception'],
        summary: 'Send the person to another department: a new ticket there, keeping their place in time',
        params: ticketParams,
        body: transferBody,
        response: { 200: transferAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId);
      const { transferred, issued } = await transferTicket(
        { db, clock },
        { principal, ...request.params, ...request.body },
      );
      return { transferred: presentTicket(transferred), issued: presentTicket(issued) };
    },
  );
}
