import { requirePrincipal } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { presentAppointment } from '../scheduling/index.ts';
import { buildConvocation } from './build-convocation.ts';
import { checkInAppointment } from './check-in-appointment.ts';
import { deskRoutes } from './desk.routes.ts';
import { assertReceptionStaff } from './reception.policy.ts';
import {
  checkInAnswer,
  checkInBody,
  checkInParams,
  convocationParams,
  convocationQuery,
  publicKeySchema,
} from './reception.schemas.ts';
import { presentTicket } from './ticket-view.ts';

/** Convocations (the citizen's PDF and its signed QR code), checking arrivals in, and the desk's other routes. */
export function receptionRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, keys } = deps;

  app.get(
    '/api/v1/appointments/:appointmentId/convocation.pdf',
    {
      schema: {
        tags: ['appointments'],
        summary: 'The convocation (PDF, with its signed QR code) of an appointment on your account',
        params: convocationParams,
        querystring: convocationQuery,
        response: problems(400, 401, 404, 409),
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      const locale = request.query.lang ?? (isLocale(principal.locale) ? principal.locale : 'fr');
      const { reference, pdf } = await buildConvocation(
        { db, signingKey: keys.signingPrivateKey },
        { accountId: principal.accountId, appointmentId: request.params.appointmentId, locale, now: clock.now() },
      );
      return (
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="convocation-${reference}.pdf"`)
          .header('cache-control', 'private, no-store')
          // A Buffer goes out as is, unserialized; the response schemas describe only the problems.
          .send(pdf as never)
      );
    },
  );

  app.get(
    '/api/v1/convocations/public-key',
    {
      schema: {
        tags: ['appointments'],
        summary: 'The public key that checks convocation QR codes offline',
        response: { 200: publicKeySchema },
      },
    },
    async () => ({
      algorithm: 'Ed25519' as const,
      publicKeyPem: keys.signingPublicKeyPem,
      tokenFormat:
        'base64url(UTF-8 JSON {v, appointmentId, reference, consulateCode, startsAt}) "." base64url(Ed25519 signature of the first part as ASCII)',
    }),
  );

  app.post(
    '/api/v1/staff/consulates/:consulateId/check-ins',
    {
      schema: {
        tags: ['reception'],
        summary: 'Check an arrival in, by the convocation’s QR code or its reference: gives the person a ticket',
        params: checkInParams,
        body: checkInBody,
        response: { 200: checkInAnswer, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      const { consulateId } = request.params;
      assertReceptionStaff(principal, consulateId);
      const { priority, token, reference } = request.body;
      const by = token === undefined ? { reference: reference as string } : { token };
      const { appointment, ticket } = await checkInAppointment(
        { db, clock, publicKey: keys.signingPublicKey },
        { principal, consulateId, by, priority },
      );
      return { ...presentAppointment(appointment), ticket: presentTicket(ticket) };
    },
  );

  deskRoutes(app, deps);
}
