import { requirePrincipal, requireRole } from '../../platform/auth.ts';
import { type App, type AppDeps, idempotencyHeaders, problems } from '../../platform/http.ts';
import { isLocale } from '../../platform/i18n/i18n.ts';
import { runIdempotent } from '../../platform/idempotency.ts';
import { consumeStamp } from './consume-stamp.ts';
import { loadReceipt, renderReceipt } from './receipt-pdf.ts';
import { type RefundResult, refundAfterConsulateCancellation, refundPayment } from './refund-payment.ts';
import { normalizeStampNumber } from './stamp-number.ts';
import { assertRefunder, assertStampConsumer } from './stamps.policy.ts';
import {
  citizenRefundBody,
  consumeBody,
  consumedStampSchema,
  paymentParams,
  publicStampSchema,
  receiptQuery,
  refundBody,
  refundSchema,
  stampKeySchema,
  stampNumberParams,
  verifyQrBody,
} from './stamps.schemas.ts';
import { invalidStampNumber, StampVerifier } from './verify-stamp.ts';

const presentRefund = (refund: RefundResult) => ({ ...refund, createdAt: refund.createdAt.toISOString() });

/** Stamps: public verification, the receipt, consumption at the counter, and refunds. */
export function stampsRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, keys, config } = deps;
  // The answer cache runs on real time, not the business clock: it is about freshness, not a decision.
  const verifier = new StampVerifier({ db, publicKey: keys.signingPublicKey, now: () => Date.now() });
  // Public checks are cheap but open to anyone: bounded per client address.
  const publicLimit = { rateLimit: { max: config.STAMP_VERIFY_PER_MINUTE, timeWindow: '1 minute' } };

  app.get(
    '/api/v1/stamps/public-key',
    {
      schema: {
        tags: ['stamps'],
        summary: 'The Ed25519 public key that checks stamp signatures and QR codes offline',
        response: { 200: stampKeySchema },
      },
    },
    async () => ({
      algorithm: 'Ed25519' as const,
      publicKeyPem: keys.signingPublicKeyPem,
      payloadFormat:
        'QR text: base64url(JSON {v,number,consulate,service,amountMinor,currency,issuedAt} in that order) "." base64url(Ed25519 signature over that JSON)',
    }),
  );

  app.get(
    '/.well-known/mawid-stamp-key.pem',
    { schema: { tags: ['stamps'], summary: 'The stamp public key as a PEM file (SPKI)' } },
    async (_request, reply) =>
      reply
        .header('content-type', 'application/x-pem-file')
        .header('cache-control', 'public, max-age=3600')
        .send(keys.signingPublicKeyPem),
  );

  app.get(
    '/api/v1/stamps/:number',
    {
      config: publicLimit,
      schema: {
        tags: ['stamps'],
        summary: 'Check a stamp by its number: valid, consumed or refunded, and what it pays for (nothing personal)',
        params: stampNumberParams,
        response: { 200: publicStampSchema, ...problems(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const { json } = await verifier.byNumber(request.params.number);
      // Sent as serialized once per cached answer: this route is the busiest public one.
      return reply
        .type('application/json; charset=utf-8')
        .serializer((payload: unknown) => payload as string)
        .send(json as never);
    },
  );

  app.post(
    '/api/v1/stamps/verify-qr',
    {
      config: publicLimit,
      schema: {
        tags: ['stamps'],
        summary: 'Check a stamp’s QR code: its signature, then its current status',
        body: verifyQrBody,
        response: { 200: publicStampSchema, ...problems(400, 404, 429) },
      },
    },
    async (request) => verifier.byQr(request.body.qr),
  );

  app.get(
    '/api/v1/stamps/:number/receipt.pdf',
    {
      schema: {
        tags: ['stamps'],
        summary: 'The receipt of a stamp (PDF with its QR code), for the payer or the staff of its consulate',
        params: stampNumberParams,
        querystring: receiptQuery,
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      const number = normalizeStampNumber(request.params.number);
      if (!number) throw invalidStampNumber();
      const facts = await loadReceipt(db, principal, number);
      const locale = request.query.lang ?? (isLocale(principal.locale) ? principal.locale : 'fr');
      const pdf = await renderReceipt(facts, locale, clock.now());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="receipt-${number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as never);
    },
  );

  app.post(
    '/api/v1/staff/stamps/:number/consume',
    {
      schema: {
        tags: ['stamps'],
        summary: 'Consume a stamp as its service is delivered: once, at its consulate, for its service',
        params: stampNumberParams,
        body: consumeBody,
        response: { 200: consumedStampSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      assertStampConsumer(principal);
      const number = normalizeStampNumber(request.params.number);
      if (!number) throw invalidStampNumber();
      const consumed = await consumeStamp(
        { db, now: clock.now() },
        { principal, number, serviceId: request.body?.serviceId },
      );
      verifier.forget(number);
      return { ...consumed, consumedAt: consumed.consumedAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/staff/payments/:paymentId/refunds',
    {
      schema: {
        tags: ['stamps'],
        summary: 'Refund (part of) a payment whose stamp is not consumed; at most what was paid in total',
        params: paymentParams,
        headers: idempotencyHeaders,
        body: refundBody,
        response: { 201: refundSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      const { paymentId } = request.params;
      await assertRefunder(db, principal, paymentId);
      const result = await runIdempotent(
        db,
        {
          accountId: principal.accountId,
          key: request.headers['idempotency-key'],
          scope: `payment.refund:${paymentId}`,
          body: request.body,
        },
        async (tx) => {
          const refund = await refundPayment(
            { db: tx, now: clock.now() },
            { actorAccountId: principal.accountId, paymentId, ...request.body },
          );
          return { statusCode: 201, body: presentRefund(refund) };
        },
      );
      const body = result.body as ReturnType<typeof presentRefund>;
      if (body.stampNumber) verifier.forget(body.stampNumber);
      if (result.isReplay) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(body);
    },
  );

  app.post(
    '/api/v1/payments/:paymentId/refund-request',
    {
      schema: {
        tags: ['stamps'],
        summary: 'Get the fee back after the consulate cancelled the appointment (instead of booking again)',
        params: paymentParams,
        headers: idempotencyHeaders,
        body: citizenRefundBody,
        response: { 201: refundSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'citizen');
      const { paymentId } = request.params;
      const result = await runIdempotent(
        db,
        {
          accountId: principal.accountId,
          key: request.headers['idempotency-key'],
          scope: `payment.refund-request:${paymentId}`,
          body: request.body ?? {},
        },
        async (tx) => {
          const refund = await refundAfterConsulateCancellation(
            { db: tx, now: clock.now() },
            {
              accountId: principal.accountId,
              paymentId,
              reason: request.body?.reason ?? 'appointment cancelled by the consulate',
            },
          );
          return { statusCode: 201, body: presentRefund(refund) };
        },
      );
      const body = result.body as ReturnType<typeof presentRefund>;
      if (body.stampNumber) verifier.forget(body.stampNumber);
      if (result.isReplay) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(body);
    },
  );
}
