import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { type Align, drawLine, fitLine, lineHeight, registerFaces, type TextStyle } from '../../reception/index.ts';
import type { LocalizedText } from '../network.tables.ts';
import { type AdminLabel, adminText } from './admin-texts.ts';
import type { DaySheetDepartment, DaySheetLine } from './list-day-sheet.ts';

// Moroccan Arabic (Latin digits), and 24-hour English.
const intlLocale: Record<Locale, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB', es: 'es-ES' };
const PAGE = { width: 841.89, height: 595.28, margin: 36 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const GREY = '#555555';
const ACCENT = '#0b5d3b';

// Time, reference, name (Latin), name (Arabic), service, status.
const columns: { share: number; align: Align }[] = [
  { share: 0.8, align: 'start' },
  { share: 1.9, align: 'start' },
  { share: 2.6, align: 'start' },
  { share: 2.4, align: 'start' },
  { share: 3, align: 'start' },
  { share: 1.9, align: 'start' },
];
const totalShare = columns.reduce((sum, c) => sum + c.share, 0);

export interface DaySheetInput {
  consulate: { code: string; name: LocalizedText; timeZone: string };
  date: string;
  departments: DaySheetDepartment[];
  locale: Locale;
  printedAt: Date;
}

// Direction marks Intl puts around Arabic dates: the lines order text themselves, the fonts lack them.
const withoutBidiMarks = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '');
const localized = (text: LocalizedText, locale: Locale) => text[locale] ?? text.fr;

/**
 * The day's appointments as a landscape A4 PDF to print for the desk, in the reader's language (an
 * Arabic page reads right to left): one table per department, times in the consulate's zone, names
 * in both scripts. Pure: everything it shows comes from its input.
 */
export async function renderDaySheet(input: DaySheetInput): Promise<Buffer> {
  const { locale } = input;
  const t = (key: AdminLabel, params?: Record<string, string>) => adminText(locale, key, params);
  const base = locale === 'ar' ? 'rtl' : 'ltr';
  const style = (size: number, weight: TextStyle['weight'] = 'regular', color?: string): TextStyle => ({
    size,
    weight,
    base,
    color,
  });
  const format = (options: Intl.DateTimeFormatOptions, at: Date) =>
    withoutBidiMarks(
      new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone: input.consulate.timeZone }).format(at),
    );
  const consulateName = localized(input.consulate.name, locale);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // Margins are kept by hand: pdfkit would otherwise open a page for text near the bottom.
    margin: 0,
    lang: locale,
    info: { Title: `${t('daySheet.title')} ${input.consulate.code} ${input.date}`, CreationDate: input.printedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc);

  let y = PAGE.margin;
  const room = (height: number) => {
    if (y + height <= PAGE.height - PAGE.margin) return;
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    y = PAGE.margin;
  };
  const line = (text: string, textStyle: TextStyle) => {
    room(lineHeight(doc, textStyle));
    drawLine(doc, fitLine(text, CONTENT_WIDTH, textStyle), { x: PAGE.margin, y, width: CONTENT_WIDTH }, textStyle);
    y += lineHeight(doc, textStyle);
  };
  const row = (cells: string[], textStyle: TextStyle) => {
    const height = lineHeight(doc, textStyle) + 3;
    room(height);
    // An Arabic page puts the first column at the right edge.
    let edge = base === 'rtl' ? PAGE.width - PAGE.margin : PAGE.margin;
    cells.forEach((cell, i) => {
      const column = columns[i] ?? { share: 1, align: 'start' as const };
      const width = (column.share / totalShare) * CONTENT_WIDTH;
      const x = base === 'rtl' ? edge - width : edge;
      drawLine(doc, fitLine(cell, width - 6, textStyle), { x: x + 3, y, width: width - 6 }, textStyle, column.align);
      edge = base === 'rtl' ? edge - width : edge + width;
    });
    y += height;
  };
  const cellsOf = (entry: DaySheetLine) => [
    format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, entry.startsAt),
    entry.reference,
    entry.nameLatin,
    entry.nameArabic ?? '—',
    localized(entry.service, locale),
    t(`daySheet.status.${entry.status}` as AdminLabel),
  ];

  line(`${t('daySheet.title')} — ${input.consulate.code}`, style(18, 'bold', ACCENT));
  line(consulateName, style(12, 'bold'));
  line(
    `${t('daySheet.date')}: ${format({ dateStyle: 'full' }, dayNoon(input.date, input.consulate.timeZone))} · ${t(
      'daySheet.localTimes',
      { zone: input.consulate.timeZone },
    )}`,
    style(10, 'regular', GREY),
  );
  line(
    `${t('daySheet.printedAt')}: ${format({ dateStyle: 'short', timeStyle: 'short' }, input.printedAt)}`,
    style(9, 'regular', GREY),
  );
  // A reader who sees no department that day (an agent asking for another's) gets a page saying so.
  if (input.departments.length === 0) {
    y += 10;
    line(t('daySheet.none'), style(10, 'regular', GREY));
  }
  for (const department of input.departments) {
    y += 10;
    // A heading is never left alone at the foot of a page.
    room(3 * lineHeight(doc, style(12.5, 'bold')));
    line(
      `${localized(department.name, locale)} · ${t('daySheet.count')}: ${department.lines.length}`,
      style(12.5, 'bold', ACCENT),
    );
    if (department.lines.length === 0) {
      line(t('daySheet.none'), style(10, 'regular', GREY));
      continue;
    }
    const header = ['time', 'reference', 'nameLatin', 'nameArabic', 'service', 'status'] as const;
    row(
      header.map((key) => t(`daySheet.column.${key}`)),
      style(9, 'bold', GREY),
    );
    for (const entry of department.lines) row(cellsOf(entry), style(10));
  }
  doc.end();
  return ended;
}

/** Local noon of the date, to spell the date itself in the consulate's zone. */
const dayNoon = (date: string, timeZone: string) =>
  DateTime.fromISO(date, { zone: timeZone }).set({ hour: 12 }).toJSDate();
