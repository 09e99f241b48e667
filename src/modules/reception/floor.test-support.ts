import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { queryRows } from '../../platform/db.ts';
import { makeCitizens, type TestContext } from '../../test/harness.ts';
import { book, freeTimes } from './reception.test-support.ts';

/** What the floor's routes answer, as the tests read them. */
export interface TicketJson {
  id: string;
  code: string;
  number: number;
  localDate: string;
  departmentId: string;
  appointmentId: string | null;
  status: string;
  priority: string | null;
  counterId: string | null;
  callCount: number;
  queuedAt: string;
  transferredFrom: string | null;
}

export const staffUrl = (ctx: TestContext, path: string, consulate: 'PAR' | 'MTL' | 'DXB' = 'PAR') =>
  `/api/v1/staff/consulates/${ctx.ids.consulates[consulate]}${path}`;

export function post(ctx: TestContext, url: string, cookie: string, payload?: object) {
  return ctx.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });
}

export function get(ctx: TestContext, url: string, cookie: string) {
  return ctx.app.inject({ method: 'GET', url, headers: { cookie } });
}

/**
 * Consular agents of a consulate made directly in the database, each with a session valid from
 * the clock's present, working in the given departments.
 */
export async function makeAgents(
  ctx: TestContext,
  count: number,
  options: { consulate?: 'PAR' | 'MTL' | 'DXB'; departmentIds: string[] },
): Promise<{ accountId: string; cookie: string }[]> {
  const consulateId = ctx.ids.consulates[options.consulate ?? 'PAR'];
  const made: { accountId: string; cookie: string }[] = [];
  for (let i = 0; i < count; i++) {
    const [account] = await queryRows<{ id: string }>(
      ctx.db,
      sql`INSERT INTO accounts (email, password_hash, role, consulate_id, email_verified_at)
          VALUES (${`agent-${randomUUID()}@mawid.example`}, 'not-a-usable-hash', 'consular_agent', ${consulateId}, now())
          RETURNING id`,
    );
    for (const departmentId of options.departmentIds) {
      await ctx.db.execute(
        sql`INSERT INTO staff_departments (account_id, department_id) VALUES (${account!.id}, ${departmentId})`,
      );
    }
    const session = await ctx.deps.sessions.create(account!.id);
    made.push({ accountId: account!.id, cookie: `${SESSION_COOKIE}=${session.token}` });
  }
  return made;
}

/** New counters of a department (the demo's are labelled 1, 2, …; these T1, T2, …). */
export async function makeCounters(ctx: TestContext, departmentId: string, count: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO counters (department_id, label)
        SELECT ${departmentId}, ${`T-${randomUUID().slice(0, 4)}-`} || g FROM generate_series(1, ${count}) g
        RETURNING id`,
  );
  return rows.map((r) => r.id);
}

/** A counter of the department, by its demo label. */
export async function counterId(ctx: TestContext, departmentId: string, label: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM counters WHERE department_id = ${departmentId} AND label = ${label}`,
  );
  if (!row) throw new Error(`no counter ${label}`);
  return row.id;
}

/**
 * Appointments booked through the API for new citizens (the clock at TEST_NOW, when booking is
 * open), one per free time of the day from `firstTime`, and their references.
 */
export async function bookDay(
  ctx: TestContext,
  options: { service: 'passport' | 'legalization'; day: string; count: number; firstTime?: number },
): Promise<{ id: string; reference: string; startsAt: string; accountId: string }[]> {
  const serviceId = ctx.ids.services[options.service];
  const times = await freeTimes(ctx, ctx.ids.consulates.PAR, serviceId, { from: options.day, to: options.day });
  const citizens = await makeCitizens(ctx, options.count);
  const booked = [];
  for (const [i, citizen] of citizens.entries()) {
    const time = times[(options.firstTime ?? 0) + i];
    if (!time) throw new Error(`not enough free times on ${options.day}`);
    const appointment = await book(ctx, citizen.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId,
      slotId: time.slotId,
    });
    booked.push({ ...appointment, accountId: citizen.accountId });
  }
  return booked;
}
