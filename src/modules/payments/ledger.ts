import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';

export type LedgerAccountKind =
  | 'gateway_receivable'
  | 'terminal_receivable'
  | 'stamp_liability'
  | 'fee_revenue'
  | 'treasury_bank';

export type LedgerEntryKind =
  | 'stamp_sold_online'
  | 'stamp_sold_counter'
  | 'stamp_consumed'
  | 'refund'
  | 'settlement'
  | 'reversal';

export interface Posting {
  account: LedgerAccountKind;
  // Revenue is kept per service.
  serviceId?: string;
  // Debit positive, credit negative.
  amountMinor: number;
}

export interface EntryInput {
  kind: LedgerEntryKind;
  consulateId: string;
  currency: string;
  businessDate: string;
  paymentId?: string;
  stampId?: string;
  refundId?: string;
  reversesEntryId?: number;
  memo?: string;
  createdAt: Date;
  postings: Posting[];
}

/**
 * Writes one double entry with the caller's transaction. The database checks at commit that its
 * postings balance in its currency (migration 0004) and refuses any later UPDATE or DELETE.
 * Accounts are created on first use, one per kind, consulate, currency (and service for revenue).
 */
export async function postEntry(tx: Db, entry: EntryInput): Promise<number> {
  const [created] = await queryRows<{ id: number }>(
    tx,
    sql`INSERT INTO ledger_entries (kind, consulate_id, currency, business_date, payment_id, stamp_id, refund_id,
                                    reverses_entry_id, memo, created_at)
        VALUES (${entry.kind}, ${entry.consulateId}, ${entry.currency}, ${entry.businessDate}, ${entry.paymentId ?? null},
                ${entry.stampId ?? null}, ${entry.refundId ?? null}, ${entry.reversesEntryId ?? null}, ${entry.memo ?? null},
                ${entry.createdAt})
        RETURNING id`,
  );
  const entryId = Number(created!.id);
  const postings = JSON.stringify(
    entry.postings.map((p) => ({ k: p.account, s: p.serviceId ?? null, a: p.amountMinor })),
  );
  // Make sure the accounts exist, then post: two statements, no read-then-write race (ON CONFLICT).
  await tx.execute(sql`
    INSERT INTO ledger_accounts (kind, consulate_id, currency, service_id)
    SELECT DISTINCT p.k, ${entry.consulateId}::uuid, ${entry.currency}, p.s
    FROM json_to_recordset(${postings}::json) AS p(k text, s uuid, a bigint)
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`
    INSERT INTO ledger_postings (entry_id, account_id, amount_minor, currency)
    SELECT ${entryId}, la.id, p.a, ${entry.currency}
    FROM json_to_recordset(${postings}::json) AS p(k text, s uuid, a bigint)
    JOIN ledger_accounts la ON la.kind = p.k AND la.consulate_id = ${entry.consulateId}
      AND la.currency = ${entry.currency} AND la.service_id IS NOT DISTINCT FROM p.s`);
  return entryId;
}

/** Balance of every account of a consulate and currency (debits positive). */
export async function accountBalances(db: Db, consulateId: string, currency: string) {
  return queryRows<{ kind: LedgerAccountKind; service_id: string | null; balance: number }>(
    db,
    sql`SELECT a.kind, a.service_id, coalesce(sum(p.amount_minor), 0)::bigint AS balance
        FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id
        WHERE a.consulate_id = ${consulateId} AND a.currency = ${currency}
        GROUP BY a.kind, a.service_id ORDER BY a.kind`,
  );
}
