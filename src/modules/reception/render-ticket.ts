import PDFDocument from 'pdfkit';
import type { LocalizedText } from '../network/network.tables.ts';
import { type TicketLabel, ticketText } from './convocation-texts.ts';
import { registerFaces } from './pdf-faces.ts';
import { drawLine, drawParagraph, lineHeight, type TextStyle } from './pdf-lines.ts';

// A roll of 80 mm thermal paper: what desk printers take.
const PAGE = { width: 226.77, height: 340, margin: 12 };
const GAP = 10;
const COLUMN = (PAGE.width - 2 * PAGE.margin - GAP) / 2;
const GREY = '#555555';

export interface TicketFacts {
  code: string;
  consulateName: LocalizedText;
  departmentName: LocalizedText;
  timeZone: string;
  issuedAt: Date;
  // The appointment's start; null for a walk-in.
  appointmentStartsAt: Date | null;
  hasPriority: boolean;
}

const french = (size: number, weight: TextStyle['weight'] = 'regular', color?: string): TextStyle => ({
  size,
  weight,
  base: 'ltr',
  color,
});
const arabic = (size: number, weight: TextStyle['weight'] = 'regular', color?: string): TextStyle => ({
  size,
  weight,
  base: 'rtl',
  color,
});

function spell(instant: Date, zone: string, locale: 'fr-FR' | 'ar-MA', options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(instant);
}

/**
 * The ticket the desk prints: the code large, then French on the left and Arabic on the right,
 * side by side (the consulate, the department, the date and time in the consulate's zone, the
 * appointment's time or "walk-in", the advice to watch the screen). Pure: facts in, PDF bytes out.
 */
export async function renderTicket(facts: TicketFacts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    lang: 'fr',
    info: { Title: `${ticketText('fr', 'ticket.title')} ${facts.code}`, CreationDate: facts.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc);
  const left = { x: PAGE.margin, width: COLUMN };
  const right = { x: PAGE.margin + COLUMN + GAP, width: COLUMN };
  const full = { x: PAGE.margin, width: PAGE.width - 2 * PAGE.margin };

  /** One French and one Arabic text side by side; returns y below the taller. */
  const pair = (
    fr: string,
    ar: string,
    y: number,
    size: number,
    weight: TextStyle['weight'] = 'regular',
    color?: string,
  ) =>
    Math.max(
      drawParagraph(doc, fr, { ...left, y }, french(size, weight, color)),
      drawParagraph(doc, ar, { ...right, y }, arabic(size, weight, color)),
    );
  const words = (key: TicketLabel) => [ticketText('fr', key), ticketText('ar', key)] as const;

  let y = PAGE.margin;
  y = pair(facts.consulateName.fr, facts.consulateName.ar, y, 8.5, 'regular', GREY) + 6;
  const [titleFr, titleAr] = words('ticket.title');
  y = pair(titleFr, titleAr, y, 10, 'bold') + 2;
  drawLine(doc, facts.code, { ...full, y }, french(44, 'bold'), 'center');
  y += lineHeight(doc, french(44, 'bold')) + 4;
  if (facts.hasPriority) {
    const [priorityFr, priorityAr] = words('ticket.priority');
    y = pair(priorityFr, priorityAr, y, 10, 'bold') + 4;
  }
  y = pair(facts.departmentName.fr, facts.departmentName.ar, y, 11, 'bold') + 6;

  const when = (locale: 'fr-FR' | 'ar-MA') =>
    `${spell(facts.issuedAt, facts.timeZone, locale, { dateStyle: 'long' })} · ${spell(facts.issuedAt, facts.timeZone, locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
  y = pair(when('fr-FR'), when('ar-MA'), y, 9.5) + 4;
  if (facts.appointmentStartsAt) {
    const time = (locale: 'fr-FR' | 'ar-MA') =>
      spell(facts.appointmentStartsAt as Date, facts.timeZone, locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    const [atFr, atAr] = words('ticket.appointmentAt');
    y = pair(`${atFr} ${time('fr-FR')}`, `${atAr} ${time('ar-MA')}`, y, 9.5) + 6;
  } else {
    const [walkInFr, walkInAr] = words('ticket.walkIn');
    y = pair(walkInFr, walkInAr, y, 9.5) + 6;
  }
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.width - PAGE.margin, y)
    .lineWidth(0.5)
    .strokeColor(GREY)
    .stroke();
  const [footerFr, footerAr] = words('ticket.footer');
  pair(footerFr, footerAr, y + 6, 8, 'regular', GREY);
  doc.end();
  return ended;
}
