import type { Principal } from '../../platform/auth.ts';
import { requirePrincipal } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { isLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { type DailyReconciliation, dailyReconciliation } from './reconciliation/daily-report.ts';
import { importSettlementFile } from './reconciliation/import-settlement-file.ts';
import { reconciliationCsv } from './reconciliation/report-csv.ts';
import { reconciliationPdf } from './reconciliation/report-pdf.ts';
import { resolveBreak } from './reconciliation/resolve-break.ts';
import { assertReconciliationWriter, treasuryReadScope } from './treasury.policy.ts';
import {
  breakParams,
  paymentListQuery,
  paymentPageSchema,
  reconciliationParams,
  reconciliationQuery,
  reconciliationSchema,
  refundListQuery,
  refundPageSchema,
  resolveBreakBody,
  resolvedBreakSchema,
  settlementCsvBody,
  settlementImportSchema,
  settlementUploadQuery,
  stampListQuery,
  stampPageSchema,
} from './treasury.schemas.ts';
import { listPayments, listRefunds, listStamps, type TreasuryFilters } from './treasury-lists.ts';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

function presentReport(report: DailyReconciliation) {
  const { settlement } = report;
  return {
    ...report,
    settlement: settlement && {
      ...settlement,
      uploadedAt: settlement.uploadedAt.toISOString(),
      breaks: settlement.breaks.map((b) => ({ ...b, resolvedAt: iso(b.resolvedAt) })),
    },
  };
}

/** The treasury's read-only view of the money, and the daily reconciliation with its settlement files. */
export function treasuryRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions } = deps;

  // Settlement files arrive as CSV text.
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5_000_000 }, (_request, body, done) =>
      done(null, body),
    );
  }

  const filtersOf = (principal: Principal, query: TreasuryFilters) => ({
    ...query,
    ...treasuryReadScope(principal, query.consulateId),
  });
  const localeOf = (principal: Principal, lang: Locale | undefined): Locale =>
    lang ?? (isLocale(principal.locale) ? principal.locale : 'fr');

  app.get(
    '/api/v1/treasury/payments',
    {
      schema: {
        tags: ['treasury'],
        summary:
          'Payments across the network, newest first (treasury auditor, headquarters; an admin: their consulate)',
        querystring: paymentListQuery,
        response: { 200: paymentPageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return listPayments(db, filtersOf(principal, request.query));
    },
  );

  app.get(
    '/api/v1/treasury/stamps',
    {
      schema: {
        tags: ['treasury'],
        summary: 'Stamps across the network, newest first',
        querystring: stampListQuery,
        response: { 200: stampPageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return listStamps(db, filtersOf(principal, request.query));
    },
  );

  app.get(
    '/api/v1/treasury/refunds',
    {
      schema: {
        tags: ['treasury'],
        summary: 'Refunds across the network, newest first',
        querystring: refundListQuery,
        response: { 200: refundPageSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return listRefunds(db, filtersOf(principal, request.query));
    },
  );

  async function report(principal: Principal, params: { consulateId: string; date: string }, currency?: string) {
    treasuryReadScope(principal, params.consulateId);
    return dailyReconciliation(db, { consulateId: params.consulateId, businessDate: params.date, currency });
  }
  const reconciliationSchemaOf = (summary: string) => ({
    tags: ['treasury'],
    summary,
    params: reconciliationParams,
    querystring: reconciliationQuery,
  });

  app.get(
    '/api/v1/treasury/consulates/:consulateId/reconciliations/:date.csv',
    {
      schema: { ...reconciliationSchemaOf('The daily reconciliation as CSV'), response: problems(400, 401, 403, 404) },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      const found = await report(principal, request.params, request.query.currency);
      const name = `reconciliation-${found.consulate.code}-${found.businessDate}-${found.currency}.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(reconciliationCsv(found, localeOf(principal, request.query.lang)) as never);
    },
  );

  app.get(
    '/api/v1/treasury/consulates/:consulateId/reconciliations/:date.pdf',
    {
      schema: { ...reconciliationSchemaOf('The daily reconciliation as PDF'), response: problems(400, 401, 403, 404) },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      const found = await report(principal, request.params, request.query.currency);
      const pdf = await reconciliationPdf(found, localeOf(principal, request.query.lang), clock.now());
      const name = `reconciliation-${found.consulate.code}-${found.businessDate}-${found.currency}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as never);
    },
  );

  app.get(
    '/api/v1/treasury/consulates/:consulateId/reconciliations/:date',
    {
      schema: {
        ...reconciliationSchemaOf(
          'A consulate’s daily reconciliation per currency: liability roll-forward, ledger accounts, checks, settlement file and breaks',
        ),
        response: { 200: reconciliationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return presentReport(await report(principal, request.params, request.query.currency));
    },
  );

  app.post(
    '/api/v1/treasury/settlement-files',
    {
      schema: {
        tags: ['treasury'],
        summary:
          'Import the card gateway’s settlement file of a consulate and day (text/csv), match it, list the breaks',
        querystring: settlementUploadQuery,
        body: settlementCsvBody,
        response: { 201: settlementImportSchema, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      assertReconciliationWriter(principal, request.query.consulateId);
      const imported = await importSettlementFile(
        { db, now: clock.now() },
        {
          actorAccountId: principal.accountId,
          consulateId: request.query.consulateId,
          businessDate: request.query.date,
          currency: request.query.currency,
          csv: request.body,
        },
      );
      return reply.status(201).send(imported);
    },
  );

  app.post(
    '/api/v1/treasury/breaks/:breakId/resolve',
    {
      schema: {
        tags: ['treasury'],
        summary: 'Explain a reconciliation break, once (headquarters or the consulate’s admin; the auditor only reads)',
        params: breakParams,
        body: resolveBreakBody,
        response: { 200: resolvedBreakSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      const resolved = await resolveBreak(
        { db, now: clock.now() },
        { principal, breakId: request.params.breakId, note: request.body.note },
      );
      return { ...resolved, resolvedAt: resolved.resolvedAt.toISOString() };
    },
  );
}
