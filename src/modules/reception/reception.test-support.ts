import { eq, sql } from 'drizzle-orm';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { queryRows } from '../../platform/db.ts';
import { bookingBody, type TestContext } from '../../test/harness.ts';
import { accounts, persons } from '../accounts/accounts.tables.ts';
import { decodePdfQr } from './convocation-pdf.test-support.ts';

/** What the booking API answers, as the reception tests use it. */
export interface BookedAppointment {
  id: string;
  reference: string;
  status: string;
  slotId: number;
  startsAt: string;
  localDate: string;
  localTime: string;
  departmentId: string;
  requestId: string | null;
}

/** The free times of the first day that has any, in a range, through the availability API. */
export async function freeTimes(
  ctx: TestContext,
  consulateId: string,
  serviceId: string,
  range: { from: string; to: string },
): Promise<{ slotId: number; startsAt: string; free: number }[]> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/consulates/${consulateId}/services/${serviceId}/availability?from=${range.from}&to=${range.to}`,
  });
  const body = response.json() as { days: { times: { slotId: number; startsAt: string; free: number }[] }[] };
  const times = body.days[0]?.times ?? [];
  if (times.length === 0) throw new Error(`no free time: ${response.body}`);
  return times;
}

/** Books a slot through the API for the citizen holding the cookie (from an accepted request when needed). */
export async function book(
  ctx: TestContext,
  cookie: string,
  body: { consulateId: string; serviceId: string; slotId: number },
): Promise<BookedAppointment> {
  const payload = await bookingBody(ctx, cookie, body);
  const response = await ctx.app.inject({ method: 'POST', url: '/api/v1/appointments', headers: { cookie }, payload });
  if (response.statusCode !== 201) throw new Error(`booking: ${response.statusCode} ${response.body}`);
  return response.json() as BookedAppointment;
}

/** Gives a person names in both scripts (test citizens are made with Latin names only). */
export async function nameInBothScripts(
  ctx: TestContext,
  personId: string,
  names: { givenNameLatin: string; familyNameLatin: string; givenNameArabic: string; familyNameArabic: string },
): Promise<void> {
  await ctx.db.update(persons).set(names).where(eq(persons.id, personId));
}

/** A new session for an account, e.g. after the test clock moved past the old one's end. */
export async function freshCookie(ctx: TestContext, accountId: string): Promise<string> {
  const session = await ctx.deps.sessions.create(accountId);
  return `${SESSION_COOKIE}=${session.token}`;
}

export async function accountIdOf(ctx: TestContext, email: string): Promise<string> {
  const [row] = await ctx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  if (!row) throw new Error(`no account ${email}`);
  return row.id;
}

/** Downloads the convocation as its owner and reads the token back from its QR code. */
export async function tokenFromConvocation(ctx: TestContext, cookie: string, appointmentId: string): Promise<string> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/v1/appointments/${appointmentId}/convocation.pdf`,
    headers: { cookie },
  });
  if (response.statusCode !== 200) throw new Error(`convocation: ${response.statusCode} ${response.body}`);
  const token = decodePdfQr(response.rawPayload);
  if (!token) throw new Error('no QR code in the convocation');
  return token;
}

export async function appointmentRow(ctx: TestContext, id: string) {
  const [row] = await queryRows<{
    status: string;
    checked_in_at: Date | string | null;
    checked_in_by: string | null;
    slot_id: number;
  }>(ctx.db, sql`SELECT status, checked_in_at, checked_in_by, slot_id FROM appointments WHERE id = ${id}`);
  if (!row) throw new Error(`no appointment ${id}`);
  return row;
}

/** Changes one character of a token's payload: the signature no longer matches. */
export function tamper(token: string): string {
  const index = 10;
  return token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);
}
