import { describe, expect, it } from 'vitest';
import { type Locale, locales } from '../../../platform/i18n/i18n.ts';
import { demoNetwork } from '../../network/demo/demo-network.ts';
import type { RequestFacts } from '../../requests/index.ts';
import type { AppointmentFacts } from '../../scheduling/index.ts';
import type { MessageFacts } from '../message-facts.ts';
import { type NotificationKind, notificationKinds } from '../notification-events.ts';
import { messageCatalogues } from './catalogue.ts';
import { placeName } from './local-time.ts';
import { renderMessage, SMS_MAX_CHARACTERS } from './render-message.ts';

const publicUrl = 'https://rendez-vous.consulats.example.ma';
const appointmentId = '0f9a4a52-6a0e-4a8e-9d6e-2b1b7b0c0d11';
const requestId = '7d1f1d8e-3c1b-4d5e-8a9b-0c1d2e3f4a5b';
// The reasons an agent may give (requests/decision-reasons.ts).
const reasonCodes = [
  'document_illegible',
  'document_expired',
  'document_missing',
  'photo_not_compliant',
  'identity_mismatch',
  'information_inconsistent',
  'not_eligible',
  'other',
];

const consulateName = {
  ar: 'القنصلية العامة للمملكة المغربية بمونتريال',
  fr: 'Consulat général du Royaume du Maroc à Montréal',
  en: 'Consulate General of the Kingdom of Morocco in Montreal',
};
const serviceName = {
  ar: 'جواز السفر البيومتري — طلب أول (راشد)',
  fr: 'Passeport biométrique — première demande (majeur)',
  en: 'Biometric passport — first application (adult)',
  es: 'Pasaporte biométrico — primera solicitud (adulto)',
};
const person = {
  givenNameLatin: 'Amina',
  familyNameLatin: 'El Idrissi',
  givenNameArabic: 'أمينة',
  familyNameArabic: 'الإدريسي',
};

const appointment: AppointmentFacts = {
  appointmentId,
  reference: 'MTL-7K3M-Q9XD',
  status: 'booked',
  accountId: 'a',
  requestId,
  requestReference: 'MTL-D-7K3M-Q9XD',
  consulate: {
    id: 'c',
    code: 'MTL',
    name: consulateName,
    address: '1010 rue Sherbrooke Ouest, bureau 1510, Montréal (Québec) H3A 2R7',
    city: 'Montréal',
    timeZone: 'America/Toronto',
  },
  department: { id: 'd', name: { ar: 'الجوازات', fr: 'Passeports', en: 'Passports' } },
  service: { id: 's', code: 'passport_adult_new', name: serviceName, requiredDocuments: [] },
  person: { id: 'p', ...person },
  startsAt: '2026-12-02T14:30:00.000Z',
  endsAt: '2026-12-02T14:45:00.000Z',
  localDate: '2026-12-02',
  localTime: '09:30',
  utcOffset: '-05:00',
};
const request: RequestFacts = {
  requestId,
  reference: 'MTL-D-7K3M-Q9XD',
  status: 'accepted',
  accountId: 'a',
  consulate: { id: 'c', code: 'MTL', name: consulateName },
  service: { id: 's', code: 'passport_adult_new', name: serviceName, requiresVerification: true },
  person,
  decisionReasonCode: null,
  decisionNote: null,
};

function factsOf(kind: NotificationKind): MessageFacts {
  switch (kind) {
    case 'account.email_code':
    case 'account.password_reset_code':
      return { kind, code: '482913', expiresInMinutes: 15 };
    case 'request.received':
    case 'request.accepted':
      return { kind, request };
    case 'request.more_info':
    case 'request.rejected':
      return { kind, request, reasonCode: 'photo_not_compliant', note: 'Fond <blanc> & visage dégagé' };
    case 'appointment.moved':
      return { kind, appointment, previousStartsAt: '2026-12-01T15:00:00.000Z' };
    case 'appointment.cancelled':
      return { kind, appointment, byConsulate: true, reason: 'Fermeture exceptionnelle' };
    case 'appointment.not_served':
      return { kind, appointment, reason: 'documents_missing' };
    case 'request.expired':
      return { kind, request, previousStatus: 'draft' };
    default:
      return { kind, appointment };
  }
}

const render = (facts: MessageFacts, locale: Locale) =>
  renderMessage(facts, {
    locale,
    publicUrl,
    organizerEmail: 'no-reply@mawid.example',
    recipientEmail: 'amina@example.org',
    createdAt: new Date('2026-12-01T08:00:00Z'),
  });

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys and the same placeholders in every language', () => {
    const french = messageCatalogues.fr;
    for (const locale of locales) {
      const catalogue = messageCatalogues[locale];
      expect(Object.keys(catalogue).sort(), locale).toEqual(Object.keys(french).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(french[key]!));
      }
    }
  });

  it('translate every reason an agent may give', () => {
    for (const locale of locales) {
      for (const code of reasonCodes)
        expect(messageCatalogues[locale][`reason.${code}`], `${locale} ${code}`).toBeTruthy();
    }
  });
});

describe('rendered messages', () => {
  it.each(notificationKinds.flatMap((kind) => locales.map((locale) => [kind, locale] as const)))(
    '%s in %s: every part filled, SMS short, HTML self-contained',
    (kind, locale) => {
      const message = render(factsOf(kind), locale);
      for (const part of [message.subject, message.text, message.html, message.sms]) {
        expect(part.length).toBeGreaterThan(0);
        expect(part).not.toMatch(/\{\w+\}/);
      }
      expect([...message.sms].length).toBeLessThanOrEqual(SMS_MAX_CHARACTERS);
      expect(message.sms.endsWith('…')).toBe(false);
      expect(message.html).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(message.html).not.toMatch(/<(img|script|link|iframe)\b|url\(|src=/i);
      const links = [...message.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
      expect(links.every((link) => link.startsWith(publicUrl))).toBe(true);
    },
  );

  it('says the time in the consulate’s zone, named, with its offset', () => {
    const french = render(factsOf('appointment.booked'), 'fr');
    expect(french.text).toContain('mercredi 2 décembre 2026 à 09:30, heure de Montréal (UTC-05:00)');
    expect(french.subject).toBe('Rendez-vous confirmé : mer. 2 déc. 2026 à 09:30 (heure de Montréal)');
    const english = render(factsOf('appointment.booked'), 'en');
    expect(english.text).toContain('Wednesday, 2 December 2026 at 09:30, Montreal time (UTC-05:00)');
    const moved = render(factsOf('appointment.moved'), 'es');
    expect(moved.text).toContain('martes, 1 de diciembre de 2026 a las 10:00, hora de Montreal (UTC-05:00)');
  });

  it('writes Arabic right to left, with the Arabic name beside the Latin one', () => {
    const arabic = render(factsOf('appointment.booked'), 'ar');
    expect(arabic.html).toContain('dir="rtl"');
    expect(arabic.subject).toMatch(/^تأكيد الموعد/);
    expect(arabic.text).toContain('أمينة الإدريسي (Amina El Idrissi)');
    expect(arabic.text).toContain(consulateName.ar);
    expect(render(factsOf('appointment.booked'), 'fr').text).not.toContain('أمينة');
  });

  it('names the consulate’s city in the reader’s language, in subjects as in bodies', () => {
    const arabic = render(factsOf('appointment.booked'), 'ar');
    expect(arabic.subject).toBe('تأكيد الموعد: الأربعاء، 2 دجنبر 2026 على الساعة 09:30 (بتوقيت مونتريال)');
    expect(arabic.text).toContain('على الساعة 09:30، بتوقيت مونتريال (UTC-05:00)');
    expect(arabic.sms).toContain('(بتوقيت مونتريال)');
    // The Latin name is left only in the postal address, written as the post reads it.
    for (const part of [arabic.subject, arabic.sms, arabic.text, arabic.html]) {
      expect(part.replaceAll(appointment.consulate.address, '')).not.toMatch(/Montr[ée]al/);
    }
    expect(render(factsOf('appointment.moved'), 'es').subject).toContain('(hora de Montreal)');
    const unknown = { ...appointment, consulate: { ...appointment.consulate, city: 'Ouagadougou' } };
    expect(render({ kind: 'appointment.booked', appointment: unknown }, 'ar').subject).toContain(
      '(بتوقيت Ouagadougou)',
    );
  });

  it('has a name in every language for the city of every demo consulate', () => {
    for (const consulate of demoNetwork.consulates) {
      expect(placeName(consulate.city, 'ar'), consulate.city).toMatch(/^[\u0600-\u06ff ]+$/);
      for (const locale of locales)
        expect(placeName(consulate.city, locale), `${locale} ${consulate.city}`).not.toBe('');
    }
    expect(placeName('Düsseldorf', 'fr')).toBe('Düsseldorf');
    expect(placeName('Brussels', 'fr')).toBe('Bruxelles');
    expect(placeName('New York', 'es')).toBe('Nueva York');
  });

  it('separates with the Arabic comma in Arabic, and leaves commas only inside the postal address', () => {
    for (const kind of notificationKinds) {
      const arabic = render(factsOf(kind), 'ar');
      const calendar = (arabic.calendar?.content ?? '').replace(/\r\n /g, '');
      const address = appointment.consulate.address;
      const shownHtml = arabic.html.replace(/<[^>]*>/g, '');
      for (const part of [arabic.subject, arabic.text, shownHtml, arabic.sms, calendar]) {
        const rest = part.replaceAll(address, '').replaceAll(address.replaceAll(',', '\\,'), '');
        expect(rest, `${kind}: ${rest}`).not.toContain(',');
      }
    }
    const booked = render(factsOf('appointment.booked'), 'ar').calendar!.content.replace(/\r\n /g, '');
    expect(booked).toContain(`LOCATION:${consulateName.ar}، 1010 rue Sherbrooke Ouest\\, bureau 1510`);
    const french = render(factsOf('appointment.booked'), 'fr').calendar!.content.replace(/\r\n /g, '');
    expect(french).toContain(`LOCATION:${consulateName.fr}\\, 1010 rue Sherbrooke Ouest`);
  });

  it('falls back to French where a name has no translation', () => {
    const spanish = render(factsOf('request.received'), 'es');
    expect(spanish.text).toContain(consulateName.fr);
    expect(spanish.text).toContain(serviceName.es);
  });

  it('escapes every value in HTML', () => {
    const rejected = render(factsOf('request.rejected'), 'fr');
    expect(rejected.html).toContain('Fond &lt;blanc&gt; &amp; visage dégagé');
    expect(rejected.html).not.toContain('<blanc>');
    expect(rejected.text).toContain('Fond <blanc> & visage dégagé');
  });

  it('links to the booking page once accepted, and to the convocation once booked', () => {
    expect(render(factsOf('request.accepted'), 'fr').html).toContain(`href="${publicUrl}/requests/${requestId}/book"`);
    expect(render(factsOf('request.accepted'), 'fr').sms).toContain(`${publicUrl}/requests/${requestId}/book`);
    const booked = render(factsOf('appointment.booked'), 'en');
    expect(booked.html).toContain(`href="${publicUrl}/api/v1/appointments/${appointmentId}/convocation.pdf"`);
  });

  it('translates the reason code, and any unknown code as "other"', () => {
    expect(render(factsOf('request.more_info'), 'fr').text).toContain('Motif : Photo non conforme');
    const unknown = render({ kind: 'request.rejected', request, reasonCode: 'no_such_reason', note: null }, 'en');
    expect(unknown.text).toContain("Reason: Other reason (see the consulate's message)");
  });

  it('puts the code and its validity in code e-mails', () => {
    const code = render(factsOf('account.email_code'), 'fr');
    expect(code.subject).toBe('Votre code de confirmation Mawid');
    expect(code.html).toContain('482913');
    expect(code.text).toContain('valable 15 minutes');
    expect(code.calendar).toBeUndefined();
  });

  it('attaches a calendar file to booked, moved, reminder (PUBLISH) and cancelled (CANCEL) only', () => {
    const methods = Object.fromEntries(
      notificationKinds.map((kind) => [kind, render(factsOf(kind), 'fr').calendar?.method ?? null]),
    );
    expect(methods).toEqual({
      'account.email_code': null,
      'account.password_reset_code': null,
      'request.received': null,
      'request.more_info': null,
      'request.accepted': null,
      'request.rejected': null,
      'appointment.booked': 'PUBLISH',
      'appointment.moved': 'PUBLISH',
      'appointment.cancelled': 'CANCEL',
      'appointment.reminder': 'PUBLISH',
      'appointment.no_show': null,
      'appointment.not_served': null,
      'request.expired': null,
    });
    const cancelled = render(factsOf('appointment.cancelled'), 'fr').calendar!;
    expect(cancelled.content).toContain('METHOD:CANCEL');
    expect(cancelled.content).toContain(`UID:${appointmentId}@mawid`);
    expect(cancelled.filename).toBe('MTL-7K3M-Q9XD.ics');
  });
});
