import type { FastifyReply } from 'fastify';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { appointmentSchema } from '../scheduling/index.ts';
import { bookForCitizen } from './book-for-citizen.ts';
import { assertCitizen, requireCallCenterAgent } from './callcenter.policy.ts';
import {
  bookBody,
  citizenAppointmentParams,
  citizenParams,
  idempotencyHeaders,
  moveBody,
  reasonBody,
  resentAnswer,
} from './callcenter.schemas.ts';
import { cancelForCitizen } from './cancel-for-citizen.ts';
import { moveForCitizen } from './move-for-citizen.ts';
import type { OnBehalf } from './on-behalf.ts';
import { resendConvocation } from './resend-convocation.ts';

const replayed = (reply: FastifyReply, isReplay: boolean) => {
  if (isReplay) reply.header('idempotent-replayed', 'true');
};

/**
 * Acting for a citizen: every route states the citizen's reason, audited with the agent as the actor
 * and the citizen as the one acted for, in the change's transaction. Each accepts an Idempotency-Key.
 */
export function onBehalfRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, availability } = deps;
  const onBehalf = async (
    request: Parameters<typeof requireCallCenterAgent>[1] & { params: { accountId: string } },
    reason: string,
    idempotencyKey: string | undefined,
  ): Promise<OnBehalf> => {
    const principal = await requireCallCenterAgent(sessions, request);
    await assertCitizen(db, request.params.accountId);
    return { agentAccountId: principal.accountId, citizenAccountId: request.params.accountId, reason, idempotencyKey };
  };
  const actionSchema = (summary: string) => ({ tags: ['call center'], summary, headers: idempotencyHeaders });

  app.post(
    '/api/v1/callcenter/citizens/:accountId/appointments',
    {
      schema: {
        ...actionSchema('Book for a citizen, from their accepted request (or a service needing none), with the reason'),
        params: citizenParams,
        body: bookBody,
        response: { 201: appointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { reason, ...choice } = request.body;
      const who = await onBehalf(request, reason, request.headers['idempotency-key']);
      const slotId = choice.slotId;
      const target = choice.requestId
        ? { slotId, requestId: choice.requestId }
        : { slotId, consulateId: choice.consulateId!, serviceId: choice.serviceId!, personId: choice.personId };
      const { appointment, isReplay } = await bookForCitizen({ db, clock, availability }, who, target);
      replayed(reply, isReplay);
      return reply.status(201).send(appointment);
    },
  );

  app.post(
    '/api/v1/callcenter/citizens/:accountId/appointments/:appointmentId/move',
    {
      schema: {
        ...actionSchema('Move a citizen’s appointment for them, with the reason (the citizen’s cut-off applies)'),
        params: citizenAppointmentParams,
        body: moveBody,
        response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const who = await onBehalf(request, request.body.reason, request.headers['idempotency-key']);
      const { appointmentId } = request.params;
      const { appointment, isReplay } = await moveForCitizen({ db, clock, availability }, who, {
        appointmentId,
        slotId: request.body.slotId,
      });
      replayed(reply, isReplay);
      return appointment;
    },
  );

  app.post(
    '/api/v1/callcenter/citizens/:accountId/appointments/:appointmentId/cancel',
    {
      schema: {
        ...actionSchema('Cancel a citizen’s appointment at their request (cancelled_by_citizen, cut-off applies)'),
        params: citizenAppointmentParams,
        body: reasonBody,
        response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const who = await onBehalf(request, request.body.reason, request.headers['idempotency-key']);
      const { appointmentId } = request.params;
      const { appointment, isReplay } = await cancelForCitizen({ db, clock, availability }, who, { appointmentId });
      replayed(reply, isReplay);
      return appointment;
    },
  );

  app.post(
    '/api/v1/callcenter/citizens/:accountId/appointments/:appointmentId/convocation/resend',
    {
      schema: {
        ...actionSchema(
          'Send the convocation again (the appointment.booked message, rendered afresh), with the reason',
        ),
        params: citizenAppointmentParams,
        body: reasonBody,
        response: { 202: resentAnswer, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const who = await onBehalf(request, request.body.reason, request.headers['idempotency-key']);
      const { appointmentId } = request.params;
      const { resent, isReplay } = await resendConvocation({ db, clock }, who, { appointmentId });
      replayed(reply, isReplay);
      return reply.status(202).send(resent);
    },
  );
}
