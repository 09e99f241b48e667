import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { countRows, type TestContext } from '../../test/harness.ts';
import type { CreatedPayment } from './create-payment.ts';
import { signedAnswer } from './sandbox/sandbox-bank.ts';
import type { TestCardOutcome } from './sandbox/test-cards.ts';

/** Test helpers for the payments module: accepted requests, payments, signed callbacks. */

export const APPROVED_CARD = '4000000000000002';
export const CARD_FOR: Record<TestCardOutcome, string> = {
  approved: '4000000000000002',
  declined: '4000000000000010',
  error: '4000000000000028',
  authentication_failed: '4000000000000036',
};

/** A request already accepted by the consulate (verification has its own tests). */
export async function acceptedRequest(
  ctx: TestContext,
  citizen: { accountId: string; personId: string },
  where: { consulate?: 'PAR' | 'MTL' | 'DXB'; service?: 'passport' | 'legalization' | 'copy'; status?: string } = {},
): Promise<string> {
  const consulateId = ctx.ids.consulates[where.consulate ?? 'PAR'];
  const serviceId = ctx.ids.services[where.service ?? 'passport'];
  const [offer] = await queryRows<{ department_id: string }>(
    ctx.db,
    sql`SELECT department_id FROM consulate_services WHERE consulate_id = ${consulateId} AND service_id = ${serviceId}`,
  );
  const reference = `TST-D-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`;
  const [created] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status,
                              submitted_at, decided_at)
        VALUES (${reference}, ${consulateId}, ${serviceId}, ${offer!.department_id}, ${citizen.personId},
                ${citizen.accountId}, ${where.status ?? 'accepted'}, ${ctx.clock.now()}, ${ctx.clock.now()})
        RETURNING id`,
  );
  return created!.id;
}

export async function feeOf(ctx: TestContext, requestId: string): Promise<{ amountMinor: number; currency: string }> {
  const [row] = await queryRows<{ fee_minor: number; currency: string }>(
    ctx.db,
    sql`SELECT cs.fee_minor, c.currency FROM requests r
        JOIN consulate_services cs ON cs.consulate_id = r.consulate_id AND cs.service_id = r.service_id
        JOIN consulates c ON c.id = r.consulate_id WHERE r.id = ${requestId}`,
  );
  return { amountMinor: Number(row!.fee_minor), currency: row!.currency };
}

export async function startPayment(
  ctx: TestContext,
  cookie: string,
  requestId: string,
  headers: Record<string, string> = {},
): Promise<CreatedPayment> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${requestId}/payments`,
    headers: { cookie, ...headers },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as CreatedPayment;
}

/** The callback the sandbox gateway would send for an attempt with this test card's outcome. */
export function callbackFields(
  ctx: TestContext,
  created: CreatedPayment,
  outcome: TestCardOutcome,
  changes: Record<string, string> = {},
): Record<string, string> {
  const form = { ...created.form.fields, ...changes };
  return signedAnswer(
    form,
    { outcome, transactionId: `T${randomUUID().slice(0, 8)}`, authorizationCode: 'P12345', at: ctx.clock.now() },
    { number: CARD_FOR[outcome], expiry: '12/30' },
    ctx.deps.config.SANDBOX_STORE_KEY,
  );
}

export async function postCallback(ctx: TestContext, fields: Record<string, string>, remoteAddress = '10.9.9.9') {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/payments/callback/sandbox',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
    remoteAddress,
  });
}

export async function paymentRow(ctx: TestContext, paymentId: string) {
  const [row] = await queryRows<{ status: string; gateway_transaction_id: string | null; succeeded_at: Date | null }>(
    ctx.db,
    sql`SELECT status, gateway_transaction_id, succeeded_at FROM payments WHERE id = ${paymentId}`,
  );
  return row!;
}

/** Stamps, sale entries and audit events of a payment: what "nothing changed" is checked on. */
export async function moneyTrail(ctx: TestContext, paymentId: string) {
  return {
    stamps: await countRows(ctx, 'stamps', sql`payment_id = ${paymentId}`),
    ledgerEntries: await countRows(ctx, 'ledger_entries', sql`payment_id = ${paymentId}`),
    succeededAudits: await countRows(
      ctx,
      'audit_events',
      sql`action = 'payment.succeeded' AND entity_id = ${paymentId}`,
    ),
  };
}

const unescapeHtml = (value: string) =>
  value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** The hidden fields and target of the page that sends the browser back to the merchant. */
export function readReturnForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form id="return" method="post" action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error(`no return form in: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescapeHtml(match[1]!)] = unescapeHtml(match[2]!);
  }
  return { action: unescapeHtml(action), fields };
}
