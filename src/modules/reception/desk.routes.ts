import { requirePrincipal } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { getOccupancy } from './get-occupancy.ts';
import { issueWalkInTicket } from './issue-walk-in-ticket.ts';
import { lookUpArrival } from './look-up-arrival.ts';
import { printTicket } from './print-ticket.ts';
import { assertReceptionStaff } from './reception.policy.ts';
import { arrivalSchema, checkInParams, lookUpBody, occupancySchema, walkInBody } from './reception.schemas.ts';
import { ticketParams, ticketSchema } from './ticket.schemas.ts';
import { presentTicket } from './ticket-view.ts';

/** The desk at the entrance: who is arriving, tickets for walk-ins, the printed ticket, the room's occupancy. */
export function deskRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, keys } = deps;
  const staff = async (request: Parameters<typeof requirePrincipal>[1], consulateId: string) => {
    const principal = await requirePrincipal(sessions, request);
    assertReceptionStaff(principal, consulateId);
    return principal;
  };
  const base = '/api/v1/staff/consulates/:consulateId';

  app.post(
    `${base}/arrivals/look-up`,
    {
      schema: {
        tags: ['reception'],
        summary: 'Before check-in: who, which service, the documents to bring, whether the fee is paid',
        params: checkInParams,
        body: lookUpBody,
        response: { 200: arrivalSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId);
      return lookUpArrival(
        { db, clock, publicKey: keys.signingPublicKey },
        { principal, consulateId: request.params.consulateId, by: request.body },
      );
    },
  );

  app.post(
    `${base}/walk-ins`,
    {
      schema: {
        tags: ['reception'],
        summary: 'A ticket for someone without an appointment, for a service that takes walk-ins',
        params: checkInParams,
        body: walkInBody,
        response: { 201: ticketSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = await staff(request, request.params.consulateId);
      const ticket = await issueWalkInTicket(
        { db, clock },
        { principal, consulateId: request.params.consulateId, ...request.body },
      );
      return reply.status(201).send(presentTicket(ticket));
    },
  );

  app.get(
    `${base}/tickets/:ticketId/ticket.pdf`,
    {
      schema: {
        tags: ['reception'],
        summary: 'The printable ticket (80 mm): code, department, date and time, in French and Arabic',
        params: ticketParams,
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const principal = await staff(request, request.params.consulateId);
      const { code, pdf } = await printTicket(db, { principal, ...request.params });
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="ticket-${code}.pdf"`)
          .header('cache-control', 'private, no-store')
          // A Buffer goes out as is, unserialized; the response schemas describe only the problems.
          .send(pdf as never)
      );
    },
  );

  app.get(
    `${base}/occupancy`,
    {
      schema: {
        tags: ['reception'],
        summary: 'People inside now (tickets of today waiting or called) against the waiting room’s capacity',
        params: checkInParams,
        response: { 200: occupancySchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId);
      return getOccupancy(db, { principal, consulateId: request.params.consulateId, now: clock.now() });
    },
  );
}
