import { type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';

export const recordKinds = ['request', 'appointment', 'payment', 'stamp'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** Where a record lives (who may see it) and the audit entities its history is made of. */
export interface RecordScope {
  kind: RecordKind;
  id: string;
  consulateId: string;
  departmentId: string;
  // (entity_type, entity_id) pairs: the record itself, and what belongs to it (a request's
  // documents, an appointment's tickets, a payment's gateway order before it was matched).
  entities: SQL;
}

const recordRoles: Principal['role'][] = ['hq_admin', 'call_center_agent', 'consulate_admin', 'consular_agent'];
// The treasury auditor reads money: payments and stamps, not requests or appointments.
const treasuryRoles: Principal['role'][] = [...recordRoles, 'treasury_auditor'];

const notFoundCodes: Record<RecordKind, string> = {
  request: 'REQUEST_NOT_FOUND',
  appointment: 'APPOINTMENT_NOT_FOUND',
  payment: 'PAYMENT_NOT_FOUND',
  stamp: 'STAMP_NOT_FOUND',
};

// Each record's consulate and department (payments and stamps: their request's department).
const locate: Record<RecordKind, (key: string) => SQL> = {
  request: (id) => sql`SELECT r.id::text AS id, r.consulate_id, r.department_id FROM requests r WHERE r.id = ${id}`,
  appointment: (id) =>
    sql`SELECT a.id::text AS id, a.consulate_id, a.department_id FROM appointments a WHERE a.id = ${id}`,
  payment: (id) => sql`SELECT p.id::text AS id, p.consulate_id, r.department_id, p.order_id AS extra
                       FROM payments p JOIN requests r ON r.id = p.request_id WHERE p.id = ${id}`,
  stamp: (number) => sql`SELECT s.id::text AS id, s.consulate_id, r.department_id
                         FROM stamps s JOIN requests r ON r.id = s.request_id WHERE s.number = ${number}`,
};

function entitiesOf(kind: RecordKind, id: string, extra: string | null): SQL {
  switch (kind) {
    case 'request':
      return sql`SELECT 'request'::text, ${id}::text UNION ALL
                 SELECT 'document', d.id::text FROM documents d WHERE d.request_id = ${id}`;
    case 'appointment':
      return sql`SELECT 'appointment'::text, ${id}::text UNION ALL
                 SELECT 'ticket', t.id::text FROM tickets t WHERE t.appointment_id = ${id}`;
    case 'payment':
      return sql`SELECT 'payment'::text, ${id}::text UNION ALL SELECT 'payment_order', ${extra ?? ''}::text`;
    case 'stamp':
      return sql`SELECT 'stamp'::text, ${id}::text`;
  }
}

/**
 * The record a history is asked for, if the caller may see it. Headquarters sees every record; the
 * call center sees citizens' records (all four kinds are); the treasury auditor sees payments and
 * stamps; consulate staff see their consulate's (a consular agent: their departments'). A record
 * out of scope answers 404 as if it did not exist; a role with no business here gets 403.
 * A stamp is named by its number, as staff read it; the others by their id.
 */
export async function recordInScope(db: Db, principal: Principal, kind: RecordKind, key: string): Promise<RecordScope> {
  const roles = kind === 'payment' || kind === 'stamp' ? treasuryRoles : recordRoles;
  if (!roles.includes(principal.role)) {
    throw new AppError('FORBIDDEN', 403, `The history of a ${kind} needs one of the roles: ${roles.join(', ')}.`);
  }
  const [row] = await queryRows<{ id: string; consulate_id: string; department_id: string; extra?: string }>(
    db,
    locate[kind](key),
  );
  const isNetworkWide = ['hq_admin', 'call_center_agent', 'treasury_auditor'].includes(principal.role);
  const isInScope =
    row !== undefined &&
    (isNetworkWide ||
      (principal.consulateId === row.consulate_id &&
        (principal.role !== 'consular_agent' || principal.departmentIds.includes(row.department_id))));
  if (!row || !isInScope) throw new AppError(notFoundCodes[kind], 404, `No such ${kind} in your scope.`);
  return {
    kind,
    id: row.id,
    consulateId: row.consulate_id,
    departmentId: row.department_id,
    entities: entitiesOf(kind, row.id, row.extra ?? null),
  };
}
