import { AppError } from '../../../platform/errors.ts';
import { minorOf } from '../minor-units.ts';
import { type SettlementLineType, settlementLineTypes } from './reconciliation-terms.ts';

/**
 * The gateway settlement file Mawid accepts: UTF-8 CSV, comma-separated, a header line and one line
 * per captured sale or credit of one merchant (consulate) and business day:
 *
 *   date,order_id,trans_id,amount,currency,type
 *   2026-12-01,ET-PAR-7K3M9Q,240112345678,150.00,EUR,SALE
 *
 * date: the transaction's business day (YYYY-MM-DD, the consulate's zone); order_id: our `oid`;
 * trans_id: the gateway's TransId; amount: positive decimal with at most the currency's minor
 * digits (a dot, no thousands separator); currency: ISO 4217 alpha; type: SALE or REFUND.
 * Fields may be double-quoted (RFC 4180); a BOM and CRLF line ends are accepted; blank lines are skipped.
 */
export const SETTLEMENT_COLUMNS = ['date', 'order_id', 'trans_id', 'amount', 'currency', 'type'] as const;
export const MAX_SETTLEMENT_LINES = 50_000;

export interface SettlementLine {
  lineNumber: number;
  transactionDate: string;
  orderId: string;
  gatewayTransactionId: string;
  amountMinor: number;
  currency: string;
  type: SettlementLineType;
}

/** One CSV record's fields (RFC 4180 quoting), or null when a quote is left open. */
function fieldsOf(record: string): string[] | null {
  const fields: string[] = [];
  let current = '';
  let isQuoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (isQuoted) {
      if (char === '"' && record[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') isQuoted = false;
      else current += char;
    } else if (char === '"' && current === '') isQuoted = true;
    else if (char === ',') {
      fields.push(current);
      current = '';
    } else current += char;
  }
  if (isQuoted) return null;
  fields.push(current);
  return fields.map((f) => f.trim());
}

const isRealDate = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

/**
 * Parses a settlement file for `businessDate`. Every fault is reported at once, by line number
 * (1 = the first line after the header), and nothing is imported while any remains.
 */
export function parseSettlementCsv(text: string, businessDate: string): SettlementLine[] {
  const records = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = fieldsOf(records[0] ?? '')?.map((h) => h.toLowerCase());
  if (!header || header.join(',') !== SETTLEMENT_COLUMNS.join(',')) {
    throw new AppError('SETTLEMENT_FILE_INVALID', 400, `The first line must be: ${SETTLEMENT_COLUMNS.join(',')}.`, {
      fields: [{ path: 'line 0', message: `expected the header ${SETTLEMENT_COLUMNS.join(',')}` }],
    });
  }
  const lines: SettlementLine[] = [];
  const faults: { path: string; message: string }[] = [];
  records.slice(1).forEach((record, index) => {
    const lineNumber = index + 1;
    if (record.trim() === '') return;
    const faultsBefore = faults.length;
    const fault = (message: string) => faults.push({ path: `line ${lineNumber}`, message });
    const fields = fieldsOf(record);
    if (!fields || fields.length !== SETTLEMENT_COLUMNS.length) {
      fault(`expected ${SETTLEMENT_COLUMNS.length} fields`);
      return;
    }
    const [date = '', orderId = '', transId = '', amount = '', currency = '', type = ''] = fields;
    const upperType = type.toUpperCase();
    const upperCurrency = currency.toUpperCase();
    if (!isRealDate(date)) fault('date: must be a date YYYY-MM-DD');
    else if (date !== businessDate) fault(`date: ${date} is not the file's business day ${businessDate}`);
    if (!/^[\x21-\x7e]{1,64}$/.test(orderId)) fault('order_id: 1 to 64 visible ASCII characters');
    if (!/^[\x21-\x7e]{1,64}$/.test(transId)) fault('trans_id: 1 to 64 visible ASCII characters');
    if (!/^[A-Z]{3}$/.test(upperCurrency)) fault('currency: an ISO 4217 code such as EUR');
    if (!(settlementLineTypes as readonly string[]).includes(upperType)) fault('type: SALE or REFUND');
    const amountMinor = /^[A-Z]{3}$/.test(upperCurrency) ? safeMinorOf(amount, upperCurrency) : null;
    if (amountMinor === null || amountMinor <= 0) {
      fault('amount: a positive decimal with at most the currency’s minor digits, such as 150.00');
    }
    if (faults.length > faultsBefore) return;
    lines.push({
      lineNumber,
      transactionDate: date,
      orderId,
      gatewayTransactionId: transId,
      amountMinor: amountMinor as number,
      currency: upperCurrency,
      type: upperType as SettlementLineType,
    });
  });
  if (lines.length + faults.length > MAX_SETTLEMENT_LINES) {
    throw new AppError(
      'SETTLEMENT_FILE_INVALID',
      400,
      `A settlement file holds at most ${MAX_SETTLEMENT_LINES} lines.`,
    );
  }
  if (faults.length > 0) {
    throw new AppError(
      'SETTLEMENT_FILE_INVALID',
      400,
      faults
        .slice(0, 20)
        .map((f) => `${f.path}: ${f.message}`)
        .join('; '),
      { fields: faults.slice(0, 200) },
    );
  }
  return lines;
}

// An unknown currency code makes Intl throw: that is a fault of the line, not of the server.
function safeMinorOf(amount: string, currency: string): number | null {
  try {
    return minorOf(amount, currency);
  } catch {
    return null;
  }
}
