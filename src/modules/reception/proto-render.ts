import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { demoNetwork } from '../network/demo/demo-network.ts';
import { signConvocationToken } from './convocation-token.ts';
import { renderConvocation } from './render-convocation.ts';

const mtl = demoNetwork.consulates.find((c) => c.code === 'MTL')!;
const svc = demoNetwork.services.find((s) => s.code === 'nationality_certificate')!;
const facts = {
  appointmentId: '6f1c2f7e-3b7a-4c1e-9d2a-8f0e5b4c3a21',
  reference: 'MTL-7K3M-Q9XD',
  status: 'booked',
  accountId: 'x',
  requestId: 'y',
  requestReference: 'MTL-D-7K3M-Q9XD',
  consulate: { id: 'c', code: 'MTL', name: mtl.name, address: mtl.address, city: mtl.city, timeZone: mtl.timeZone },
  department: {
    id: 'd',
    name: { ar: 'مصلحة الحالة المدنية', fr: "Service de l'état civil", en: 'Civil status', es: 'Registro civil' },
  },
  service: {
    id: 's',
    code: svc.code,
    name: svc.name,
    requiredDocuments: [...svc.requiredDocuments, 'local_marriage_certificate', 'parental_authorization'],
  },
  person: {
    id: 'p',
    givenNameLatin: 'Łucja Youssef',
    familyNameLatin: 'El Idrissi',
    givenNameArabic: 'يوسف',
    familyNameArabic: 'الإدريسي',
  },
  startsAt: '2026-12-08T13:30:00.000Z',
  endsAt: '2026-12-08T13:50:00.000Z',
  localDate: '2026-12-08',
  localTime: '08:30',
  utcOffset: '-05:00',
};
const { privateKey } = generateKeyPairSync('ed25519');
const token = signConvocationToken(privateKey, {
  appointmentId: facts.appointmentId,
  reference: facts.reference,
  consulateCode: 'MTL',
  startsAt: facts.startsAt,
});
for (const locale of ['ar', 'es'] as const) {
  writeFileSync(`/tmp/conv2-${locale}.pdf`, await renderConvocation({ facts, token, locale, issuedAt: new Date() }));
}
