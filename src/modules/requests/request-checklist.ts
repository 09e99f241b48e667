import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';

export type ChecklistItemStatus = 'missing' | 'uploaded' | 'accepted' | 'refused';

export interface ChecklistItem {
  kind: string;
  status: ChecklistItemStatus;
  documentId: string | null;
  refusalReason: string | null;
}

/**
 * The documents a service asks for, each with the state of its current upload. Pure: the latest
 * non-replaced document of each kind decides the item.
 */
export function buildChecklist(
  requiredDocuments: readonly string[],
  uploaded: readonly {
    id: string;
    kind: string;
    status: string;
    refusalReason: string | null;
    uploadedAt: Date | string;
  }[],
): ChecklistItem[] {
  return requiredDocuments.map((kind) => {
    const current = uploaded
      .filter((d) => d.kind === kind && d.status !== 'replaced')
      .sort((a, b) => new Date(b.uploadedAt).getTime() - new Date(a.uploadedAt).getTime())[0];
    return {
      kind,
      status: (current?.status as ChecklistItemStatus | undefined) ?? 'missing',
      documentId: current?.id ?? null,
      refusalReason: current?.refusalReason ?? null,
    };
  });
}

/** Ready to submit: every required document is there and none is refused. */
export const isReadyToSubmit = (items: readonly ChecklistItem[]) =>
  items.every((item) => item.status === 'uploaded' || item.status === 'accepted');

/** Ready to accept: every required document was looked at and accepted. */
export const isAllAccepted = (items: readonly ChecklistItem[]) => items.every((item) => item.status === 'accepted');

export async function loadChecklist(db: Db, requestId: string): Promise<ChecklistItem[]> {
  const [request] = await queryRows<{ required_documents: string[] }>(
    db,
    sql`SELECT sv.required_documents FROM requests r JOIN services sv ON sv.id = r.service_id WHERE r.id = ${requestId}`,
  );
  const documents = await queryRows<{
    id: string;
    kind: string;
    status: string;
    refusal_reason: string | null;
    uploaded_at: Date;
  }>(db, sql`SELECT id, kind, status, refusal_reason, uploaded_at FROM documents WHERE request_id = ${requestId}`);
  return buildChecklist(
    request?.required_documents ?? [],
    documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      status: d.status,
      refusalReason: d.refusal_reason,
      uploadedAt: d.uploaded_at,
    })),
  );
}

/**
 * The fee, as a step of its own beside the documents: the stamp is paid online once the request is
 * accepted (or by card at the counter), so it is never a document to upload.
 * free: no fee; after_acceptance: payable once the consulate accepts the request; to_pay: payable
 * now; paid: a stamp holds it (valid, or consumed at the counter).
 */
export type FeeStepStatus = 'free' | 'after_acceptance' | 'to_pay' | 'paid';

export interface FeeStep {
  amountMinor: number;
  currency: string;
  status: FeeStepStatus;
  stampNumber: string | null;
}

export function feeStepStatus(feeMinor: number, requestStatus: string, hasStamp: boolean): FeeStepStatus {
  if (hasStamp) return 'paid';
  if (feeMinor === 0) return 'free';
  return requestStatus === 'accepted' ? 'to_pay' : 'after_acceptance';
}

export async function loadFeeStep(db: Db, requestId: string): Promise<FeeStep> {
  const [row] = await queryRows<{ fee_minor: number | string; currency: string; status: string; stamp: string | null }>(
    db,
    sql`SELECT cs.fee_minor, c.currency, r.status,
               (SELECT st.number FROM stamps st WHERE st.request_id = r.id AND st.status IN ('valid', 'consumed')
                ORDER BY st.issued_at DESC LIMIT 1) AS stamp
        FROM requests r
        JOIN consulate_services cs ON cs.consulate_id = r.consulate_id AND cs.service_id = r.service_id
        JOIN consulates c ON c.id = r.consulate_id
        WHERE r.id = ${requestId}`,
  );
  const feeMinor = Number(row?.fee_minor ?? 0);
  return {
    amountMinor: feeMinor,
    currency: row?.currency ?? 'MAD',
    status: feeStepStatus(feeMinor, row?.status ?? 'draft', Boolean(row?.stamp)),
    stampNumber: row?.stamp ?? null,
  };
}
