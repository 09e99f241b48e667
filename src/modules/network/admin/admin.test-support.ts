import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { queryRows } from '../../../platform/db.ts';
import { bookingBody, signIn, type TestContext } from '../../../test/harness.ts';

export type Code = 'PAR' | 'MTL' | 'DXB';
export type ServiceName = 'passport' | 'passportMinor' | 'legalization' | 'copy';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Time = { slotId: number; time: string; startsAt: string; utcOffset: string; free: number };
export type AuditRow = {
  actor_account_id: string | null;
  on_behalf_of_account_id: string | null;
  consulate_id: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
};

export const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

const staffEmails = {
  adminPar: 'admin.par@mawid.example',
  adminDxb: 'admin.dxb@mawid.example',
  agentPar: 'agent.par@mawid.example',
  hq: 'hq@mawid.example',
  callCenter: 'callcenter@mawid.example',
  citizen: 'amina.benali@example.org',
} as const;
export type Who = keyof typeof staffEmails;

/** The admin tests' way in: signed-in cookies, calls, and the reads they check the database with. */
export async function adminTestKit(ctx: TestContext) {
  const entries = await Promise.all(
    Object.entries(staffEmails).map(async ([who, email]) => [who, await signIn(ctx, email)] as const),
  );
  const cookies = Object.fromEntries(entries) as Record<Who, string>;
  const rows = await queryRows<{ id: string; email: string }>(ctx.db, sql`SELECT id, email FROM accounts`);
  const accountIds = Object.fromEntries(rows.map((r) => [r.email, r.id])) as Record<string, string>;

  const adminUrl = (consulate: Code, rest: string) =>
    `/api/v1/admin/consulates/${ctx.ids.consulates[consulate]}${rest}`;
  const call = (method: Method, url: string, cookie?: string, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: cookie ? { cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function timesOn(consulate: Code, service: ServiceName, date: string): Promise<Time[]> {
    const response = await call(
      'GET',
      `/api/v1/consulates/${ctx.ids.consulates[consulate]}/services/${ctx.ids.services[service]}/availability?from=${date}&to=${date}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return (
      (response.json() as { days: { date: string; times: Time[] }[] }).days.find((d) => d.date === date)?.times ?? []
    );
  }

  async function book(cookie: string, consulate: Code, service: ServiceName, slotId: number) {
    const response = await call(
      'POST',
      '/api/v1/appointments',
      cookie,
      await bookingBody(ctx, cookie, {
        consulateId: ctx.ids.consulates[consulate],
        serviceId: ctx.ids.services[service],
        slotId,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as {
      id: string;
      reference: string;
      slotId: number;
      startsAt: string;
      departmentId: string;
      requestId: string | null;
      localTime: string;
    };
  }

  async function lastAudit(action: string, entityId: string): Promise<AuditRow | undefined> {
    const [row] = await queryRows<AuditRow>(
      ctx.db,
      sql`SELECT actor_account_id, on_behalf_of_account_id, consulate_id, reason, before, after FROM audit_events
          WHERE action = ${action} AND entity_id = ${entityId} ORDER BY id DESC LIMIT 1`,
    );
    return row;
  }

  async function appointmentRow(id: string) {
    const [row] = await queryRows<{ status: string; slot_id: number; account_id: string; request_id: string | null }>(
      ctx.db,
      sql`SELECT status, slot_id, account_id, request_id FROM appointments WHERE id = ${id}`,
    );
    return row!;
  }

  return { cookies, accountIds, adminUrl, call, timesOn, book, lastAudit, appointmentRow };
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json().code).toBe(code);
}
