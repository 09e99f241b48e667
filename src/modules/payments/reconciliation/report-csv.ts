import type { Locale } from '../../../platform/i18n/i18n.ts';
import { decimalOf } from '../minor-units.ts';
import { type PaymentsLabel, paymentsText } from '../payments-texts.ts';
import type { DailyReconciliation, Tally } from './daily-report.ts';

/**
 * The daily reconciliation as one CSV table, one fact per row. `section` and `item` are stable
 * codes for machines; `label` and the header are in the reader's language. Amounts are given twice:
 * integer minor units, and as a plain decimal (dot, no grouping) in `currency`.
 */
const columns = [
  'section',
  'item',
  'label',
  'service_code',
  'count',
  'amount_minor',
  'amount',
  'currency',
  'order_id',
  'trans_id',
  'file_amount_minor',
  'status',
  'reason',
] as const;
type Column = (typeof columns)[number];
type Row = Partial<Record<Column, string | number | null>>;

const headerLabels: Record<Column, PaymentsLabel> = {
  section: 'recon.csv.section',
  item: 'recon.csv.item',
  label: 'recon.csv.label',
  service_code: 'recon.csv.serviceCode',
  count: 'recon.count',
  amount_minor: 'recon.csv.amountMinor',
  amount: 'recon.amount',
  currency: 'recon.currency',
  order_id: 'recon.order',
  trans_id: 'recon.transaction',
  file_amount_minor: 'recon.csv.fileAmountMinor',
  status: 'recon.status',
  reason: 'recon.reason',
};

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value)) return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reconciliationCsv(report: DailyReconciliation, locale: Locale): string {
  const t = (key: PaymentsLabel) => paymentsText(locale, key);
  const { currency } = report;
  const money = (minor: number) => ({ amount_minor: minor, amount: decimalOf(minor, currency), currency });
  const tallyRow = (section: string, item: string, label: string, value: Tally, serviceCode?: string): Row => ({
    section,
    item,
    label,
    service_code: serviceCode,
    count: value.count,
    ...money(value.amountMinor),
  });
  const { liability, checks, settlement } = report;
  const rows: Row[] = [
    { section: 'summary', item: 'opening_balance', label: t('recon.opening'), ...money(liability.openingMinor) },
    tallyRow('summary', 'sold', t('recon.sold'), liability.sold),
    tallyRow('summary', 'sold_online', t('recon.soldOnline'), liability.soldOnline),
    tallyRow('summary', 'sold_counter', t('recon.soldCounter'), liability.soldCounter),
    tallyRow('summary', 'consumed', t('recon.consumed'), liability.consumed),
    tallyRow('summary', 'refunded', t('recon.refunded'), liability.refunded),
    { section: 'summary', item: 'adjustments', label: t('recon.adjustments'), ...money(liability.adjustmentsMinor) },
    { section: 'summary', item: 'closing_balance', label: t('recon.closing'), ...money(liability.closingMinor) },
    {
      section: 'summary',
      item: 'outstanding_stamps',
      label: t('recon.outstanding'),
      ...money(checks.outstandingStampsMinor),
    },
  ];
  for (const service of report.byService) {
    const name = service.name[locale] ?? service.name.fr;
    rows.push(tallyRow('by_service', 'sold', name, service.sold, service.code));
    rows.push(tallyRow('by_service', 'consumed', name, service.consumed, service.code));
    rows.push(tallyRow('by_service', 'refunded', name, service.refunded, service.code));
  }
  for (const account of report.accounts) {
    const label = t(`recon.account.${account.kind}`);
    for (const [item, minor] of [
      ['opening', account.openingMinor],
      ['debits', account.debitsMinor],
      ['credits', account.creditsMinor],
      ['closing', account.closingMinor],
    ] as const) {
      rows.push({
        section: `account.${account.kind}`,
        item,
        label,
        service_code: account.serviceCode,
        ...money(minor),
      });
    }
  }
  rows.push(
    {
      section: 'check',
      item: 'day_postings_sum',
      label: t('recon.check.dayPostings'),
      ...money(checks.dayPostingsSumMinor),
    },
    {
      section: 'check',
      item: 'roll_forward_difference',
      label: t('recon.check.rollForward'),
      ...money(checks.rollForwardDifferenceMinor),
    },
    {
      section: 'check',
      item: 'outstanding_difference',
      label: t('recon.check.outstanding'),
      ...money(checks.outstandingDifferenceMinor),
    },
    {
      section: 'check',
      item: 'balances_to_zero',
      label: t(checks.balancesToZero ? 'recon.balanced' : 'recon.notBalanced'),
      status: String(checks.balancesToZero),
    },
  );
  if (settlement) {
    rows.push(
      { section: 'settlement', item: 'file_sales', label: t('recon.fileSales'), ...money(settlement.salesMinor) },
      { section: 'settlement', item: 'file_refunds', label: t('recon.fileRefunds'), ...money(settlement.refundsMinor) },
      { section: 'settlement', item: 'file_net', label: t('recon.fileNet'), ...money(settlement.netMinor) },
      {
        section: 'settlement',
        item: 'ledger_net',
        label: t('recon.ledgerOnline'),
        ...money(settlement.ledgerNetMinor),
      },
      {
        section: 'settlement',
        item: 'difference',
        label: t('recon.settlementDifference'),
        ...money(settlement.differenceMinor),
      },
    );
    for (const line of settlement.lines) {
      rows.push({
        section: 'settlement_line',
        item: line.type,
        label: `${t('recon.line')} ${line.lineNumber}`,
        amount_minor: line.amountMinor,
        amount: decimalOf(line.amountMinor, line.currency),
        currency: line.currency,
        order_id: line.orderId,
        trans_id: line.gatewayTransactionId,
        status: line.matchStatus,
      });
    }
    for (const found of settlement.breaks) {
      rows.push({
        section: 'break',
        item: found.reason,
        label: t(`recon.reason.${found.reason}`),
        amount_minor: found.ledgerAmountMinor,
        currency: found.ledgerCurrency ?? found.fileCurrency,
        order_id: found.orderId,
        file_amount_minor: found.fileAmountMinor,
        status: found.status,
        reason: found.resolutionNote,
      });
    }
  } else {
    rows.push({ section: 'settlement', item: 'no_file', label: t('recon.noFile') });
  }
  const header = columns.map((c) => csvField(t(headerLabels[c]))).join(',');
  const body = rows.map((row) => columns.map((c) => csvField(row[c])).join(','));
  // The byte order mark lets spreadsheets read the file as UTF-8 (Arabic labels).
  return `\uFEFF${[header, ...body].join('\r\n')}\r\n`;
}
