import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { AppointmentFacts } from '../scheduling/index.ts';
import { type ConvocationLabel, convocationText, documentName } from './convocation-texts.ts';
import { registerFaces } from './pdf-faces.ts';
import { drawLine, drawParagraph, lineHeight, type TextStyle, wrapText } from './pdf-lines.ts';

// Moroccan Arabic (Latin digits, Maghreb month names), and 24-hour English.
const intlLocale: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const QR_SIZE = 124;
const LABEL_WIDTH = 150;
const COLUMN_GAP = 14;
const GREY = '#555555';
const ACCENT = '#0b5d3b';

export interface ConvocationInput {
  facts: AppointmentFacts;
  // The signed token the QR code carries (signConvocationToken).
  token: string;
  locale: Locale;
  // The document's creation date in its metadata.
  issuedAt: Date;
}

/** The local date and time of the appointment, spelled for the reader, with the zone named. */
export function spellLocalTime(facts: AppointmentFacts, locale: Locale): { date: string; time: string } {
  const instant = new Date(facts.startsAt);
  const zone = facts.consulate.timeZone;
  const date = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'full', timeZone: zone }).format(instant);
  const time = new Intl.DateTimeFormat(intlLocale[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
    timeZoneName: 'longGeneric',
  }).format(instant);
  // The offset too: the reader may live in another zone than the consulate's.
  return { date, time: `${time} · UTC${facts.utcOffset}` };
}

const localized = (text: { ar: string; fr: string; en: string; es?: string }, locale: Locale) =>
  text[locale] ?? text.fr;

/**
 * The convocation PDF (A4, one page) in the reader's language; an Arabic page reads right to left.
 * Pure: everything it shows comes from its input.
 */
export async function renderConvocation(input: ConvocationInput): Promise<Buffer> {
  const { facts, token, locale } = input;
  const base = locale === 'ar' ? 'rtl' : 'ltr';
  const label = (key: ConvocationLabel) => convocationText(locale, key);
  const qr = await QRCode.toBuffer(token, { errorCorrectionLevel: 'M', margin: 2, scale: 4, type: 'png' });

  const doc = new PDFDocument({
    size: 'A4',
    // Margins are kept by hand: pdfkit would otherwise open a page for text near the bottom.
    margin: 0,
    lang: locale,
    info: {
      Title: `${label('convocation.title')} ${facts.reference}`,
      Author: localized(facts.consulate.name, locale),
      CreationDate: input.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc);

  const style = (size: number, weight: TextStyle['weight'] = 'regular', color?: string): TextStyle => ({
    size,
    weight,
    base,
    color,
  });
  const isRtl = base === 'rtl';
  // The start edge is the right one on an Arabic page: the QR code goes to the end edge.
  const qrX = isRtl ? PAGE.margin : PAGE.width - PAGE.margin - QR_SIZE;
  const headerWidth = CONTENT_WIDTH - QR_SIZE - 24;
  const headerX = isRtl ? PAGE.margin + QR_SIZE + 24 : PAGE.margin;
  const header = { x: headerX, width: headerWidth };

  let y = PAGE.margin;
  drawLine(doc, label('convocation.title'), { ...header, y }, style(24, 'bold', ACCENT));
  y += lineHeight(doc, style(24, 'bold'));
  drawLine(doc, label('convocation.subtitle'), { ...header, y }, style(12, 'regular', GREY));
  y += lineHeight(doc, style(12)) + 8;
  y = drawParagraph(doc, localized(facts.consulate.name, locale), { ...header, y }, style(13, 'bold'));
  y = drawParagraph(doc, facts.consulate.address, { ...header, y }, style(10.5, 'regular', GREY));

  doc.image(qr, qrX, PAGE.margin, { width: QR_SIZE, height: QR_SIZE });
  const captionBottom = drawParagraph(
    doc,
    label('convocation.qrCaption'),
    { x: qrX, y: PAGE.margin + QR_SIZE + 2, width: QR_SIZE },
    style(8, 'regular', GREY),
    'center',
  );

  y = Math.max(y, captionBottom) + 14;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.width - PAGE.margin, y)
    .lineWidth(0.8)
    .strokeColor(ACCENT)
    .stroke();
  y += 14;

  const { date, time } = spellLocalTime(facts, locale);
  const { person } = facts;
  const arabicName = [person.givenNameArabic, person.familyNameArabic].filter(Boolean).join(' ');
  const rows: [ConvocationLabel, string][] = [
    ['convocation.nameLatin', `${person.givenNameLatin} ${person.familyNameLatin}`],
    ...(arabicName ? ([['convocation.nameArabic', arabicName]] as [ConvocationLabel, string][]) : []),
    ['convocation.date', date],
    ['convocation.time', time],
    ['convocation.department', localized(facts.department.name, locale)],
    ['convocation.service', localized(facts.service.name, locale)],
    ['convocation.appointmentReference', facts.reference],
    ...(facts.requestReference
      ? ([['convocation.requestReference', facts.requestReference]] as [ConvocationLabel, string][])
      : []),
  ];
  const labelX = isRtl ? PAGE.width - PAGE.margin - LABEL_WIDTH : PAGE.margin;
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - COLUMN_GAP;
  const valueX = isRtl ? PAGE.margin : PAGE.margin + LABEL_WIDTH + COLUMN_GAP;
  for (const [key, value] of rows) {
    const isKeyFact =
      key === 'convocation.date' || key === 'convocation.time' || key === 'convocation.appointmentReference';
    const valueStyle = style(isKeyFact ? 12.5 : 11.5, isKeyFact ? 'bold' : 'regular');
    const labelBottom = drawParagraph(
      doc,
      label(key),
      { x: labelX, y: y + 1.5, width: LABEL_WIDTH },
      style(10, 'regular', GREY),
    );
    const valueBottom = drawParagraph(doc, value, { x: valueX, y, width: valueWidth }, valueStyle);
    y = Math.max(labelBottom, valueBottom) + 5;
  }

  y += 10;
  drawLine(
    doc,
    label('convocation.documents'),
    { x: PAGE.margin, y, width: CONTENT_WIDTH },
    style(12.5, 'bold', ACCENT),
  );
  y += lineHeight(doc, style(12.5, 'bold')) + 2;
  const itemStyle = style(11);
  const bulletWidth = 16;
  const itemX = isRtl ? PAGE.margin : PAGE.margin + bulletWidth;
  const bulletX = isRtl ? PAGE.width - PAGE.margin - bulletWidth : PAGE.margin;
  for (const code of facts.service.requiredDocuments) {
    drawLine(doc, '•', { x: bulletX, y, width: bulletWidth }, itemStyle);
    for (const line of wrapText(documentName(locale, code), CONTENT_WIDTH - bulletWidth, itemStyle)) {
      drawLine(doc, line, { x: itemX, y, width: CONTENT_WIDTH - bulletWidth }, itemStyle);
      y += lineHeight(doc, itemStyle);
    }
  }

  const footerStyle = style(10.5, 'bold');
  const noteStyle = style(8.5, 'regular', GREY);
  const footerLines = wrapText(label('convocation.footer'), CONTENT_WIDTH, footerStyle);
  const noteLines = wrapText(label('convocation.verification'), CONTENT_WIDTH, noteStyle);
  let footerY =
    PAGE.height -
    PAGE.margin -
    footerLines.length * lineHeight(doc, footerStyle) -
    noteLines.length * lineHeight(doc, noteStyle) -
    10;
  doc
    .moveTo(PAGE.margin, footerY - 10)
    .lineTo(PAGE.width - PAGE.margin, footerY - 10)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  for (const line of footerLines) {
    drawLine(doc, line, { x: PAGE.margin, y: footerY, width: CONTENT_WIDTH }, footerStyle);
    footerY += lineHeight(doc, footerStyle);
  }
  footerY += 4;
  for (const line of noteLines) {
    drawLine(doc, line, { x: PAGE.margin, y: footerY, width: CONTENT_WIDTH }, noteStyle);
    footerY += lineHeight(doc, noteStyle);
  }

  doc.end();
  return ended;
}
