import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { listAccountAppointments, presentAppointment } from '../scheduling/index.ts';
import type { citizenPageSchema } from './callcenter.schemas.ts';

export type CitizenPage = z.infer<typeof citizenPageSchema>;
type Page<K extends keyof CitizenPage> = CitizenPage[K];
type Dated<T, K extends keyof T> = Omit<T, K> & { [F in K]: Date | string | null };

// Everything a citizen's account holds, newest first; far more than one household ever has.
const LIMIT = 500;
const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/**
 * What the call center sees of a citizen: the account, its persons (with their identity numbers,
 * which the call center needs to confirm who is calling), requests, appointments (and who booked
 * each), payments and stamps. The view itself is audited, identity numbers left out of the event:
 * who looked at whose file is worth knowing.
 */
export async function loadCitizenPage(
  deps: { db: Db; now: Date },
  input: { agentAccountId: string; citizenAccountId: string },
): Promise<CitizenPage> {
  const { db, now } = deps;
  const id = input.citizenAccountId;
  const [account] = await queryRows<{
    id: string;
    email: string;
    phone: string | null;
    locale: string;
    email_verified_at: Date | string | null;
    created_at: Date | string;
  }>(
    db,
    sql`SELECT id, email, phone, locale, email_verified_at, created_at FROM accounts WHERE id = ${id} AND role = 'citizen'`,
  );
  if (!account) throw new AppError('CITIZEN_NOT_FOUND', 404, 'No citizen account with this id.');
  const persons = await queryRows<Page<'persons'>[number]>(
    db,
    sql`SELECT id, relation, given_name_latin AS "givenNameLatin", family_name_latin AS "familyNameLatin",
               given_name_arabic AS "givenNameArabic", family_name_arabic AS "familyNameArabic",
               birth_date::text AS "birthDate", birth_place AS "birthPlace", cnie_number AS "cnieNumber",
               passport_number AS "passportNumber", consular_registration_number AS "consularRegistrationNumber"
        FROM persons WHERE account_id = ${id} ORDER BY relation <> 'self', created_at, id`,
  );
  const requests = await queryRows<Dated<Page<'requests'>[number], 'createdAt' | 'submittedAt' | 'decidedAt'>>(
    db,
    sql`SELECT r.id, r.reference, r.status, r.origin, r.consulate_id AS "consulateId", c.code AS "consulateCode",
               r.service_id AS "serviceId", s.code AS "serviceCode", r.person_id AS "personId",
               r.created_at AS "createdAt", r.submitted_at AS "submittedAt", r.decided_at AS "decidedAt",
               r.decision_reason_code AS "decisionReasonCode"
        FROM requests r JOIN consulates c ON c.id = r.consulate_id JOIN services s ON s.id = r.service_id
        WHERE r.account_id = ${id} ORDER BY r.created_at DESC, r.id LIMIT ${LIMIT}`,
  );
  const appointments = await listAccountAppointments(db, id, now);
  const bookers = await queryRows<NonNullable<Page<'appointments'>[number]['bookedBy']> & { appointmentId: string }>(
    db,
    sql`SELECT a.id AS "appointmentId", b.id AS "accountId", b.email, b.display_name AS "displayName", b.role
        FROM appointments a JOIN accounts b ON b.id = a.booked_by WHERE a.account_id = ${id}`,
  );
  const payments = await queryRows<
    Dated<Page<'payments'>[number], 'createdAt' | 'succeededAt'> & {
      amountMinor: number | string;
      refundedMinor: number | string;
    }
  >(
    db,
    sql`SELECT p.id, p.order_id AS "orderId", p.request_id AS "requestId", r.reference AS "requestReference",
               p.status, p.channel, p.amount_minor AS "amountMinor", p.refunded_minor AS "refundedMinor",
               p.currency, p.created_at AS "createdAt", p.succeeded_at AS "succeededAt"
        FROM payments p JOIN requests r ON r.id = p.request_id
        WHERE r.account_id = ${id} ORDER BY p.created_at DESC, p.id LIMIT ${LIMIT}`,
  );
  const stamps = await queryRows<
    Dated<Page<'stamps'>[number], 'issuedAt' | 'consumedAt' | 'refundedAt'> & { amountMinor: number | string }
  >(
    db,
    sql`SELECT s.id, s.number, s.request_id AS "requestId", r.reference AS "requestReference",
               s.payment_id AS "paymentId", s.status, s.amount_minor AS "amountMinor", s.currency,
               s.issued_at AS "issuedAt", s.consumed_at AS "consumedAt", s.refunded_at AS "refundedAt"
        FROM stamps s JOIN requests r ON r.id = s.request_id
        WHERE r.account_id = ${id} ORDER BY s.issued_at DESC, s.id LIMIT ${LIMIT}`,
  );
  await recordAudit(db, {
    actorAccountId: input.agentAccountId,
    onBehalfOfAccountId: null,
    action: 'citizen.viewed_by_call_center',
    entityType: 'account',
    entityId: id,
    at: now,
  });
  const bookerOf = new Map(bookers.map(({ appointmentId, ...party }) => [appointmentId, party]));
  return {
    account: {
      id: account.id,
      email: account.email,
      phone: account.phone,
      locale: account.locale,
      isEmailConfirmed: account.email_verified_at !== null,
      createdAt: new Date(account.created_at).toISOString(),
    },
    persons,
    requests: requests.map((r) => ({
      ...r,
      createdAt: iso(r.createdAt) as string,
      submittedAt: iso(r.submittedAt),
      decidedAt: iso(r.decidedAt),
    })),
    appointments: appointments.map((row) => ({ ...presentAppointment(row), bookedBy: bookerOf.get(row.id) ?? null })),
    payments: payments.map((p) => ({
      ...p,
      amountMinor: Number(p.amountMinor),
      refundedMinor: Number(p.refundedMinor),
      createdAt: iso(p.createdAt) as string,
      succeededAt: iso(p.succeededAt),
    })),
    stamps: stamps.map((s) => ({
      ...s,
      amountMinor: Number(s.amountMinor),
      issuedAt: iso(s.issuedAt) as string,
      consumedAt: iso(s.consumedAt),
      refundedAt: iso(s.refundedAt),
    })),
  };
}
