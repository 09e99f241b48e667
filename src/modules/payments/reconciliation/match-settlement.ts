import type { BreakReason, SettlementLineType } from './reconciliation-terms.ts';
import type { SettlementLine } from './settlement-csv.ts';

/** A movement of the gateway receivable in the ledger: a captured online sale, or a refund of one. */
export interface GatewayMovement {
  entryId: number;
  type: SettlementLineType;
  orderId: string;
  paymentId: string;
  refundId: string | null;
  amountMinor: number;
  currency: string;
}

export interface MatchedLine extends SettlementLine {
  matchStatus: 'matched' | 'break';
  paymentId: string | null;
  refundId: string | null;
}

export interface FoundBreak {
  reason: BreakReason;
  orderId: string;
  type: SettlementLineType;
  lineNumber: number | null;
  paymentId: string | null;
  refundId: string | null;
  ledgerAmountMinor: number | null;
  ledgerCurrency: string | null;
  fileAmountMinor: number | null;
  fileCurrency: string | null;
}

export interface SettlementMatch {
  lines: MatchedLine[];
  breaks: FoundBreak[];
}

const keyOf = (type: SettlementLineType, orderId: string) => `${type}\u0000${orderId}`;

/**
 * Matches a day's gateway movements with the lines of the gateway's settlement file. Pure.
 * Movements and lines are paired by type and order id: first those whose amount and currency agree,
 * then what is left in order (an amount or currency difference). Whatever stays unpaired is a break:
 * a movement the file does not list, or a line no movement explains (a duplicate line included).
 * Every line and every movement ends up in exactly one pair or one break.
 */
export function matchSettlement(movements: GatewayMovement[], lines: SettlementLine[]): SettlementMatch {
  const waiting = new Map<string, GatewayMovement[]>();
  for (const movement of movements) {
    const key = keyOf(movement.type, movement.orderId);
    waiting.set(key, [...(waiting.get(key) ?? []), movement]);
  }
  const pairs = new Map<SettlementLine, GatewayMovement>();
  const take = (line: SettlementLine, isExact: boolean) => {
    const candidates = waiting.get(keyOf(line.type, line.orderId)) ?? [];
    const index = candidates.findIndex(
      (m) => !isExact || (m.amountMinor === line.amountMinor && m.currency === line.currency),
    );
    if (index < 0) return;
    const [movement] = candidates.splice(index, 1);
    if (movement) pairs.set(line, movement);
  };
  for (const line of lines) take(line, true);
  for (const line of lines) if (!pairs.has(line)) take(line, false);

  const breaks: FoundBreak[] = [];
  const matched: MatchedLine[] = lines.map((line) => {
    const movement = pairs.get(line);
    const reason: BreakReason | null = !movement
      ? 'missing_in_ledger'
      : movement.currency !== line.currency
        ? 'currency_mismatch'
        : movement.amountMinor !== line.amountMinor
          ? 'amount_mismatch'
          : null;
    if (reason) {
      breaks.push({
        reason,
        orderId: line.orderId,
        type: line.type,
        lineNumber: line.lineNumber,
        paymentId: movement?.paymentId ?? null,
        refundId: movement?.refundId ?? null,
        ledgerAmountMinor: movement?.amountMinor ?? null,
        ledgerCurrency: movement?.currency ?? null,
        fileAmountMinor: line.amountMinor,
        fileCurrency: line.currency,
      });
    }
    return {
      ...line,
      matchStatus: reason ? 'break' : 'matched',
      paymentId: movement?.paymentId ?? null,
      refundId: movement?.refundId ?? null,
    };
  });
  for (const movement of [...waiting.values()].flat()) {
    breaks.push({
      reason: 'missing_in_settlement',
      orderId: movement.orderId,
      type: movement.type,
      lineNumber: null,
      paymentId: movement.paymentId,
      refundId: movement.refundId,
      ledgerAmountMinor: movement.amountMinor,
      ledgerCurrency: movement.currency,
      fileAmountMinor: null,
      fileCurrency: null,
    });
  }
  return { lines: matched, breaks };
}
