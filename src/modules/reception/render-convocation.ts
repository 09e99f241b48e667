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

/** What every section draws with: the document, the reader's language and direction. */
interface Page {
  doc: PDFKit.PDFDocument;
  locale: Locale;
  isRtl: boolean;
  label: (key: ConvocationLabel) => string;
  style: (size: number, weight?: TextStyle['weight'], color?: string) => TextStyle;
}

/** Title, consulate and address at the start edge; the QR code and its caption at the end edge. Returns y below. */
function drawHeader(page: Page, facts: AppointmentFacts, qr: Buffer): number {
  const { doc, label, style, isRtl } = page;
  // The start edge is the right one on an Arabic page.
  const qrX = isRtl ? PAGE.margin : PAGE.width - PAGE.margin - QR_SIZE;
  const header = { x: isRtl ? PAGE.margin + QR_SIZE + 24 : PAGE.margin, width: CONTENT_WIDTH - QR_SIZE - 24 };
  let y = PAGE.margin;
  drawLine(doc, label('convocation.title'), { ...header, y }, style(24, 'bold', ACCENT));
  y += lineHeight(doc, style(24, 'bold'));
  drawLine(doc, label('convocation.subtitle'), { ...header, y }, style(12, 'regular', GREY));
  y += lineHeight(doc, style(12)) + 8;
  y = drawParagraph(doc, localized(facts.consulate.name, page.locale), { ...header, y }, style(13, 'bold'));
  y = drawParagraph(doc, facts.consulate.address, { ...header, y }, style(10.5, 'regular', GREY));

  doc.image(qr, qrX, PAGE.margin, { width: QR_SIZE, height: QR_SIZE });
  const caption = { x: qrX, y: PAGE.margin + QR_SIZE + 2, width: QR_SIZE };
  const captionBottom = drawParagraph(
    doc,
    label('convocation.qrCaption'),
    caption,
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
  return y + 14;
}

/** The facts of the appointment as label and value rows. Returns y below. */
function drawFacts(page: Page, facts: AppointmentFacts, top: number): number {
  const { doc, label, style, isRtl, locale } = page;
  const { date, time } = spellLocalTime(facts, locale);
  const { person } = facts;
  const arabicName = [person.givenNameArabic, person.familyNameArabic].filter(Boolean).join(' ');
  const rows: [ConvocationLabel, string | null][] = [
    ['convocation.nameLatin', `${person.givenNameLatin} ${person.familyNameLatin}`],
    ['convocation.nameArabic', arabicName || null],
    ['convocation.date', date],
    ['convocation.time', time],
    ['convocation.department', localized(facts.department.name, locale)],
    ['convocation.service', localized(facts.service.name, locale)],
    ['convocation.appointmentReference', facts.reference],
    ['convocation.requestReference', facts.requestReference],
  ];
  const keyFacts: ConvocationLabel[] = ['convocation.date', 'convocation.time', 'convocation.appointmentReference'];
  const labelBox = { x: isRtl ? PAGE.width - PAGE.margin - LABEL_WIDTH : PAGE.margin, width: LABEL_WIDTH };
  const valueBox = {
    x: isRtl ? PAGE.margin : PAGE.margin + LABEL_WIDTH + COLUMN_GAP,
    width: CONTENT_WIDTH - LABEL_WIDTH - COLUMN_GAP,
  };
  let y = top;
  for (const [key, value] of rows) {
    if (value === null) continue;
    const isKeyFact = keyFacts.includes(key);
    const valueStyle = style(isKeyFact ? 12.5 : 11.5, isKeyFact ? 'bold' : 'regular');
    const labelBottom = drawParagraph(doc, label(key), { ...labelBox, y: y + 1.5 }, style(10, 'regular', GREY));
    const valueBottom = drawParagraph(doc, value, { ...valueBox, y }, valueStyle);
    y = Math.max(labelBottom, valueBottom) + 5;
  }
  return y;
}

/** The documents to bring, one bullet each; a list too long for the page goes on to the next one. */
function drawDocuments(page: Page, codes: string[], top: number, bottom: number): number {
  const { doc, label, style, isRtl, locale } = page;
  let y = top + 10;
  drawLine(
    doc,
    label('convocation.documents'),
    { x: PAGE.margin, y, width: CONTENT_WIDTH },
    style(12.5, 'bold', ACCENT),
  );
  y += lineHeight(doc, style(12.5, 'bold')) + 2;
  const itemStyle = style(11);
  const height = lineHeight(doc, itemStyle);
  const bulletWidth = 16;
  const item = { x: isRtl ? PAGE.margin : PAGE.margin + bulletWidth, width: CONTENT_WIDTH - bulletWidth };
  const bulletX = isRtl ? PAGE.width - PAGE.margin - bulletWidth : PAGE.margin;
  for (const code of codes) {
    wrapText(documentName(locale, code), item.width, itemStyle).forEach((line, i) => {
      if (y + height > bottom) {
        doc.addPage({ size: 'A4', margin: 0 });
        y = PAGE.margin;
      }
      if (i === 0) drawLine(doc, '•', { x: bulletX, y, width: bulletWidth }, itemStyle);
      drawLine(doc, line, { ...item, y }, itemStyle);
      y += height;
    });
  }
  return y;
}

/** The advice to come early and the verification note, at the foot of the last page. */
function footer(page: Page): { top: number; draw: () => void } {
  const { doc, label, style } = page;
  const blocks = [
    { style: style(10.5, 'bold'), lines: [] as string[], text: label('convocation.footer') },
    { style: style(8.5, 'regular', GREY), lines: [] as string[], text: label('convocation.verification') },
  ].map((block) => ({ ...block, lines: wrapText(block.text, CONTENT_WIDTH, block.style) }));
  const height = blocks.reduce((sum, b) => sum + b.lines.length * lineHeight(doc, b.style), 4);
  const top = PAGE.height - PAGE.margin - height;
  return {
    top,
    draw: () => {
      doc
        .moveTo(PAGE.margin, top - 10)
        .lineTo(PAGE.width - PAGE.margin, top - 10)
        .lineWidth(0.5)
        .strokeColor(GREY)
        .stroke();
      let y = top;
      for (const block of blocks) {
        for (const line of block.lines) {
          drawLine(doc, line, { x: PAGE.margin, y, width: CONTENT_WIDTH }, block.style);
          y += lineHeight(doc, block.style);
        }
        y += 4;
      }
    },
  };
}

/**
 * The convocation PDF (A4) in the reader's language; an Arabic page reads right to left.
 * Pure: everything it shows comes from its input.
 */
export async function renderConvocation(input: ConvocationInput): Promise<Buffer> {
  const { facts, token, locale } = input;
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

  const base = locale === 'ar' ? 'rtl' : 'ltr';
  const page: Page = {
    doc,
    locale,
    isRtl: base === 'rtl',
    label,
    style: (size, weight = 'regular', color) => ({ size, weight, base, color }),
  };
  const foot = footer(page);
  const factsBottom = drawFacts(page, facts, drawHeader(page, facts, qr));
  drawDocuments(page, facts.service.requiredDocuments, factsBottom, foot.top - 24);
  foot.draw();
  doc.end();
  return ended;
}
