import { and, asc, eq, sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type RequestRow, requestOfCitizen, requestOfStaff } from '../requests/index.ts';
import type { DocumentRow } from './document-view.ts';
import { assertDocumentStaff } from './documents.policy.ts';
import { documents } from './documents.tables.ts';

/** Who is looking at a request's documents: its owner, or a staff member. */
export type Viewer = { kind: 'citizen'; accountId: string } | { kind: 'staff'; principal: Principal };

/**
 * The request, if the viewer may see its documents; 404 otherwise (for staff, with an
 * 'access.refused' audit event). Runs outside any transaction: the refusal's audit must stay.
 */
export async function requestForViewer(
  deps: { db: Db; clock: Clock },
  viewer: Viewer,
  requestId: string,
): Promise<RequestRow> {
  if (viewer.kind === 'citizen') return requestOfCitizen(deps.db, requestId, viewer.accountId);
  assertDocumentStaff(viewer.principal);
  return requestOfStaff({ db: deps.db, auditDb: deps.db, now: deps.clock.now() }, requestId, viewer.principal);
}

export const documentNotFound = () => new AppError('DOCUMENT_NOT_FOUND', 404, 'No such document in this request.');

/** One document of a request, or DOCUMENT_NOT_FOUND; `lock` holds it until the transaction ends. */
export async function documentOfRequest(
  db: Db,
  requestId: string,
  documentId: string,
  options: { lock?: boolean } = {},
): Promise<DocumentRow> {
  const query = db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.requestId, requestId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw documentNotFound();
  return row;
}

export async function documentsOfRequest(db: Db, requestId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(eq(documents.requestId, requestId))
    .orderBy(asc(documents.uploadedAt), asc(documents.id));
}

/** The document kinds the request's service asks for (services.required_documents). */
export async function requiredKindsOf(db: Db, request: RequestRow): Promise<string[]> {
  const [row] = await queryRows<{ required_documents: string[] }>(
    db,
    sql`SELECT required_documents FROM services WHERE id = ${request.service_id}`,
  );
  return row?.required_documents ?? [];
}
