import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { locales } from '../../platform/i18n/i18n.ts';
import { demoNetwork } from '../network/demo/demo-network.ts';
import type { AppointmentFacts } from '../scheduling/index.ts';
import { decodePdfQr, extractPdfText } from './convocation-pdf.test-support.ts';
import { convocationText, documentName, isDocumentNamed } from './convocation-texts.ts';
import { signConvocationToken, verifyConvocationToken } from './convocation-token.ts';
import { renderConvocation, spellLocalTime } from './render-convocation.ts';

const paris = demoNetwork.consulates.find((c) => c.code === 'PAR')!;
const passport = demoNetwork.services.find((s) => s.code === 'passport_adult_new')!;
const facts: AppointmentFacts = {
  appointmentId: '6f1c2f7e-3b7a-4c1e-9d2a-8f0e5b4c3a21',
  reference: 'PAR-7K3M-Q9XD',
  status: 'booked',
  accountId: '0a4c3a8e-52c1-4b7e-9a55-0c7d5e1f2b33',
  requestId: '3b1d9c0e-8f6a-4d2b-b1c4-5e6f7a8b9c0d',
  requestReference: 'PAR-D-4F8H-K2MN',
  consulate: {
    id: 'c5d6e7f8-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    code: 'PAR',
    name: paris.name,
    address: paris.address,
    city: paris.city,
    timeZone: paris.timeZone,
  },
  department: {
    id: 'd1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a',
    name: { ar: 'مصلحة جوازات السفر', fr: 'Service des passeports', en: 'Passports', es: 'Pasaportes' },
  },
  service: { id: 's', code: passport.code, name: passport.name, requiredDocuments: passport.requiredDocuments },
  person: {
    id: 'p',
    givenNameLatin: 'Amina',
    familyNameLatin: 'Benali',
    givenNameArabic: 'أمينة',
    familyNameArabic: 'بنعلي',
  },
  startsAt: '2026-12-08T13:30:00.000Z',
  endsAt: '2026-12-08T13:50:00.000Z',
  localDate: '2026-12-08',
  localTime: '14:30',
  utcOffset: '+01:00',
};
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const token = signConvocationToken(privateKey, {
  appointmentId: facts.appointmentId,
  reference: facts.reference,
  consulateCode: 'PAR',
  startsAt: facts.startsAt,
});

// The Arabic is written as letters (not presentation forms), but an extractor may still hand back
// compatibility characters: NFKC folds them onto the letters before comparing.
const normalized = (text: string) => text.normalize('NFKC');

describe('the convocation PDF', () => {
  it.each(locales)(
    'in %s carries the names in both scripts, the references, the time and the documents',
    async (locale) => {
      const pdf = await renderConvocation({ facts, token, locale, issuedAt: new Date('2026-12-01T08:00:00Z') });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = normalized(await extractPdfText(pdf));
      expect(text).toContain('Amina Benali');
      expect(text).toContain(normalized('أمينة بنعلي'));
      expect(text).toContain('PAR-7K3M-Q9XD');
      expect(text).toContain('PAR-D-4F8H-K2MN');
      expect(text).toContain('14:30');
      expect(text).toContain('UTC+01:00');
      expect(text).toContain(paris.address);
      expect(text).toContain(normalized(convocationText(locale, 'convocation.appointmentReference')));
      for (const code of passport.requiredDocuments) expect(text).toContain(normalized(documentName(locale, code)));
    },
  );

  it('carries a QR code that decodes to the token, which verifies', async () => {
    const pdf = await renderConvocation({ facts, token, locale: 'ar', issuedAt: new Date('2026-12-01T08:00:00Z') });
    const decoded = decodePdfQr(pdf);
    expect(decoded).toBe(token);
    expect(verifyConvocationToken(publicKey, decoded ?? '')).toMatchObject({ appointmentId: facts.appointmentId });
  });

  it('spells the local date and time for the reader, with the zone named', () => {
    expect(spellLocalTime(facts, 'fr')).toEqual({
      date: 'mardi 8 décembre 2026',
      time: '14:30 heure d’Europe centrale · UTC+01:00',
    });
    expect(spellLocalTime(facts, 'en').date).toBe('Tuesday, 8 December 2026');
    expect(spellLocalTime(facts, 'es').time).toContain('hora de Europa central');
    expect(spellLocalTime(facts, 'ar').date).toContain('دجنبر');
  });

  it('leaves out the Arabic name and the request reference when there are none', async () => {
    const pdf = await renderConvocation({
      facts: {
        ...facts,
        requestReference: null,
        person: { ...facts.person, givenNameArabic: null, familyNameArabic: null },
      },
      token,
      locale: 'en',
      issuedAt: new Date('2026-12-01T08:00:00Z'),
    });
    const text = await extractPdfText(pdf);
    expect(text).toContain('Amina Benali');
    expect(text).not.toContain(convocationText('en', 'convocation.nameArabic'));
    expect(text).not.toContain(convocationText('en', 'convocation.requestReference'));
  });

  it('goes on to a second page when the list of documents is too long for one', async () => {
    const codes = [...new Set(demoNetwork.services.flatMap((s) => s.requiredDocuments))];
    const many = [...codes, ...codes];
    const pdf = await renderConvocation({
      facts: { ...facts, service: { ...facts.service, requiredDocuments: many } },
      token,
      locale: 'fr',
      issuedAt: new Date('2026-12-01T08:00:00Z'),
    });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(2);
    const text = await extractPdfText(pdf);
    for (const code of codes) expect(text).toContain(documentName('fr', code));
    expect(text).toContain(convocationText('fr', 'convocation.footer').slice(0, 40));
    const single = await renderConvocation({ facts, token, locale: 'fr', issuedAt: new Date('2026-12-01T08:00:00Z') });
    expect(single.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
  });

  it('names every document the demo catalogue asks for, in every language', () => {
    const codes = new Set(demoNetwork.services.flatMap((s) => s.requiredDocuments));
    expect([...codes].filter((code) => !isDocumentNamed(code))).toEqual([]);
    expect(documentName('fr', 'not_in_the_catalogue')).toBe('not in the catalogue');
  });
});
