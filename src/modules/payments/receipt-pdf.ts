import { sql } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { LocalizedText } from '../network/network.tables.ts';
import { drawParagraph, lineHeight, registerFaces, type TextStyle } from '../reception/index.ts';
import { formatMoney, intlLocale } from './minor-units.ts';
import type { StampStatus } from './payment-status.ts';
import { type PaymentsLabel, paymentsText, withoutBidiMarks } from './payments-texts.ts';
import { formatStampNumber } from './stamp-number.ts';
import { type StampPayload, stampQrText } from './stamp-signature.ts';

/** Everything a receipt shows: the stamp and how it was paid. Nothing about the person. */
export interface ReceiptFacts {
  number: string;
  status: StampStatus;
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  issuedAt: Date;
  signature: string;
  channel: 'online' | 'counter';
  orderId: string;
  service: { code: string; name: LocalizedText };
  consulate: { code: string; name: LocalizedText; address: string; timeZone: string };
}

interface ReceiptRow {
  number: string;
  status: StampStatus;
  amount_minor: number;
  refunded_minor: number;
  currency: string;
  issued_at: Date;
  signature: string;
  channel: 'online' | 'counter';
  order_id: string;
  consulate_id: string;
  owner_account_id: string;
  service_code: string;
  service_name: LocalizedText;
  consulate_code: string;
  consulate_name: LocalizedText;
  address: string;
  time_zone: string;
}

const notFound = () => new AppError('STAMP_NOT_FOUND', 404, 'No stamp has this number in your scope.');

/**
 * The facts of a receipt, for the citizen whose request the stamp pays (their own or a relative's)
 * or the staff of the stamp's consulate. Anyone else's stamp answers 404, as if it did not exist.
 */
export async function loadReceipt(db: Db, principal: Principal, number: string): Promise<ReceiptFacts> {
  if (!['citizen', 'consular_agent', 'consulate_admin'].includes(principal.role)) {
    throw new AppError('FORBIDDEN', 403, 'Receipts are for the payer and the staff of the stamp’s consulate.');
  }
  const [row] = await queryRows<ReceiptRow>(
    db,
    sql`SELECT st.number, st.status, st.amount_minor, p.refunded_minor, st.currency, st.issued_at, st.signature,
               p.channel, p.order_id, st.consulate_id, r.account_id AS owner_account_id,
               sv.code AS service_code, sv.name AS service_name, c.code AS consulate_code, c.name AS consulate_name,
               c.address, c.time_zone
        FROM stamps st
        JOIN payments p ON p.id = st.payment_id
        JOIN requests r ON r.id = st.request_id
        JOIN services sv ON sv.id = st.service_id
        JOIN consulates c ON c.id = st.consulate_id
        WHERE st.number = ${number}`,
  );
  if (!row) throw notFound();
  const isOwner = principal.role === 'citizen' && row.owner_account_id === principal.accountId;
  const isStaff = principal.role !== 'citizen' && row.consulate_id === principal.consulateId;
  if (!isOwner && !isStaff) throw notFound();
  return {
    number: row.number,
    status: row.status,
    amountMinor: Number(row.amount_minor),
    refundedMinor: Number(row.refunded_minor),
    currency: row.currency,
    issuedAt: new Date(row.issued_at),
    signature: row.signature,
    channel: row.channel,
    orderId: row.order_id,
    service: { code: row.service_code, name: row.service_name },
    consulate: { code: row.consulate_code, name: row.consulate_name, address: row.address, timeZone: row.time_zone },
  };
}

export function payloadOf(facts: ReceiptFacts): StampPayload {
  return {
    v: 1,
    number: facts.number,
    consulate: facts.consulate.code,
    service: facts.service.code,
    amountMinor: facts.amountMinor,
    currency: facts.currency,
    issuedAt: facts.issuedAt.toISOString(),
  };
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const QR_SIZE = 132;
const LABEL_WIDTH = 150;
const GAP = 14;
const GREY = '#555555';
const ACCENT = '#0b5d3b';

const localized = (text: LocalizedText, locale: Locale) => text[locale] ?? text.fr;

/**
 * The receipt PDF (A4) in the reader's language; an Arabic page reads right to left. Pure: the
 * facts, the language and the creation date in, the bytes out.
 */
export async function renderReceipt(facts: ReceiptFacts, locale: Locale, createdAt: Date): Promise<Buffer> {
  const label = (key: PaymentsLabel) => paymentsText(locale, key);
  const qr = await QRCode.toBuffer(stampQrText(payloadOf(facts), facts.signature), {
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 4,
    type: 'png',
  });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    lang: locale,
    info: { Title: `${label('receipt.title')} ${facts.number}`, CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc);
  const base = locale === 'ar' ? 'rtl' : 'ltr';
  const isRtl = base === 'rtl';
  const style = (size: number, weight: TextStyle['weight'] = 'regular', color?: string): TextStyle => ({
    size,
    weight,
    base,
    color,
  });

  // Header at the start edge, the QR code at the end edge.
  const qrX = isRtl ? PAGE.margin : PAGE.width - PAGE.margin - QR_SIZE;
  const header = { x: isRtl ? PAGE.margin + QR_SIZE + 24 : PAGE.margin, width: CONTENT_WIDTH - QR_SIZE - 24 };
  let y = PAGE.margin;
  y = drawParagraph(doc, label('receipt.title'), { ...header, y }, style(20, 'bold', ACCENT));
  y = drawParagraph(doc, label('receipt.subtitle'), { ...header, y }, style(11, 'regular', GREY)) + 8;
  y = drawParagraph(doc, localized(facts.consulate.name, locale), { ...header, y }, style(13, 'bold'));
  y = drawParagraph(doc, facts.consulate.address, { ...header, y }, style(10, 'regular', GREY));
  doc.image(qr, qrX, PAGE.margin, { width: QR_SIZE, height: QR_SIZE });
  const captionBottom = drawParagraph(
    doc,
    label('receipt.qrCaption'),
    { x: qrX, y: PAGE.margin + QR_SIZE + 2, width: QR_SIZE },
    style(8, 'regular', GREY),
    'center',
  );
  y = Math.max(y, captionBottom) + 12;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.width - PAGE.margin, y)
    .lineWidth(0.8)
    .strokeColor(ACCENT)
    .stroke();
  y += 16;

  const money = (minor: number) => withoutBidiMarks(formatMoney(minor, facts.currency, locale));
  const issuedAt = withoutBidiMarks(
    new Intl.DateTimeFormat(intlLocale[locale], {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: facts.consulate.timeZone,
    }).format(facts.issuedAt),
  );
  const rows: [PaymentsLabel, string, boolean][] = [
    ['receipt.number', formatStampNumber(facts.number), true],
    ['receipt.amount', money(facts.amountMinor), true],
    ['receipt.service', localized(facts.service.name, locale), false],
    ['receipt.consulate', localized(facts.consulate.name, locale), false],
    ['receipt.issuedAt', issuedAt, false],
    ['receipt.channel', label(`receipt.channel.${facts.channel}`), false],
    ['receipt.order', facts.orderId, false],
    ['receipt.status', label(`receipt.status.${facts.status}`), false],
  ];
  if (facts.refundedMinor > 0) rows.push(['receipt.refunded', money(facts.refundedMinor), false]);
  const labelBox = { x: isRtl ? PAGE.width - PAGE.margin - LABEL_WIDTH : PAGE.margin, width: LABEL_WIDTH };
  const valueBox = {
    x: isRtl ? PAGE.margin : PAGE.margin + LABEL_WIDTH + GAP,
    width: CONTENT_WIDTH - LABEL_WIDTH - GAP,
  };
  for (const [key, value, isKey] of rows) {
    const labelBottom = drawParagraph(doc, label(key), { ...labelBox, y: y + 1.5 }, style(10, 'regular', GREY));
    const valueBottom = drawParagraph(
      doc,
      value,
      { ...valueBox, y },
      style(isKey ? 14 : 11.5, isKey ? 'bold' : 'regular'),
    );
    y = Math.max(labelBottom, valueBottom) + 6;
  }

  const note = style(8.5, 'regular', GREY);
  const noteTop = PAGE.height - PAGE.margin - 4 * lineHeight(doc, note);
  doc
    .moveTo(PAGE.margin, noteTop - 10)
    .lineTo(PAGE.width - PAGE.margin, noteTop - 10)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  drawParagraph(doc, label('receipt.verification'), { x: PAGE.margin, y: noteTop, width: CONTENT_WIDTH }, note);
  doc.end();
  return ended;
}
