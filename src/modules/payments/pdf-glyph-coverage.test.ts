import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { demoNetwork } from '../network/demo/demo-network.ts';
import { extractPdfText } from '../reception/convocation-pdf.test-support.ts';
import { registeredFont, renderConvocation } from '../reception/index.ts';
import type { AppointmentFacts } from '../scheduling/index.ts';
import { type PaymentsLabel, paymentsText } from './payments-texts.ts';
import { type ReceiptFacts, renderReceipt } from './receipt-pdf.ts';
import type { DailyReconciliation } from './reconciliation/daily-report.ts';
import { reconciliationPdf } from './reconciliation/report-pdf.ts';

/**
 * Every PDF the service makes, in French and in Arabic, with values that reach past plain ASCII
 * (accents, "±", "−", "€", typographic quotes, Arabic names): each run of text pdfkit is asked to
 * draw is checked against the font it is drawn with, so that no character falls on the font's
 * .notdef box. Text extraction alone cannot see that: the PDF's Unicode map still names the
 * character whose glyph is missing.
 */
const dusseldorf = demoNetwork.consulates.find((c) => c.code === 'DUS')!;
const passport = demoNetwork.services.find((s) => s.code === 'passport_adult_new')!;
const issuedAt = new Date('2026-12-01T08:00:00Z');

const appointment: AppointmentFacts = {
  appointmentId: '6f1c2f7e-3b7a-4c1e-9d2a-8f0e5b4c3a21',
  reference: 'DUS-7K3M-Q9XD',
  status: 'booked',
  accountId: '0a4c3a8e-52c1-4b7e-9a55-0c7d5e1f2b33',
  requestId: '3b1d9c0e-8f6a-4d2b-b1c4-5e6f7a8b9c0d',
  requestReference: 'DUS-D-4F8H-K2MN',
  consulate: {
    id: 'c5d6e7f8-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    code: 'DUS',
    name: dusseldorf.name,
    address: dusseldorf.address,
    city: dusseldorf.city,
    timeZone: dusseldorf.timeZone,
  },
  department: {
    id: 'd1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a',
    name: { ar: 'مصلحة جوازات السفر', fr: 'Service des passeports', en: 'Passports', es: 'Pasaportes' },
  },
  service: { id: 's', code: passport.code, name: passport.name, requiredDocuments: passport.requiredDocuments },
  person: {
    id: 'p',
    givenNameLatin: 'Zoé',
    familyNameLatin: 'Benaïssa-Łukasiewicz',
    givenNameArabic: 'زهرة',
    familyNameArabic: 'بنعيسى',
  },
  startsAt: '2026-12-08T13:30:00.000Z',
  endsAt: '2026-12-08T13:50:00.000Z',
  localDate: '2026-12-08',
  localTime: '14:30',
  utcOffset: '+01:00',
};

const receipt: ReceiptFacts = {
  number: '4000123412341234',
  status: 'refunded',
  amountMinor: 123_450,
  refundedMinor: 123_450,
  currency: 'EUR',
  issuedAt,
  signature: 'c2lnbmF0dXJl',
  channel: 'counter',
  orderId: 'DUS-O-7K3M-Q9XD',
  service: { code: passport.code, name: passport.name },
  consulate: { code: 'DUS', name: dusseldorf.name, address: dusseldorf.address, timeZone: dusseldorf.timeZone },
};

const tally = (count: number, amountMinor: number) => ({ count, amountMinor });
const reconciliation: DailyReconciliation = {
  consulate: { id: 'c', code: 'DUS', name: dusseldorf.name, timeZone: dusseldorf.timeZone },
  businessDate: '2026-12-01',
  currency: 'EUR',
  liability: {
    openingMinor: 1_234_500,
    sold: tally(3, 23_850),
    soldOnline: tally(2, 15_900),
    soldCounter: tally(1, 7_950),
    consumed: tally(1, 7_950),
    refunded: tally(1, 7_950),
    adjustmentsMinor: -7_950,
    closingMinor: 1_234_500,
  },
  byService: [
    {
      serviceId: 's',
      code: passport.code,
      name: passport.name,
      sold: tally(3, 23_850),
      consumed: tally(1, 7_950),
      refunded: tally(1, 7_950),
    },
  ],
  accounts: [
    {
      kind: 'stamp_liability',
      serviceCode: passport.code,
      openingMinor: -1_234_500,
      debitsMinor: 15_900,
      creditsMinor: -23_850,
      closingMinor: -1_242_450,
    },
  ],
  checks: {
    dayPostingsSumMinor: 0,
    rollForwardDifferenceMinor: 0,
    outstandingStampsMinor: 1_234_500,
    outstandingDifferenceMinor: 0,
    balancesToZero: true,
  },
  settlement: {
    fileId: 'f',
    uploadedAt: issuedAt,
    lineCount: 1,
    salesMinor: 15_900,
    refundsMinor: 0,
    netMinor: 15_900,
    ledgerNetMinor: 7_950,
    differenceMinor: -7_950,
    lines: [
      {
        lineNumber: 1,
        orderId: 'DUS-O-7K3M-Q9XD',
        gatewayTransactionId: 'T000111222333',
        type: 'SALE',
        amountMinor: 15_900,
        currency: 'EUR',
        matchStatus: 'break',
      },
    ],
    breaks: [
      {
        id: 'b',
        reason: 'amount_mismatch',
        orderId: 'DUS-O-7K3M-Q9XD',
        type: 'SALE',
        ledgerAmountMinor: 7_950,
        ledgerCurrency: 'EUR',
        fileAmountMinor: 15_900,
        fileCurrency: 'EUR',
        status: 'resolved',
        resolutionNote: 'Avoir « CB » d’Éric : double débit confirmé par l’acquéreur, remboursé le 2 décembre',
        resolvedAt: issuedAt,
      },
    ],
    openBreaks: 0,
  },
};

interface Run {
  font: string;
  text: string;
}

// What pdfkit is asked to draw, and with which registered font: the font a document last chose
// when it was told to write a run.
const runs: Run[] = [];
const chosenFont = new WeakMap<PDFKit.PDFDocument, string>();
const prototype = PDFDocument.prototype;
const originalFont = prototype.font;
const originalText = prototype.text;

const spies: { mockRestore: () => void }[] = [];

beforeAll(() => {
  spies.push(
    vi.spyOn(prototype, 'font').mockImplementation(function (this: PDFKit.PDFDocument, ...args) {
      if (typeof args[0] === 'string') chosenFont.set(this, args[0]);
      return Reflect.apply(originalFont, this, args) as PDFKit.PDFDocument;
    }),
    vi.spyOn(prototype, 'text').mockImplementation(function (this: PDFKit.PDFDocument, ...args) {
      runs.push({ font: chosenFont.get(this) ?? '(none)', text: String(args[0]) });
      return Reflect.apply(originalText, this, args) as PDFKit.PDFDocument;
    }),
  );
});

afterAll(() => {
  // Test files share a process (isolate: false): pdfkit must be left as found.
  for (const spy of spies) spy.mockRestore();
});

/** The characters of the runs drawn during `draw` that the run's font has no glyph for. */
async function drawnWithoutGlyph(draw: () => Promise<Buffer>): Promise<{ pdf: Buffer; missing: string[] }> {
  runs.length = 0;
  const pdf = await draw();
  const missing = runs.flatMap((run) => {
    const font = registeredFont(run.font);
    if (!font) return [`"${run.text}" drawn with ${run.font}, which is no embedded face`];
    return [...run.text]
      .filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0))
      .map(
        (char) => `${char} (U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}) in "${run.text}" (${run.font})`,
      );
  });
  expect(runs.length).toBeGreaterThan(20);
  return { pdf, missing };
}

// Arabic is written as letters, but an extractor may hand back compatibility forms; spaces vary.
const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ');

describe('every PDF the service makes', () => {
  it('draws each character with a font that has its glyph, and reads back as written', async () => {
    const fr = (key: PaymentsLabel) => paymentsText('fr', key);
    const ar = (key: PaymentsLabel) => paymentsText('ar', key);
    const convocation = (locale: Locale) => () =>
      renderConvocation({ facts: appointment, token: 'token', locale, issuedAt });
    // Arabic lines come back from the extractor in visual order: each expected piece is one run.
    const documents = [
      {
        name: 'convocation (fr)',
        draw: convocation('fr'),
        expected: ['Zoé Benaïssa-Łukasiewicz', 'heure d’Europe centrale', dusseldorf.name.fr, dusseldorf.address],
      },
      {
        name: 'convocation (ar)',
        draw: convocation('ar'),
        expected: ['زهرة بنعيسى', 'Zoé Benaïssa-Łukasiewicz', 'الثلاثاء،', dusseldorf.name.ar, dusseldorf.address],
      },
      {
        name: 'receipt (fr)',
        draw: () => renderReceipt(receipt, 'fr', issuedAt),
        expected: ['1 234,50 €', 'Passeport biométrique — première demande (majeur)', dusseldorf.name.fr],
      },
      {
        name: 'receipt (ar)',
        draw: () => renderReceipt(receipt, 'ar', issuedAt),
        expected: ['1.234,50', '€', ar('receipt.number'), dusseldorf.name.ar, 'Düsseldorf'],
      },
      {
        name: 'reconciliation (fr)',
        draw: () => reconciliationPdf(reconciliation, 'fr', issuedAt),
        expected: [
          `± ${fr('recon.adjustments')}`,
          `− ${fr('recon.consumed')}`,
          '-79,50 €',
          'résolu: Avoir « CB » d’Éric',
          '…',
        ],
      },
      {
        name: 'reconciliation (ar)',
        draw: () => reconciliationPdf(reconciliation, 'ar', issuedAt),
        expected: ['±', '−', '€', ar('recon.adjustments'), ar('recon.consumed'), dusseldorf.name.ar],
      },
    ];
    for (const document of documents) {
      const { pdf, missing } = await drawnWithoutGlyph(document.draw);
      expect(missing, document.name).toEqual([]);
      const text = plain(await extractPdfText(pdf));
      for (const expected of document.expected) expect(text, document.name).toContain(plain(expected));
    }
  });
});
