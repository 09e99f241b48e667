import { requirePrincipal, requireRole } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, type AppDeps, idempotencyHeaders, problems } from '../../platform/http.ts';
import { runIdempotent } from '../../platform/idempotency.ts';
import { requestOfCitizen } from '../requests/index.ts';
import { presentAppointment } from './appointment-view.ts';
import { getAvailability } from './availability.ts';
import { bookAppointment } from './book-appointment.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { getAppointment, listAccountAppointments } from './list-appointments.ts';
import { moveAppointment } from './move-appointment.ts';
import {
  appointmentListSchema,
  appointmentParams,
  appointmentSchema,
  availabilityParams,
  availabilityQuery,
  availabilitySchema,
  bookAppointmentBody,
  cancelAppointmentBody,
  moveAppointmentBody,
} from './scheduling.schemas.ts';

export function schedulingRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, availability } = deps;

  app.get(
    '/api/v1/consulates/:consulateId/services/:serviceId/availability',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Free dates and times of a service at a consulate, in the consulate’s local time',
        params: availabilityParams,
        querystring: availabilityQuery,
        response: { 200: availabilitySchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const body = await getAvailability({ db, clock, cache: availability }, { ...request.params, ...request.query });
      // Already serialized and encoded (and cached): a Buffer is sent as is, not re-serialized.
      return reply.header('content-type', 'application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/api/v1/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary: 'The signed-in citizen’s appointments and their relatives’',
        response: { 200: appointmentListSchema, ...problems(401) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      const rows = await listAccountAppointments(db, principal.accountId, clock.now());
      return { appointments: rows.map(presentAppointment) };
    },
  );

  app.get(
    '/api/v1/appointments/:appointmentId',
    {
      schema: {
        tags: ['appointments'],
        params: appointmentParams,
        response: { 200: appointmentSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      const row = await getAppointment(db, request.params.appointmentId, { accountId: principal.accountId });
      if (!row) throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment on your account.');
      return presentAppointment(row);
    },
  );

  app.post(
    '/api/v1/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Book a slot (send an Idempotency-Key to make retries safe)',
        headers: idempotencyHeaders,
        body: bookAppointmentBody,
        response: { 201: appointmentSchema, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'citizen');
      const personId =
        request.body.personId ??
        (request.body.requestId
          ? (await requestOfCitizen(db, request.body.requestId, principal.accountId)).person_id
          : principal.selfPersonId);
      if (!personId) throw new AppError('PERSON_NOT_FOUND', 404, 'The account has no person record.');
      // Read before the transaction (PGlite has one connection: no second reader inside it).
      const offer = await availability.offer(
        db,
        request.body.consulateId,
        request.body.serviceId,
        clock.now().getTime(),
      );
      const result = await runIdempotent(
        db,
        {
          accountId: principal.accountId,
          key: request.headers['idempotency-key'],
          scope: 'appointment.book',
          body: request.body,
        },
        async (tx) => {
          const row = await bookAppointment(
            { db: tx, clock, offer },
            {
              actor: { accountId: principal.accountId },
              ownerAccountId: principal.accountId,
              personId,
              ...request.body,
            },
          );
          return { statusCode: 201, body: presentAppointment(row) };
        },
      );
      if (!result.isReplay) availability.invalidateDepartment((result.body as { departmentId: string }).departmentId);
      if (result.isReplay) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body as ReturnType<typeof presentAppointment>);
    },
  );

  app.post(
    '/api/v1/appointments/:appointmentId/move',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Move an appointment to another slot: the new seat is taken before the old one is freed',
        headers: idempotencyHeaders,
        params: appointmentParams,
        body: moveAppointmentBody,
        response: { 200: appointmentSchema, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'citizen');
      const result = await runIdempotent(
        db,
        {
          accountId: principal.accountId,
          key: request.headers['idempotency-key'],
          scope: `appointment.move:${request.params.appointmentId}`,
          body: request.body,
        },
        async (tx) => {
          const { appointment } = await moveAppointment(
            { db: tx, clock },
            {
              actor: { accountId: principal.accountId },
              appointmentId: request.params.appointmentId,
              ownerAccountId: principal.accountId,
              slotId: request.body.slotId,
            },
          );
          return { statusCode: 200, body: presentAppointment(appointment) };
        },
      );
      availability.invalidateDepartment((result.body as { departmentId: string }).departmentId);
      if (result.isReplay) reply.header('idempotent-replayed', 'true');
      return result.body as ReturnType<typeof presentAppointment>;
    },
  );

  app.post(
    '/api/v1/appointments/:appointmentId/cancel',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Cancel an appointment before the service’s cut-off; its seat is freed',
        headers: idempotencyHeaders,
        params: appointmentParams,
        body: cancelAppointmentBody,
        response: { 200: appointmentSchema, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'citizen');
      const result = await runIdempotent(
        db,
        {
          accountId: principal.accountId,
          key: request.headers['idempotency-key'],
          scope: `appointment.cancel:${request.params.appointmentId}`,
          body: request.body ?? null,
        },
        async (tx) => {
          const row = await cancelAppointment(
            { db: tx, clock },
            {
              actor: { accountId: principal.accountId, reason: request.body?.reason || undefined },
              appointmentId: request.params.appointmentId,
              ownerAccountId: principal.accountId,
              by: 'cancelled_by_citizen',
            },
          );
          return { statusCode: 200, body: presentAppointment(row) };
        },
      );
      availability.invalidateDepartment((result.body as { departmentId: string }).departmentId);
      if (result.isReplay) reply.header('idempotent-replayed', 'true');
      return result.body as ReturnType<typeof presentAppointment>;
    },
  );
}
