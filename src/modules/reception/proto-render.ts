import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { demoNetwork } from '../network/demo/demo-network.ts';
import { signConvocationToken } from './convocation-token.ts';
import { renderConvocation } from './render-convocation.ts';

const par = demoNetwork.consulates.find((c) => c.code === 'PAR')!;
const svc = demoNetwork.services.find((s) => s.code === 'passport_adult_new')!;
const facts = {
  appointmentId: '6f1c2f7e-3b7a-4c1e-9d2a-8f0e5b4c3a21',
  reference: 'PAR-7K3M-Q9XD',
  status: 'booked',
  accountId: 'x',
  requestId: 'y',
  requestReference: 'PAR-D-7K3M-Q9XD',
  consulate: { id: 'c', code: 'PAR', name: par.name, address: par.address, city: par.city, timeZone: par.timeZone },
  department: {
    id: 'd',
    name: { ar: 'مصلحة جوازات السفر', fr: 'Service des passeports', en: 'Passports', es: 'Pasaportes' },
  },
  service: { id: 's', code: svc.code, name: svc.name, requiredDocuments: svc.requiredDocuments },
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
const { privateKey } = generateKeyPairSync('ed25519');
const token = signConvocationToken(privateKey, {
  appointmentId: facts.appointmentId,
  reference: facts.reference,
  consulateCode: 'PAR',
  startsAt: facts.startsAt,
});
for (const locale of ['ar', 'fr', 'en', 'es'] as const) {
  const pdf = await renderConvocation({ facts, token, locale, issuedAt: new Date() });
  writeFileSync(`/tmp/conv-${locale}.pdf`, pdf);
}
for (const locale of ['ar', 'fr', 'ar', 'fr', 'ar'] as const) {
  const t0 = performance.now();
  await renderConvocation({ facts, token, locale, issuedAt: new Date() });
  process.stdout.write(`${locale} ${Math.round(performance.now() - t0)} ms\n`);
}
