import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestStatus } from './request-status.ts';

export interface RequestRow {
  id: string;
  reference: string;
  consulate_id: string;
  service_id: string;
  department_id: string;
  person_id: string;
  account_id: string;
  status: RequestStatus;
  submitted_at: Date | null;
  queued_at: Date | null;
  decided_at: Date | null;
  decision_reason_code: string | null;
  decision_note: string | null;
  created_at: Date;
  updated_at: Date;
  // Bumped by the database at every change (trigger): a decision names the version it saw.
  version: number;
  reviewer_id: string | null;
  review_seen_at: Date | null;
}

const notFound = () => new AppError('REQUEST_NOT_FOUND', 404, 'No such request in your scope.');

async function loadRequest(db: Db, requestId: string, lock: boolean): Promise<RequestRow | undefined> {
  const [row] = await queryRows<RequestRow>(
    db,
    sql`SELECT * FROM requests WHERE id = ${requestId} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return row;
}

/** A request of the citizen's account (their own or a relative's); 404 for anyone else's. */
export async function requestOfCitizen(
  db: Db,
  requestId: string,
  accountId: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow> {
  const row = await loadRequest(db, requestId, options.lock ?? false);
  if (!row || row.account_id !== accountId) throw notFound();
  return row;
}

/** Locks a request already found in scope, for the rest of the transaction. */
export async function lockRequest(tx: Db, requestId: string): Promise<RequestRow> {
  const row = await loadRequest(tx, requestId, true);
  if (!row) throw notFound();
  return row;
}

/**
 * A request a staff member may handle: in their consulate, and for a consular agent in one of
 * their departments. Anything else answers 404 and leaves an audit event: staff looking outside
 * their scope is worth knowing about. Call it before opening a transaction: the audit event must
 * survive the 404 (a transaction would roll it back), and on PGlite's single connection a second
 * writer inside an open transaction would wait forever.
 */
export async function requestOfStaff(
  deps: { db: Db; auditDb: Db; now: Date },
  requestId: string,
  principal: Principal,
  options: { lock?: boolean } = {},
): Promise<RequestRow> {
  const row = await loadRequest(deps.db, requestId, options.lock ?? false);
  const isNetworkWide = principal.role === 'hq_admin' || principal.role === 'call_center_agent';
  const isInScope =
    row !== undefined &&
    (isNetworkWide ||
      (principal.consulateId === row.consulate_id &&
        (principal.role !== 'consular_agent' || principal.departmentIds.includes(row.department_id))));
  if (!row || !isInScope) {
    await recordAudit(deps.auditDb, {
      actorAccountId: principal.accountId,
      action: 'access.refused',
      entityType: 'request',
      entityId: requestId,
      consulateId: principal.consulateId,
      after: { reason: row ? 'out_of_scope' : 'not_found' },
      at: deps.now,
    });
    throw notFound();
  }
  return row;
}
