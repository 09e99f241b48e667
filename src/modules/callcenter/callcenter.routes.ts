import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Principal, requirePrincipal, requireRole } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, type AppDeps, problems, uuidSchema } from '../../platform/http.ts';
import { text } from '../../platform/text-input.ts';
import { accounts, emailSchema, persons } from '../accounts/index.ts';
import {
  appointmentListSchema,
  appointmentSchema,
  bookAppointment,
  cancelAppointment,
  listAccountAppointments,
  moveAppointment,
  presentAppointment,
  slotIdSchema,
} from '../scheduling/index.ts';

const reason = text().trim().min(3, 'must say why, as told by the citizen').max(500);
const citizenParams = z.object({ accountId: uuidSchema });
const citizenAppointmentParams = z.object({ accountId: uuidSchema, appointmentId: uuidSchema });

/**
 * The consular call center helps people who are stuck: it finds a citizen and books, moves or
 * cancels on their behalf. Every action states a reason and is audited with both accounts.
 */
export function callCenterRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, availability } = deps;

  async function agent(request: Parameters<typeof requirePrincipal>[1]): Promise<Principal> {
    const principal = await requirePrincipal(sessions, request);
    requireRole(principal, 'call_center_agent', 'hq_admin');
    return principal;
  }
  async function citizen(accountId: string) {
    const [row] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, accountId), eq(accounts.role, 'citizen')));
    if (!row) throw new AppError('NOT_FOUND', 404, 'No citizen account with this id.');
    return row;
  }

  app.get(
    '/api/v1/callcenter/citizens',
    {
      schema: {
        tags: ['call center'],
        summary: 'Find a citizen by the e-mail they give on the phone',
        querystring: z.object({ email: emailSchema }),
        response: {
          200: z.object({
            citizens: z.array(
              z.object({
                accountId: z.uuid(),
                persons: z.array(
                  z.object({
                    id: z.uuid(),
                    relation: z.string(),
                    givenNameLatin: z.string(),
                    familyNameLatin: z.string(),
                  }),
                ),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      await agent(request);
      const rows = await db
        .select({
          accountId: accounts.id,
          personId: persons.id,
          relation: persons.relation,
          givenNameLatin: persons.givenNameLatin,
          familyNameLatin: persons.familyNameLatin,
        })
        .from(accounts)
        .innerJoin(persons, eq(persons.accountId, accounts.id))
        .where(and(eq(sql`lower(${accounts.email})`, request.query.email), eq(accounts.role, 'citizen')));
      if (rows.length === 0) return { citizens: [] };
      return {
        citizens: [
          {
            accountId: rows[0]!.accountId,
            persons: rows.map((r) => ({
              id: r.personId,
              relation: r.relation,
              givenNameLatin: r.givenNameLatin,
              familyNameLatin: r.familyNameLatin,
            })),
          },
        ],
      };
    },
  );

  app.get(
    '/api/v1/callcenter/citizens/:accountId/appointments',
    {
      schema: {
        tags: ['call center'],
        params: citizenParams,
        response: { 200: appointmentListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await agent(request);
      await citizen(request.params.accountId);
      const rows = await listAccountAppointments(db, request.params.accountId, clock.now());
      return { appointments: rows.map(presentAppointment) };
    },
  );

  app.post(
    '/api/v1/callcenter/citizens/:accountId/appointments',
    {
      schema: {
        tags: ['call center'],
        summary: 'Book on behalf of a citizen, with the reason',
        params: citizenParams,
        body: z.object({
          consulateId: uuidSchema,
          serviceId: uuidSchema,
          slotId: slotIdSchema,
          personId: uuidSchema,
          reason,
        }),
        response: { 201: appointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = await agent(request);
      await citizen(request.params.accountId);
      const { reason: why, ...booking } = request.body;
      const row = await bookAppointment(
        { db, clock },
        {
          actor: { accountId: principal.accountId, onBehalfOfAccountId: request.params.accountId, reason: why },
          ownerAccountId: request.params.accountId,
          ...booking,
        },
      );
      availability.invalidateDepartment(row.department_id);
      return reply.status(201).send(presentAppointment(row));
    },
  );

  app.post(
    '/api/v1/callcenter/citizens/:accountId/appointments/:appointmentId/move',
    {
      schema: {
        tags: ['call center'],
        params: citizenAppointmentParams,
        body: z.object({ slotId: slotIdSchema, reason }),
        response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = await agent(request);
      const { appointment } = await moveAppointment(
        { db, clock },
        {
          actor: {
            accountId: principal.accountId,
            onBehalfOfAccountId: request.params.accountId,
            reason: request.body.reason,
          },
          appointmentId: request.params.appointmentId,
          ownerAccountId: request.params.accountId,
          slotId: request.body.slotId,
        },
      );
      availability.invalidateDepartment(appointment.department_id);
      return presentAppointment(appointment);
    },
  );

  app.post(
    '/api/v1/callcenter/citizens/:accountId/appointments/:appointmentId/cancel',
    {
      schema: {
        tags: ['call center'],
        params: citizenAppointmentParams,
        body: z.object({ reason }),
        response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = await agent(request);
      const row = await cancelAppointment(
        { db, clock },
        {
          actor: {
            accountId: principal.accountId,
            onBehalfOfAccountId: request.params.accountId,
            reason: request.body.reason,
          },
          appointmentId: request.params.appointmentId,
          ownerAccountId: request.params.accountId,
          // The citizen asked for it: it counts as their cancellation, within the same cut-off.
          by: 'cancelled_by_citizen',
        },
      );
      availability.invalidateDepartment(row.department_id);
      return presentAppointment(row);
    },
  );
}
