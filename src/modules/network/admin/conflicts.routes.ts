import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { type App, type AppDeps, problems } from '../../../platform/http.ts';
import { problemOf } from '../../../platform/problem.ts';
import {
  appointmentSchema,
  cancelAppointment,
  getAppointment,
  listSlotConflicts,
  presentAppointment,
} from '../../scheduling/index.ts';
import { consulateAdmins, consulateReaders, consulateStaff } from './admin.policy.ts';
import { adminAppointmentParams, adminConsulateParams, conflictSchema, reasonBody } from './admin.schemas.ts';
import { cancelAppointments } from './cancel-appointments.ts';
import { batchResultSchema, cancelAppointmentsBody, moveAppointmentsBody } from './conflicts.schemas.ts';
import type { ItemOutcome } from './each-appointment.ts';
import { moveAppointments } from './move-appointments.ts';

/** Appointments that calendar changes stranded, and the consulate's ways to resolve them. */
export function conflictRoutes(app: App, deps: AppDeps) {
  const { db, clock, availability } = deps;
  const staff = consulateStaff(deps);

  /** The batch's answer; every department whose seats changed serves fresh availability. */
  function batchAnswer(request: FastifyRequest, outcomes: ItemOutcome[]) {
    const results = outcomes.map((outcome) => {
      if (outcome.isDone) {
        availability.invalidateDepartment(outcome.appointment.department_id);
        return {
          appointmentId: outcome.appointmentId,
          isDone: true,
          appointment: presentAppointment(outcome.appointment),
          problem: null,
        };
      }
      if (outcome.cause) request.log.error({ err: outcome.cause }, 'an item of an appointment batch failed');
      return {
        appointmentId: outcome.appointmentId,
        isDone: false,
        appointment: null,
        problem: problemOf(outcome.error, request),
      };
    });
    const done = results.filter((r) => r.isDone).length;
    return { done, refused: results.length - done, results };
  }

  app.get(
    '/api/v1/admin/consulates/:consulateId/conflicts',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Appointments that changed hours, capacity or closures no longer allow',
        params: adminConsulateParams,
        response: { 200: z.object({ conflicts: z.array(conflictSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await staff(request, request.params.consulateId, consulateReaders);
      return {
        conflicts: await listSlotConflicts(db, { consulateId: request.params.consulateId, from: clock.now() }),
      };
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/appointments/:appointmentId/cancel',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Cancel an appointment on the consulate’s side, with a reason (e.g. to resolve a conflict)',
        params: adminAppointmentParams,
        body: reasonBody,
        response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
      const existing = await getAppointment(db, request.params.appointmentId, {
        consulateId: request.params.consulateId,
      });
      if (!existing) throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment in this consulate.');
      const row = await cancelAppointment(
        { db, clock },
        {
          actor: {
            accountId: principal.accountId,
            onBehalfOfAccountId: existing.account_id,
            reason: request.body.reason,
          },
          appointmentId: existing.id,
          ownerAccountId: null,
          by: 'cancelled_by_consulate',
        },
      );
      availability.invalidateDepartment(row.department_id);
      return presentAppointment(row);
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/appointments/cancellations',
    {
      schema: {
        tags: ['consulate admin'],
        summary:
          'Cancel appointments on the consulate’s side and tell each citizen why; each succeeds or is refused on its own',
        params: adminConsulateParams,
        body: cancelAppointmentsBody,
        response: { 200: batchResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
      const outcomes = await cancelAppointments(
        { db, clock },
        { actorAccountId: principal.accountId, consulateId: request.params.consulateId, ...request.body },
      );
      return batchAnswer(request, outcomes);
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/appointments/moves',
    {
      schema: {
        tags: ['consulate admin'],
        summary:
          'Move appointments to the times the consulate chose (no citizen cut-off), telling each citizen; each on its own',
        params: adminConsulateParams,
        body: moveAppointmentsBody,
        response: { 200: batchResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
      const outcomes = await moveAppointments(
        { db, clock },
        { actorAccountId: principal.accountId, consulateId: request.params.consulateId, ...request.body },
      );
      return batchAnswer(request, outcomes);
    },
  );
}
