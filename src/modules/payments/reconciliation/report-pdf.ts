import PDFDocument from 'pdfkit';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import {
  type Align,
  drawLine,
  drawParagraph,
  fitLine,
  lineHeight,
  registerFaces,
  type TextStyle,
} from '../../reception/index.ts';
import { formatMoney, intlLocale } from '../minor-units.ts';
import { type PaymentsLabel, paymentsText, withoutBidiMarks } from '../payments-texts.ts';
import type { DailyReconciliation } from './daily-report.ts';

const PAGE = { width: 841.89, height: 595.28, margin: 36 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const GREY = '#555555';
const ACCENT = '#0b5d3b';
const ALERT = '#b00020';

/** A table column: its share of the width and how its cells align (start/end follow the direction). */
type Column = { share: number; align: Align };

/** Writes top to bottom on landscape A4 pages, opening a new page when the next block does not fit. */
class Writer {
  y = PAGE.margin;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly base: 'ltr' | 'rtl',
  ) {}

  style(size: number, weight: TextStyle['weight'] = 'regular', color?: string): TextStyle {
    return { size, weight, base: this.base, color };
  }

  room(height: number) {
    if (this.y + height > PAGE.height - PAGE.margin) {
      this.doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
      this.y = PAGE.margin;
    }
  }

  paragraph(text: string, style: TextStyle) {
    this.room(lineHeight(this.doc, style));
    this.y = drawParagraph(this.doc, text, { x: PAGE.margin, y: this.y, width: CONTENT_WIDTH }, style);
  }

  heading(text: string) {
    this.y += 10;
    this.room(3 * lineHeight(this.doc, this.style(12.5, 'bold')));
    this.paragraph(text, this.style(12.5, 'bold', ACCENT));
    this.y += 2;
  }

  row(cells: string[], columns: Column[], style: TextStyle) {
    const height = lineHeight(this.doc, style) + 3;
    this.room(height);
    const total = columns.reduce((sum, c) => sum + c.share, 0);
    // An Arabic page puts the first column at the right edge.
    let edge = this.base === 'rtl' ? PAGE.width - PAGE.margin : PAGE.margin;
    cells.forEach((cell, i) => {
      const column = columns[i] ?? { share: 1, align: 'start' as const };
      const width = (column.share / total) * CONTENT_WIDTH;
      const x = this.base === 'rtl' ? edge - width : edge;
      // A cell is one line: a long name or note is cut there (the CSV and the JSON carry it whole).
      drawLine(
        this.doc,
        fitLine(cell, width - 6, style),
        { x: x + 3, y: this.y, width: width - 6 },
        style,
        column.align,
      );
      edge = this.base === 'rtl' ? edge - width : edge + width;
    });
    this.y += height;
  }

  table(header: string[], rows: string[][], columns: Column[]) {
    this.row(header, columns, this.style(9, 'bold', GREY));
    for (const cells of rows) this.row(cells, columns, this.style(9.5));
  }
}

/** The daily reconciliation as a landscape A4 PDF in the reader's language. Pure. */
export async function reconciliationPdf(report: DailyReconciliation, locale: Locale, createdAt: Date): Promise<Buffer> {
  const t = (key: PaymentsLabel) => paymentsText(locale, key);
  const money = (minor: number | null, currency = report.currency) =>
    minor === null ? '—' : withoutBidiMarks(formatMoney(minor, currency, locale));
  const count = (value: number) => new Intl.NumberFormat(intlLocale[locale]).format(value);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    lang: locale,
    info: {
      Title: `${t('recon.title')} ${report.consulate.code} ${report.businessDate} ${report.currency}`,
      CreationDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc);
  const w = new Writer(doc, locale === 'ar' ? 'rtl' : 'ltr');
  const name = report.consulate.name[locale] ?? report.consulate.name.fr;
  const generatedAt = withoutBidiMarks(
    new Intl.DateTimeFormat(intlLocale[locale], {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: report.consulate.timeZone,
    }).format(createdAt),
  );
  w.paragraph(`${t('recon.title')} — ${report.consulate.code}`, w.style(18, 'bold', ACCENT));
  w.paragraph(name, w.style(12, 'bold'));
  w.paragraph(
    `${t('recon.date')}: ${report.businessDate} · ${t('recon.currency')}: ${report.currency} · ${t('recon.generatedAt')}: ${generatedAt}`,
    w.style(10, 'regular', GREY),
  );

  const { liability, checks, settlement } = report;
  const three: Column[] = [
    { share: 5, align: 'start' },
    { share: 1.2, align: 'end' },
    { share: 2, align: 'end' },
  ];
  w.heading(t('recon.section.liability'));
  w.table(
    [t('recon.csv.label'), t('recon.count'), t('recon.amount')],
    [
      [t('recon.opening'), '', money(liability.openingMinor)],
      [`+ ${t('recon.sold')}`, count(liability.sold.count), money(liability.sold.amountMinor)],
      [`   ${t('recon.soldOnline')}`, count(liability.soldOnline.count), money(liability.soldOnline.amountMinor)],
      [`   ${t('recon.soldCounter')}`, count(liability.soldCounter.count), money(liability.soldCounter.amountMinor)],
      [`− ${t('recon.consumed')}`, count(liability.consumed.count), money(liability.consumed.amountMinor)],
      [`− ${t('recon.refunded')}`, count(liability.refunded.count), money(liability.refunded.amountMinor)],
      [`± ${t('recon.adjustments')}`, '', money(liability.adjustmentsMinor)],
      [`= ${t('recon.closing')}`, '', money(liability.closingMinor)],
    ],
    three,
  );

  w.heading(t('recon.section.byService'));
  const serviceColumns: Column[] = [{ share: 4, align: 'start' }, ...Array(6).fill({ share: 1.3, align: 'end' })];
  w.table(
    [t('recon.service'), t('recon.sold'), '', t('recon.consumed'), '', t('recon.refunded'), ''],
    report.byService.map((s) => [
      s.name[locale] ?? s.name.fr,
      count(s.sold.count),
      money(s.sold.amountMinor),
      count(s.consumed.count),
      money(s.consumed.amountMinor),
      count(s.refunded.count),
      money(s.refunded.amountMinor),
    ]),
    serviceColumns,
  );

  w.heading(t('recon.section.accounts'));
  w.table(
    [t('recon.account'), t('recon.opening'), t('recon.movement'), t('recon.closing')],
    report.accounts.map((a) => [
      `${t(`recon.account.${a.kind}`)}${a.serviceCode ? ` (${a.serviceCode})` : ''}`,
      money(a.openingMinor),
      money(a.debitsMinor + a.creditsMinor),
      money(a.closingMinor),
    ]),
    [{ share: 5, align: 'start' }, ...Array(3).fill({ share: 1.6, align: 'end' })],
  );

  w.heading(t('recon.section.checks'));
  w.table(
    [t('recon.csv.label'), '', t('recon.amount')],
    [
      [t('recon.check.dayPostings'), '', money(checks.dayPostingsSumMinor)],
      [t('recon.check.rollForward'), '', money(checks.rollForwardDifferenceMinor)],
      [t('recon.check.outstanding'), '', money(checks.outstandingDifferenceMinor)],
    ],
    three,
  );
  w.paragraph(
    t(checks.balancesToZero ? 'recon.balanced' : 'recon.notBalanced'),
    w.style(11, 'bold', checks.balancesToZero ? ACCENT : ALERT),
  );

  w.heading(t('recon.section.settlement'));
  if (!settlement) {
    w.paragraph(t('recon.noFile'), w.style(10, 'regular', GREY));
  } else {
    w.table(
      [t('recon.csv.label'), '', t('recon.amount')],
      [
        [t('recon.fileSales'), '', money(settlement.salesMinor)],
        [t('recon.fileRefunds'), '', money(settlement.refundsMinor)],
        [t('recon.fileNet'), '', money(settlement.netMinor)],
        [t('recon.ledgerOnline'), '', money(settlement.ledgerNetMinor)],
        [t('recon.settlementDifference'), '', money(settlement.differenceMinor)],
      ],
      three,
    );
    w.y += 6;
    w.table(
      [t('recon.line'), t('recon.order'), t('recon.transaction'), t('recon.type'), t('recon.amount'), t('recon.match')],
      settlement.lines.map((l) => [
        String(l.lineNumber),
        l.orderId,
        l.gatewayTransactionId,
        l.type,
        money(l.amountMinor, l.currency),
        t(`recon.match.${l.matchStatus}`),
      ]),
      [
        { share: 0.7, align: 'start' },
        { share: 2.6, align: 'start' },
        { share: 2.2, align: 'start' },
        { share: 1, align: 'start' },
        { share: 1.6, align: 'end' },
        { share: 1.3, align: 'start' },
      ],
    );
    w.heading(t('recon.section.breaks'));
    if (settlement.breaks.length === 0) w.paragraph(t('recon.noBreaks'), w.style(10, 'regular', GREY));
    w.table(
      [
        t('recon.order'),
        t('recon.type'),
        t('recon.reason'),
        t('recon.ledgerAmount'),
        t('recon.fileAmount'),
        t('recon.status'),
      ],
      settlement.breaks.map((b) => [
        b.orderId,
        b.type,
        t(`recon.reason.${b.reason}`),
        money(b.ledgerAmountMinor, b.ledgerCurrency ?? report.currency),
        money(b.fileAmountMinor, b.fileCurrency ?? report.currency),
        `${t(`recon.status.${b.status}`)}${b.resolutionNote ? `: ${b.resolutionNote}` : ''}`,
      ]),
      [
        { share: 2.4, align: 'start' },
        { share: 1, align: 'start' },
        { share: 2.6, align: 'start' },
        { share: 1.5, align: 'end' },
        { share: 1.5, align: 'end' },
        { share: 2.4, align: 'start' },
      ],
    );
  }
  doc.end();
  return ended;
}
