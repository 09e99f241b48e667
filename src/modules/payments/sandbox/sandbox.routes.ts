import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../platform/http.ts';
import { text } from '../../../platform/text-input.ts';
import { acceptFormBodies } from '../form-body.ts';
import { fieldOf } from '../gateways/cmi-protocol.ts';
import { alphaCurrencyCode } from '../gateways/currency-codes.ts';
import { answerSandboxApi } from './sandbox-api.ts';
import { callbackModes, type SandboxBank } from './sandbox-bank.ts';
import { AUTOSUBMIT_SCRIPT, cardPage, refusedPage, returnPage, sandboxLocale } from './sandbox-pages.ts';

const payBody = z.object({
  session: text().min(1).max(100),
  cardNumber: text().max(40),
  expiry: text().max(10).optional(),
  cvv: text().max(4).optional(),
  callback: z.enum(callbackModes).optional(),
});

const switchBody = z.object({
  oid: text().min(1).max(64),
  callback: z.enum(callbackModes),
  delayMs: z.number().int().min(0).max(600_000).optional(),
});

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return "'none'";
  }
};

function html(reply: FastifyReply, status: number, body: string, formTarget?: string) {
  // Stricter than the API's policy: no inline script; forms go to this origin or the merchant's return.
  const formAction = formTarget ? `'self' ${originOf(formTarget)}` : "'self'";
  return reply
    .status(status)
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    )
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(body);
}

/**
 * The sandbox gateway served by Mawid (PAYMENT_GATEWAY=sandbox only): the CMI's hosted page,
 * its server-to-server callback, its XML status API, and a test API to set per-order switches.
 */
export function sandboxRoutes(app: App, deps: { bank: SandboxBank; storeKey: string }) {
  const { bank } = deps;
  app.register(async (plugin) => {
    const scope = plugin as unknown as App;
    acceptFormBodies(plugin);
    plugin.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_r, body, done) => done(null, String(body)),
    );
    const tags = ['sandbox gateway'];

    scope.post(
      '/sandbox/cmi/est3Dgate',
      {
        schema: {
          tags,
          summary: 'The hosted card page: receives the merchant’s signed form (refused when HASH does not verify)',
          consumes: ['application/x-www-form-urlencoded'],
          body: z.record(text(), text()),
        },
      },
      async (request, reply) => {
        const locale = sandboxLocale(fieldOf(request.body, 'lang'));
        const opened = bank.openOrder(request.body);
        if (!opened.ok)
          return html(reply, opened.reason === 'already_paid' ? 409 : 400, refusedPage(locale, opened.reason));
        const { order } = opened;
        const currency =
          alphaCurrencyCode(fieldOf(order.form, 'currency') ?? '') ?? fieldOf(order.form, 'currency') ?? '';
        return html(
          reply,
          200,
          cardPage({
            locale,
            orderId: order.orderId,
            amountText: fieldOf(order.form, 'amount') ?? '',
            currency,
            shopUrl: fieldOf(order.form, 'shopurl'),
            session: order.session,
            mode: bank.switchOf(order.orderId).mode,
          }),
        );
      },
    );

    scope.post(
      '/sandbox/cmi/pay',
      {
        schema: {
          tags,
          summary: 'Pays with a test card: calls the merchant back, then returns the browser',
          consumes: ['application/x-www-form-urlencoded'],
          body: payBody,
        },
      },
      async (request, reply) => {
        const { session, cardNumber, expiry, callback } = request.body;
        const result = await bank.pay(session, { number: cardNumber, expiry }, callback);
        if (result.kind === 'unknown_session') return html(reply, 404, refusedPage('fr', 'unknown_session'));
        const locale = sandboxLocale(fieldOf(result.order.form, 'lang'));
        if (result.kind === 'already_paid') return html(reply, 409, refusedPage(locale, 'already_paid'));
        if (result.kind === 'invalid_card') {
          const { order } = result;
          return html(
            reply,
            422,
            cardPage({
              locale,
              orderId: order.orderId,
              amountText: fieldOf(order.form, 'amount') ?? '',
              currency: alphaCurrencyCode(fieldOf(order.form, 'currency') ?? '') ?? '',
              shopUrl: fieldOf(order.form, 'shopurl'),
              session: order.session,
              mode: callback ?? bank.switchOf(order.orderId).mode,
              hasInvalidCard: true,
            }),
          );
        }
        return html(reply, 200, returnPage(locale, result.returnUrl, result.fields), result.returnUrl);
      },
    );

    scope.get('/sandbox/cmi/autosubmit.js', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(AUTOSUBMIT_SCRIPT),
    );

    scope.post(
      '/sandbox/cmi/switches',
      {
        schema: {
          tags,
          summary:
            'Test API: how the callback of an order will behave (normal, delayed, duplicated, dropped, tampered)',
          body: switchBody,
          response: { 200: z.object({ oid: z.string(), callback: z.enum(callbackModes), delayMs: z.number().int() }) },
        },
      },
      async (request) => {
        const set = bank.setSwitch(request.body.oid, { mode: request.body.callback, delayMs: request.body.delayMs });
        return { oid: request.body.oid, callback: set.mode, delayMs: set.delayMs };
      },
    );

    scope.get(
      '/sandbox/cmi/orders/:oid',
      {
        schema: {
          tags,
          summary: 'Test API: what the sandbox knows of an order',
          params: z.object({ oid: text().min(1).max(64) }),
          response: {
            200: z.object({
              oid: z.string(),
              status: z.enum(['approved', 'declined', 'pending', 'unknown']),
              isCaptured: z.boolean(),
              attempts: z.array(z.string()),
              callbackReplies: z.array(z.string()),
            }),
          },
        },
      },
      async (request) => {
        const order = bank.order(request.params.oid);
        const status = bank.status(request.params.oid);
        return {
          oid: request.params.oid,
          status: status.status,
          isCaptured: status.isCaptured,
          attempts: order?.attempts.map((a) => a.outcome) ?? [],
          callbackReplies: order?.callbackReplies ?? [],
        };
      },
    );

    scope.post(
      '/sandbox/cmi/api',
      {
        schema: {
          tags,
          summary: 'The XML API (CC5Request): ORDERSTATUS queries and PostAuth, as the CMI’s',
          consumes: ['application/xml', 'text/xml'],
        },
      },
      async (request, reply) =>
        reply
          .type('application/xml; charset=utf-8')
          .send(answerSandboxApi(bank, deps.storeKey, typeof request.body === 'string' ? request.body : '')),
    );
  });
}
