import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { type GatewayMovement, matchSettlement } from './match-settlement.ts';
import type { SettlementLine } from './settlement-csv.ts';
import { parseSettlementCsv } from './settlement-csv.ts';

const movement = (
  orderId: string,
  amountMinor: number,
  type: 'SALE' | 'REFUND' = 'SALE',
  entryId = 1,
): GatewayMovement => ({
  entryId,
  type,
  orderId,
  paymentId: `payment-${orderId}`,
  refundId: type === 'REFUND' ? `refund-${orderId}-${entryId}` : null,
  amountMinor,
  currency: 'EUR',
});
const lineOf = (m: GatewayMovement, lineNumber: number, change: Partial<SettlementLine> = {}): SettlementLine => ({
  lineNumber,
  transactionDate: '2026-12-01',
  orderId: m.orderId,
  gatewayTransactionId: `T${lineNumber}`,
  amountMinor: m.amountMinor,
  currency: m.currency,
  type: m.type,
  ...change,
});

describe('matching a settlement file with the ledger', () => {
  it('finds no break when the file lists every movement, in any order', () => {
    const movements = [
      movement('A', 100),
      movement('B', 250),
      movement('B', 50, 'REFUND', 3),
      movement('B', 20, 'REFUND', 4),
    ];
    const lines = [...movements].reverse().map((m, i) => lineOf(m, i + 1));
    const match = matchSettlement(movements, lines);
    expect(match.breaks).toEqual([]);
    expect(match.lines.every((l) => l.matchStatus === 'matched')).toBe(true);
  });

  it('names each kind of difference', () => {
    const a = movement('A', 100);
    const b = movement('B', 200);
    const c = movement('C', 300);
    const match = matchSettlement(
      [a, b, c],
      [
        lineOf(a, 1, { amountMinor: 101 }),
        lineOf(b, 2, { currency: 'MAD' }),
        lineOf(movement('Z', 5), 3),
        lineOf(a, 4),
      ],
    );
    const reasons = match.breaks.map((b) => [b.reason, b.orderId]).sort();
    // Line 4 pays A exactly, so line 1 (101) is the one left over: a line without a movement.
    expect(reasons).toEqual([
      ['currency_mismatch', 'B'],
      ['missing_in_ledger', 'A'],
      ['missing_in_ledger', 'Z'],
      ['missing_in_settlement', 'C'],
    ]);
    expect(match.lines.map((l) => l.matchStatus)).toEqual(['break', 'break', 'break', 'matched']);
  });

  it('accounts for every line and every movement exactly once, and one missing line is exactly one break', () => {
    const movementsArbitrary = fc.uniqueArray(
      fc.record({
        orderId: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
        amountMinor: fc.integer({ min: 1, max: 9999 }),
        isRefund: fc.boolean(),
      }),
      { minLength: 1, maxLength: 12, selector: (m) => `${m.orderId}${m.amountMinor}${m.isRefund}` },
    );
    fc.assert(
      fc.property(movementsArbitrary, fc.nat(), (drawn, drop) => {
        const movements = drawn.map((m, i) =>
          movement(m.orderId, m.amountMinor, m.isRefund ? 'REFUND' : 'SALE', i + 1),
        );
        const lines = movements.map((m, i) => lineOf(m, i + 1));
        const full = matchSettlement(movements, lines);
        if (full.breaks.length !== 0) return false;
        const missing = drop % lines.length;
        const partial = matchSettlement(
          movements,
          lines.filter((_, i) => i !== missing),
        );
        const paired = partial.lines.filter((l) => l.matchStatus === 'matched').length;
        return (
          partial.breaks.length === 1 &&
          partial.breaks[0]!.reason === 'missing_in_settlement' &&
          paired === lines.length - 1 &&
          paired + partial.breaks.length === movements.length
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading a settlement file', () => {
  const header = 'date,order_id,trans_id,amount,currency,type';

  it('reads quoted fields, CRLF, a BOM and decimals in the currency’s minor units', () => {
    const lines = parseSettlementCsv(
      `\uFEFF${header}\r\n2026-12-01,"ET-PAR-1",T1,150.00,EUR,SALE\r\n\r\n2026-12-01,ET-PAR-2,T2,7.5,eur,refund\r\n`,
      '2026-12-01',
    );
    expect(lines).toEqual([
      {
        lineNumber: 1,
        transactionDate: '2026-12-01',
        orderId: 'ET-PAR-1',
        gatewayTransactionId: 'T1',
        amountMinor: 15_000,
        currency: 'EUR',
        type: 'SALE',
      },
      {
        lineNumber: 3,
        transactionDate: '2026-12-01',
        orderId: 'ET-PAR-2',
        gatewayTransactionId: 'T2',
        amountMinor: 750,
        currency: 'EUR',
        type: 'REFUND',
      },
    ]);
  });

  it('reports every faulty line at once, and imports nothing', () => {
    const text = [
      header,
      '2026-12-01,ET-1,T1,150.001,EUR,SALE',
      '2026-12-02,ET-2,T2,10.00,EUR,SALE',
      '2026-12-01,ET-3,T3,-5,EUR,SALE',
      '2026-12-01,ET-4,T4,5,EUR,CHARGEBACK',
      '2026-12-01,ET-5,T5,5,EUR',
    ].join('\n');
    try {
      parseSettlementCsv(text, '2026-12-01');
      expect.unreachable('a faulty file must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const fields = (error as AppError).extra.fields ?? [];
      expect(fields.map((f) => f.path)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    }
    expect(() => parseSettlementCsv('order,amount\nA,1', '2026-12-01')).toThrow(AppError);
  });
});
