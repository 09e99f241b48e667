import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import type { LocalizedText } from '../../network/network.tables.ts';
import type { LedgerAccountKind } from '../ledger.ts';
import type { BreakStatus } from './break-status.ts';
import type { BreakReason, SettlementLineType } from './reconciliation-terms.ts';

/** A count and an amount, in minor units of the report's currency. */
export interface Tally {
  count: number;
  amountMinor: number;
}

export interface DailyReconciliation {
  consulate: { id: string; code: string; name: LocalizedText; timeZone: string };
  businessDate: string;
  currency: string;
  // The stamps not yet used are owed to the citizens: a credit balance, shown here as a positive amount.
  liability: {
    openingMinor: number;
    sold: Tally;
    soldOnline: Tally;
    soldCounter: Tally;
    consumed: Tally;
    refunded: Tally;
    adjustmentsMinor: number;
    closingMinor: number;
  };
  byService: { serviceId: string; code: string; name: LocalizedText; sold: Tally; consumed: Tally; refunded: Tally }[];
  // Signed as the ledger keeps them: debits positive, credits negative.
  accounts: {
    kind: LedgerAccountKind;
    serviceCode: string | null;
    openingMinor: number;
    debitsMinor: number;
    creditsMinor: number;
    closingMinor: number;
  }[];
  checks: {
    dayPostingsSumMinor: number;
    rollForwardDifferenceMinor: number;
    outstandingStampsMinor: number;
    outstandingDifferenceMinor: number;
    balancesToZero: boolean;
  };
  settlement: SettlementSection | null;
}

export interface SettlementSection {
  fileId: string;
  uploadedAt: Date;
  lineCount: number;
  salesMinor: number;
  refundsMinor: number;
  netMinor: number;
  ledgerNetMinor: number;
  // Ledger net minus file net: what the breaks have to explain.
  differenceMinor: number;
  lines: {
    lineNumber: number;
    orderId: string;
    gatewayTransactionId: string;
    type: SettlementLineType;
    amountMinor: number;
    currency: string;
    matchStatus: 'matched' | 'break';
  }[];
  breaks: {
    id: string;
    reason: BreakReason;
    orderId: string;
    type: SettlementLineType;
    ledgerAmountMinor: number | null;
    ledgerCurrency: string | null;
    fileAmountMinor: number | null;
    fileCurrency: string | null;
    status: BreakStatus;
    resolutionNote: string | null;
    resolvedAt: Date | null;
  }[];
  openBreaks: number;
}

const n = (value: number | string | null | undefined) => Number(value ?? 0);
const tally = (count = 0, amountMinor = 0): Tally => ({ count, amountMinor });

/**
 * A consulate's reconciliation for one business day (its own zone) and currency. Every total is a
 * sum the database makes over the ledger's postings; the only figure taken elsewhere is the value of
 * the stamps outstanding at the end of the day (from the stamps and refunds themselves), which the
 * ledger's closing liability must equal. "Balances to zero" means all three differences are zero:
 * the day's postings sum to zero (double entry), opening + sold − consumed − refunded (± reversals)
 * − closing = 0, and closing − outstanding stamps = 0.
 */
export async function dailyReconciliation(
  db: Db,
  input: { consulateId: string; businessDate: string; currency?: string },
): Promise<DailyReconciliation> {
  const [consulate] = await queryRows<{
    id: string;
    code: string;
    name: LocalizedText;
    time_zone: string;
    currency: string;
  }>(db, sql`SELECT id, code, name, time_zone, currency FROM consulates WHERE id = ${input.consulateId}`);
  if (!consulate) throw new AppError('CONSULATE_NOT_FOUND', 404, 'No such consulate in your scope.');
  const currency = input.currency ?? consulate.currency;
  const day = input.businessDate;
  const zone = consulate.time_zone;

  const accountRows = await queryRows<{
    kind: LedgerAccountKind;
    service_code: string | null;
    opening: number;
    debits: number;
    credits: number;
  }>(
    db,
    sql`SELECT a.kind, s.code AS service_code,
               coalesce(sum(p.amount_minor) FILTER (WHERE e.business_date < ${day}), 0) AS opening,
               coalesce(sum(p.amount_minor) FILTER (WHERE e.business_date = ${day} AND p.amount_minor > 0), 0) AS debits,
               coalesce(sum(p.amount_minor) FILTER (WHERE e.business_date = ${day} AND p.amount_minor < 0), 0) AS credits
        FROM ledger_accounts a
        JOIN ledger_postings p ON p.account_id = a.id
        JOIN ledger_entries e ON e.id = p.entry_id
        LEFT JOIN services s ON s.id = a.service_id
        WHERE a.consulate_id = ${consulate.id} AND a.currency = ${currency} AND e.business_date <= ${day}
        GROUP BY a.kind, s.code ORDER BY a.kind, s.code NULLS FIRST`,
  );
  const accounts = accountRows.map((r) => ({
    kind: r.kind,
    serviceCode: r.service_code,
    openingMinor: n(r.opening),
    debitsMinor: n(r.debits),
    creditsMinor: n(r.credits),
    closingMinor: n(r.opening) + n(r.debits) + n(r.credits),
  }));

  // The day's movements of the stamp liability, by entry kind and service (debits positive).
  const movements = await queryRows<{
    kind: string;
    service_id: string | null;
    code: string | null;
    name: LocalizedText | null;
    entries: number;
    amount: number;
  }>(
    db,
    sql`SELECT e.kind, st.service_id, sv.code, sv.name, count(*)::int AS entries, sum(p.amount_minor) AS amount
        FROM ledger_entries e
        JOIN ledger_postings p ON p.entry_id = e.id
        JOIN ledger_accounts a ON a.id = p.account_id AND a.kind = 'stamp_liability'
        LEFT JOIN stamps st ON st.id = e.stamp_id
        LEFT JOIN services sv ON sv.id = st.service_id
        WHERE e.consulate_id = ${consulate.id} AND e.currency = ${currency} AND e.business_date = ${day}
        GROUP BY e.kind, st.service_id, sv.code, sv.name ORDER BY sv.code`,
  );
  const liability = {
    openingMinor: 0,
    sold: tally(),
    soldOnline: tally(),
    soldCounter: tally(),
    consumed: tally(),
    refunded: tally(),
    adjustmentsMinor: 0,
    closingMinor: 0,
  };
  const services = new Map<string, DailyReconciliation['byService'][number]>();
  const serviceOf = (serviceId: string, code: string, name: LocalizedText) => {
    let service = services.get(serviceId);
    if (!service) {
      service = { serviceId, code, name, sold: tally(), consumed: tally(), refunded: tally() };
      services.set(serviceId, service);
    }
    return service;
  };
  const add = (t: Tally, count: number, amount: number) => {
    t.count += count;
    t.amountMinor += amount;
  };
  for (const m of movements) {
    const amount = n(m.amount);
    const service = m.service_id && m.code && m.name ? serviceOf(m.service_id, m.code, m.name) : undefined;
    if (m.kind === 'stamp_sold_online' || m.kind === 'stamp_sold_counter') {
      add(liability.sold, m.entries, -amount);
      add(m.kind === 'stamp_sold_online' ? liability.soldOnline : liability.soldCounter, m.entries, -amount);
      if (service) add(service.sold, m.entries, -amount);
    } else if (m.kind === 'stamp_consumed') {
      add(liability.consumed, m.entries, amount);
      if (service) add(service.consumed, m.entries, amount);
    } else if (m.kind === 'refund') {
      add(liability.refunded, m.entries, amount);
      if (service) add(service.refunded, m.entries, amount);
    } else {
      liability.adjustmentsMinor += -amount;
    }
  }
  const liabilityAccount = accounts.find((a) => a.kind === 'stamp_liability');
  liability.openingMinor = -(liabilityAccount?.openingMinor ?? 0);
  liability.closingMinor = -(liabilityAccount?.closingMinor ?? 0);

  const [sums] = await queryRows<{ day_sum: number; outstanding: number }>(
    db,
    sql`SELECT
          (SELECT coalesce(sum(p.amount_minor), 0) FROM ledger_postings p JOIN ledger_entries e ON e.id = p.entry_id
            WHERE e.consulate_id = ${consulate.id} AND e.currency = ${currency} AND e.business_date = ${day}) AS day_sum,
          (SELECT coalesce(sum(st.amount_minor - coalesce(r.refunded, 0)), 0)
             FROM stamps st
             LEFT JOIN LATERAL (SELECT sum(rf.amount_minor) AS refunded FROM refunds rf
                                 WHERE rf.payment_id = st.payment_id
                                   AND (rf.created_at AT TIME ZONE ${zone})::date <= ${day}::date) r ON TRUE
            WHERE st.consulate_id = ${consulate.id} AND st.currency = ${currency}
              AND (st.issued_at AT TIME ZONE ${zone})::date <= ${day}::date
              AND NOT (st.consumed_at IS NOT NULL AND (st.consumed_at AT TIME ZONE ${zone})::date <= ${day}::date)
          ) AS outstanding`,
  );
  const dayPostingsSumMinor = n(sums?.day_sum);
  const outstandingStampsMinor = n(sums?.outstanding);
  const rollForwardDifferenceMinor =
    liability.openingMinor +
    liability.sold.amountMinor -
    liability.consumed.amountMinor -
    liability.refunded.amountMinor +
    liability.adjustmentsMinor -
    liability.closingMinor;
  const outstandingDifferenceMinor = liability.closingMinor - outstandingStampsMinor;
  return {
    consulate: { id: consulate.id, code: consulate.code, name: consulate.name, timeZone: zone },
    businessDate: day,
    currency,
    liability,
    byService: [...services.values()],
    accounts,
    checks: {
      dayPostingsSumMinor,
      rollForwardDifferenceMinor,
      outstandingStampsMinor,
      outstandingDifferenceMinor,
      balancesToZero: dayPostingsSumMinor === 0 && rollForwardDifferenceMinor === 0 && outstandingDifferenceMinor === 0,
    },
    settlement: await settlementSection(db, consulate.id, day, currency),
  };
}

async function settlementSection(db: Db, consulateId: string, day: string, currency: string) {
  const [file] = await queryRows<{
    id: string;
    uploaded_at: Date;
    line_count: number;
    sales_minor: number;
    refunds_minor: number;
    ledger_net: number;
  }>(
    db,
    sql`SELECT f.id, f.uploaded_at, f.line_count, f.sales_minor, f.refunds_minor,
               (SELECT coalesce(sum(gp.amount_minor), 0) FROM ledger_entries e
                  JOIN ledger_postings gp ON gp.entry_id = e.id
                  JOIN ledger_accounts a ON a.id = gp.account_id AND a.kind = 'gateway_receivable'
                 WHERE e.consulate_id = f.consulate_id AND e.currency = f.currency AND e.business_date = f.business_date
                   AND e.kind IN ('stamp_sold_online', 'refund')) AS ledger_net
        FROM settlement_files f
        WHERE f.consulate_id = ${consulateId} AND f.business_date = ${day} AND f.currency = ${currency}`,
  );
  if (!file) return null;
  const lines = await queryRows<SettlementSection['lines'][number]>(
    db,
    sql`SELECT line_number AS "lineNumber", order_id AS "orderId", gateway_transaction_id AS "gatewayTransactionId",
               type, amount_minor AS "amountMinor", currency, match_status AS "matchStatus"
        FROM settlement_lines WHERE file_id = ${file.id} ORDER BY line_number`,
  );
  const breaks = await queryRows<SettlementSection['breaks'][number]>(
    db,
    sql`SELECT id, reason, order_id AS "orderId", type, ledger_amount_minor AS "ledgerAmountMinor",
               ledger_currency AS "ledgerCurrency", file_amount_minor AS "fileAmountMinor", file_currency AS "fileCurrency",
               status, resolution_note AS "resolutionNote", resolved_at AS "resolvedAt"
        FROM reconciliation_breaks WHERE file_id = ${file.id} ORDER BY created_at, order_id, id`,
  );
  const netMinor = n(file.sales_minor) - n(file.refunds_minor);
  return {
    fileId: file.id,
    uploadedAt: new Date(file.uploaded_at),
    lineCount: n(file.line_count),
    salesMinor: n(file.sales_minor),
    refundsMinor: n(file.refunds_minor),
    netMinor,
    ledgerNetMinor: n(file.ledger_net),
    differenceMinor: n(file.ledger_net) - netMinor,
    lines: lines.map((l) => ({ ...l, amountMinor: n(l.amountMinor) })),
    breaks: breaks.map((b) => ({
      ...b,
      ledgerAmountMinor: b.ledgerAmountMinor === null ? null : n(b.ledgerAmountMinor),
      fileAmountMinor: b.fileAmountMinor === null ? null : n(b.fileAmountMinor),
      resolvedAt: b.resolvedAt === null ? null : new Date(b.resolvedAt),
    })),
    openBreaks: breaks.filter((b) => b.status === 'open').length,
  };
}
