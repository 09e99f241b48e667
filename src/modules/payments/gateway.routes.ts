import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http.ts';
import type { Keys } from '../../platform/keys.ts';
import { acceptFormBodies } from './form-body.ts';
import type { PaymentGateway, VerifiedNotice } from './gateways/gateway.ts';
import { handleCallback } from './handle-callback.ts';
import { paymentOfOrder } from './payment-views.ts';
import { callbackParams, gatewayFieldsSchema, gatewayQuerySchema, returnParams } from './payments.schemas.ts';
import { recordPaymentEvent } from './settle-payment.ts';

const tags = ['payments'];

/**
 * The gateway's side of the API: its server-to-server callback and the browser's return from its
 * page. Form-encoded bodies, plain-text answers, no session.
 */
export function gatewayRoutes(
  app: App,
  deps: { db: Db; clock: Clock; keys: Keys; gateway: PaymentGateway; publicUrl: string },
) {
  const { db, clock, keys, gateway } = deps;
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    acceptFormBodies(plugin);
    // One verification per request, shared by the rate limiter and the handler.
    const verified = new WeakMap<FastifyRequest, VerifiedNotice | null>();
    const verify = (request: FastifyRequest, fields: Record<string, string>) => {
      if (!verified.has(request)) verified.set(request, gateway.verifyCallback(fields));
      return verified.get(request) ?? null;
    };

    scope.post(
      '/api/v1/payments/callback/:gateway',
      {
        // Genuine (validly signed) callbacks are never throttled; forged ones are, per source address,
        // after their one hash: a flood of them cannot slow the gateway's own.
        config: {
          rateLimit: {
            max: 50,
            timeWindow: 1000,
            hook: 'preHandler',
            allowList: (request) => verify(request, request.body as Record<string, string>) !== null,
          },
        },
        schema: {
          tags,
          summary: 'The gateway’s server-to-server callback (application/x-www-form-urlencoded)',
          description:
            'Answers in plain text as the CMI protocol expects: ACTION=POSTAUTH (capture), APPROVED (declined attempt acknowledged) or FAILURE (refused).',
          params: callbackParams,
          consumes: ['application/x-www-form-urlencoded'],
          body: gatewayFieldsSchema,
        },
      },
      async (request, reply) => {
        if (request.params.gateway !== gateway.name) {
          throw new AppError(
            'GATEWAY_NOT_ENABLED',
            404,
            `The ${request.params.gateway} gateway is not the one configured.`,
          );
        }
        let text: string;
        try {
          const result = await handleCallback(
            { db, clock, keys, gateway },
            { fields: request.body, sourceIp: request.ip, verified: verify(request, request.body) },
          );
          text = result.reply;
        } catch (error) {
          // The gateway gets the protocol's answer for a technical problem, and will not capture.
          request.log.error({ err: error }, 'payment callback failed');
          text = gateway.callbackReply('refuse');
        }
        return reply.status(200).type('text/plain; charset=utf-8').send(text);
      },
    );

    // The browser's return: display only. It never changes a payment; the callback or a status
    // query does. Not logged at info level: a gateway may put the masked card number in the URL.
    for (const method of ['GET', 'POST'] as const) {
      scope.route({
        method,
        url: '/api/v1/payments/return/:result',
        logLevel: 'warn',
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Where the gateway sends the browser back (okUrl, failUrl): redirects to the request’s payment page',
          params: returnParams,
          ...(method === 'GET'
            ? { querystring: gatewayQuerySchema }
            : { body: gatewayFieldsSchema, consumes: ['application/x-www-form-urlencoded'] }),
        },
        handler: async (request, reply) => {
          const fields = (method === 'GET' ? request.query : request.body) as Record<string, string>;
          const notice = gateway.verifyCallback(fields);
          const base = deps.publicUrl;
          if (!notice) return reply.redirect(`${base}/requests?payment=unverified`, 303);
          const payment = await paymentOfOrder(db, notice.orderId);
          if (!payment) return reply.redirect(`${base}/requests?payment=unknown`, 303);
          await recordPaymentEvent(db, {
            paymentId: payment.paymentId,
            orderId: notice.orderId,
            source: 'browser_return',
            outcome: notice.outcome,
            procReturnCode: notice.procReturnCode,
            fields: notice.evidence,
            now: clock.now(),
          });
          const result = notice.outcome === 'approved' ? 'ok' : 'fail';
          return reply.redirect(`${base}/requests/${payment.requestId}/payment?result=${result}`, 303);
        },
      });
    }
  });
}
