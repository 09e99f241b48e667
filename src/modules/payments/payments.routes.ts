import { requirePrincipal, requireRole } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, type AppDeps, idempotencyHeaders, problems } from '../../platform/http.ts';
import { runIdempotent } from '../../platform/idempotency.ts';
import { requestOfCitizen, requestOfStaff } from '../requests/index.ts';
import { createPayment } from './create-payment.ts';
import { gatewayRoutes } from './gateway.routes.ts';
import { type GatewayLocale, GatewayUnavailableError } from './gateways/gateway.ts';
import { type PaymentView, paymentOfCitizen, paymentView, requestPayments } from './payment-views.ts';
import {
  counterPaymentBody,
  createdPaymentSchema,
  paymentParams,
  paymentSchema,
  requestPaymentParams,
  requestPaymentsSchema,
} from './payments.schemas.ts';
import { paymentsRuntimeOf } from './payments-runtime.ts';
import { queryPaymentStatus } from './query-payment-status.ts';
import { recordCounterPayment } from './record-counter-payment.ts';
import { sandboxRoutes } from './sandbox/sandbox.routes.ts';

const tags = ['payments'];

// The gateways' hosted pages speak Arabic, French and English.
const gatewayLocaleOf = (locale: string): GatewayLocale => (locale === 'ar' || locale === 'en' ? locale : 'fr');

export function paymentsRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, keys, config } = deps;
  const runtime = paymentsRuntimeOf(deps, {
    onDeliveryProblem: ({ orderId, error }) => app.log.warn({ orderId, err: error }, 'sandbox callback not delivered'),
  });
  const { gateway } = runtime;
  const useCaseDeps = { db, clock, keys, gateway };
  // The sandbox exists only when it is the configured gateway: never beside the CMI.
  if (runtime.sandbox) sandboxRoutes(app, { bank: runtime.sandbox, storeKey: config.SANDBOX_STORE_KEY });

  app.post(
    '/api/v1/requests/:requestId/payments',
    {
      schema: {
        tags,
        summary: 'Start paying a request’s fee online: the answer is the signed form to post to the gateway',
        description:
          'The amount is the consulate’s fee for the service, in its currency. The payment is pending until the gateway’s callback (or a status query) settles it; it expires after PAYMENT_EXPIRY_MINUTES. Accepts an Idempotency-Key.',
        params: requestPaymentParams,
        headers: idempotencyHeaders,
        response: { 201: createdPaymentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'citizen');
      const { requestId } = request.params;
      const result = await runIdempotent(
        db,
        {
          accountId: principal.accountId,
          key: request.headers['idempotency-key'],
          scope: 'payment.create',
          body: { requestId },
        },
        async (tx) => ({
          statusCode: 201,
          body: await createPayment(
            { db: tx, clock, gateway, publicUrl: config.PUBLIC_URL, expiryMinutes: config.PAYMENT_EXPIRY_MINUTES },
            { accountId: principal.accountId, requestId, locale: gatewayLocaleOf(principal.locale) },
          ),
        }),
      );
      if (result.isReplay) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body as Awaited<ReturnType<typeof createPayment>>);
    },
  );

  app.get(
    '/api/v1/requests/:requestId/payments',
    {
      schema: {
        tags,
        summary: 'A request’s payments, and its stamp once paid',
        params: requestPaymentParams,
        response: { 200: requestPaymentsSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      await requestOfCitizen(db, request.params.requestId, principal.accountId);
      return requestPayments(db, request.params.requestId);
    },
  );

  app.get(
    '/api/v1/payments/:paymentId',
    {
      schema: {
        tags,
        summary: 'One payment of the citizen’s requests',
        params: paymentParams,
        response: { 200: paymentSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return paymentOfCitizen(db, request.params.paymentId, principal.accountId);
    },
  );

  app.post(
    '/api/v1/payments/:paymentId/refresh',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Ask the gateway what became of a payment, and settle it from its answer',
        description: 'For a browser that came back from the gateway before (or without) its callback.',
        params: paymentParams,
        response: { 200: paymentSchema, ...problems(400, 401, 404, 429, 503) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      const { paymentId } = request.params;
      await paymentOfCitizen(db, paymentId, principal.accountId);
      try {
        await queryPaymentStatus(useCaseDeps, paymentId);
      } catch (error) {
        if (!(error instanceof GatewayUnavailableError)) throw error;
        request.log.warn({ err: error, paymentId }, 'payment status query failed');
        throw new AppError('GATEWAY_UNAVAILABLE', 503, 'The card gateway does not answer; try again in a moment.');
      }
      return paymentOfCitizen(db, paymentId, principal.accountId);
    },
  );

  app.post(
    '/api/v1/staff/requests/:requestId/counter-payments',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'Record a card payment taken on the consulate’s terminal: the stamp is issued at once',
        description: 'Accepts an Idempotency-Key.',
        params: requestPaymentParams,
        headers: idempotencyHeaders,
        body: counterPaymentBody,
        response: { 201: paymentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'consular_agent');
      const { requestId } = request.params;
      await requestOfStaff({ db, auditDb: db, now: clock.now() }, requestId, principal);
      const result = await runIdempotent(
        db,
        {
          accountId: principal.accountId,
          key: request.headers['idempotency-key'],
          scope: 'payment.counter',
          body: { requestId, ...request.body },
        },
        async (tx) => {
          const paid = await recordCounterPayment(
            { db: tx, clock, keys },
            { agentAccountId: principal.accountId, requestId, ...request.body },
          );
          return { statusCode: 201, body: await paymentView(tx, paid.paymentId) };
        },
      );
      if (result.isReplay) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body as PaymentView);
    },
  );

  gatewayRoutes(app, { db, clock, keys, gateway, publicUrl: config.PUBLIC_URL });
}
