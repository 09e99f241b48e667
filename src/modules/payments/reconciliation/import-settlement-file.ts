import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import { type Db, queryRows } from '../../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../../platform/errors.ts';
import { localDateOf } from '../../scheduling/slot-engine.ts';
import { postEntry } from '../ledger.ts';
import { type GatewayMovement, matchSettlement } from './match-settlement.ts';
import { reconciliationBreaks, settlementFiles, settlementLines } from './reconciliation.tables.ts';
import { parseSettlementCsv } from './settlement-csv.ts';

export interface ImportedSettlementFile {
  fileId: string;
  consulateId: string;
  businessDate: string;
  currency: string;
  lineCount: number;
  matchedLines: number;
  breakCount: number;
  salesMinor: number;
  refundsMinor: number;
  netMinor: number;
  settlementEntryId: number | null;
}

/** The gateway movements a settlement file of that consulate, day and currency should list. */
export async function gatewayMovements(
  db: Db,
  day: { consulateId: string; businessDate: string; currency: string },
): Promise<GatewayMovement[]> {
  const rows = await queryRows<{
    entry_id: number;
    type: 'SALE' | 'REFUND';
    order_id: string;
    payment_id: string;
    refund_id: string | null;
    amount_minor: number;
    currency: string;
  }>(
    db,
    sql`SELECT e.id AS entry_id, CASE WHEN e.kind = 'refund' THEN 'REFUND' ELSE 'SALE' END AS type,
               pay.order_id, pay.id AS payment_id, e.refund_id, abs(gp.amount_minor) AS amount_minor, e.currency
        FROM ledger_entries e
        JOIN payments pay ON pay.id = e.payment_id
        JOIN ledger_postings gp ON gp.entry_id = e.id
        JOIN ledger_accounts a ON a.id = gp.account_id AND a.kind = 'gateway_receivable'
        WHERE e.consulate_id = ${day.consulateId} AND e.currency = ${day.currency}
          AND e.business_date = ${day.businessDate} AND e.kind IN ('stamp_sold_online', 'refund')
        ORDER BY e.id`,
  );
  return rows.map((r) => ({
    entryId: Number(r.entry_id),
    type: r.type,
    orderId: r.order_id,
    paymentId: r.payment_id,
    refundId: r.refund_id,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
  }));
}

/**
 * Imports a gateway's settlement file for one consulate, business day and currency, once the day is
 * over in the consulate's zone (so that the day's movements are final): the lines are matched with
 * the ledger, every difference becomes a break to resolve, and the file's net amount moves from the
 * gateway receivable to the Treasury bank account (the gateway pays the net). One transaction.
 */
export async function importSettlementFile(
  deps: { db: Db; now: Date },
  input: { actorAccountId: string; consulateId: string; businessDate: string; currency?: string; csv: string },
): Promise<ImportedSettlementFile> {
  const { db, now } = deps;
  const [consulate] = await queryRows<{ time_zone: string; currency: string }>(
    db,
    sql`SELECT time_zone, currency FROM consulates WHERE id = ${input.consulateId}`,
  );
  if (!consulate) throw new AppError('CONSULATE_NOT_FOUND', 404, 'No such consulate in your scope.');
  const today = localDateOf(now, consulate.time_zone);
  if (input.businessDate >= today) {
    throw new AppError(
      'SETTLEMENT_DAY_OPEN',
      422,
      `${input.businessDate} is not over yet at this consulate (today is ${today}): import its file tomorrow.`,
    );
  }
  const currency = input.currency ?? consulate.currency;
  const lines = parseSettlementCsv(input.csv, input.businessDate);
  const day = { consulateId: input.consulateId, businessDate: input.businessDate, currency };
  try {
    return await db.transaction(async (tx) => {
      const match = matchSettlement(await gatewayMovements(tx, day), lines);
      const inCurrency = lines.filter((l) => l.currency === currency);
      const salesMinor = inCurrency.filter((l) => l.type === 'SALE').reduce((sum, l) => sum + l.amountMinor, 0);
      const refundsMinor = inCurrency.filter((l) => l.type === 'REFUND').reduce((sum, l) => sum + l.amountMinor, 0);
      const netMinor = salesMinor - refundsMinor;
      const settlementEntryId =
        netMinor === 0
          ? null
          : await postEntry(tx, {
              kind: 'settlement',
              consulateId: input.consulateId,
              currency,
              businessDate: today,
              memo: `gateway settlement of ${input.businessDate}`,
              createdAt: now,
              postings: [
                { account: 'treasury_bank', amountMinor: netMinor },
                { account: 'gateway_receivable', amountMinor: -netMinor },
              ],
            });
      const [file] = await tx
        .insert(settlementFiles)
        .values({
          ...day,
          sha256: createHash('sha256').update(input.csv).digest('hex'),
          lineCount: lines.length,
          salesMinor,
          refundsMinor,
          settlementEntryId,
          uploadedBy: input.actorAccountId,
          uploadedAt: now,
        })
        .returning({ id: settlementFiles.id });
      const fileId = file!.id;
      const lineIds = new Map<number, number>();
      for (let start = 0; start < match.lines.length; start += 1000) {
        const inserted = await tx
          .insert(settlementLines)
          .values(match.lines.slice(start, start + 1000).map((line) => ({ ...line, fileId })))
          .returning({ id: settlementLines.id, lineNumber: settlementLines.lineNumber });
        for (const row of inserted) lineIds.set(row.lineNumber, row.id);
      }
      if (match.breaks.length > 0) {
        await tx.insert(reconciliationBreaks).values(
          match.breaks.map(({ lineNumber, ...found }) => ({
            ...found,
            ...day,
            fileId,
            lineId: lineNumber === null ? null : (lineIds.get(lineNumber) ?? null),
            createdAt: now,
          })),
        );
      }
      const matchedLines = match.lines.filter((l) => l.matchStatus === 'matched').length;
      await recordAudit(tx, {
        actorAccountId: input.actorAccountId,
        action: 'settlement_file.imported',
        entityType: 'settlement_file',
        entityId: fileId,
        consulateId: input.consulateId,
        after: { ...day, lineCount: lines.length, matchedLines, breakCount: match.breaks.length, netMinor },
        at: now,
      });
      return {
        fileId,
        ...day,
        lineCount: lines.length,
        matchedLines,
        breakCount: match.breaks.length,
        salesMinor,
        refundsMinor,
        netMinor,
        settlementEntryId,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'settlement_files_day_key')) {
      throw new AppError(
        'SETTLEMENT_FILE_EXISTS',
        409,
        `The settlement file of ${input.businessDate} in ${currency} was already imported for this consulate.`,
      );
    }
    throw error;
  }
}
