import { randomUUID } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import type { Keys } from '../../../platform/keys.ts';
import { accounts, hashPassword, persons, type Role, sealTotpSecret, staffDepartments } from '../../accounts/index.ts';
import { materializeAllSlots } from '../../scheduling/index.ts';
import {
  closures,
  consulateServices,
  consulates,
  counters,
  departments,
  feeSchedule,
  openingHours,
  services,
} from '../network.tables.ts';
import { demoNetwork } from './demo-network.ts';
import type { DemoConsulate, DemoNetwork } from './demo-network.types.ts';

/** The password of every demo account (listed in the README). Demo databases only. */
export const DEMO_PASSWORD = 'Mawid-demo-2026';

/**
 * The TOTP secret of every demo staff account (listed in the README with a one-liner that prints
 * its current code), seeded already enrolled. Public, like the password: demo databases only. No
 * recovery codes are seeded: printed in a README they would be a way around the second factor that
 * nobody can use up; HQ resets a demo account's second factor instead.
 */
export const DEMO_TOTP_SECRET = 'MAWIDDEMOSTAFFSECONDFACTOR234567';

export interface DemoAccount {
  email: string;
  role: Role;
  consulateCode?: string;
  departmentKinds?: string[];
  givenNameLatin?: string;
  familyNameLatin?: string;
  givenNameArabic?: string;
  familyNameArabic?: string;
  birthDate?: string;
}

export const demoAccounts: DemoAccount[] = [
  {
    email: 'amina.benali@example.org',
    role: 'citizen',
    givenNameLatin: 'Amina',
    familyNameLatin: 'Benali',
    givenNameArabic: 'أمينة',
    familyNameArabic: 'بنعلي',
    birthDate: '1988-04-17',
  },
  {
    email: 'youssef.elidrissi@example.org',
    role: 'citizen',
    givenNameLatin: 'Youssef',
    familyNameLatin: 'El Idrissi',
    givenNameArabic: 'يوسف',
    familyNameArabic: 'الإدريسي',
    birthDate: '1979-11-02',
  },
  {
    email: 'agent.par@mawid.example',
    role: 'consular_agent',
    consulateCode: 'PAR',
    departmentKinds: ['passport', 'identity', 'civil_status'],
  },
  { email: 'admin.par@mawid.example', role: 'consulate_admin', consulateCode: 'PAR' },
  {
    email: 'agent.dxb@mawid.example',
    role: 'consular_agent',
    consulateCode: 'DXB',
    departmentKinds: ['passport', 'identity', 'civil_status', 'legalization', 'registration'],
  },
  { email: 'admin.dxb@mawid.example', role: 'consulate_admin', consulateCode: 'DXB' },
  { email: 'admin.mtl@mawid.example', role: 'consulate_admin', consulateCode: 'MTL' },
  { email: 'callcenter@mawid.example', role: 'call_center_agent' },
  { email: 'hq@mawid.example', role: 'hq_admin' },
  { email: 'treasury@mawid.example', role: 'treasury_auditor' },
];

/** A demo fee: the MAD amount converted at a rounded demo rate, to whole local units. */
export function demoFee(madMinor: number, consulate: DemoConsulate): number {
  if (madMinor === 0) return 0;
  const localUnits = Math.max(1, Math.round((madMinor / 100) * consulate.demoRatePerMad));
  return localUnits * 10 ** consulate.currencyMinorDigits;
}

/**
 * Seeds the demo network into an empty database: catalogue, consulates, departments, counters,
 * hours, holidays, demo fees and demo accounts; then materializes the slots. Does nothing on a
 * database that already has consulates.
 *
 * With the application's `keys`, demo staff are enrolled with DEMO_TOTP_SECRET (sealed with the
 * master key, as every TOTP secret); without them, they enrol an app at their first sign-in.
 */
export async function seedDemo(
  deps: { db: Db; clock: Clock; keys?: Keys },
  network: DemoNetwork = demoNetwork,
): Promise<{ seeded: boolean; consulates: number; slots: number }> {
  const { db, clock } = deps;
  const [existing] = await db.select({ n: count() }).from(consulates);
  if ((existing?.n ?? 0) > 0) return { seeded: false, consulates: Number(existing?.n), slots: 0 };
  const passwordHashes = await Promise.all(demoAccounts.map(() => hashPassword(DEMO_PASSWORD)));
  const today = clock.now().toISOString().slice(0, 10);

  await db.transaction(async (tx) => {
    // The seed and the first migration may race in two processes: take the same lock as migrations.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727003)`);
    const serviceRows = await tx
      .insert(services)
      .values(
        network.services.map((s) => ({
          code: s.code,
          departmentKind: s.departmentKind,
          name: s.name,
          durationMinutes: s.durationMinutes,
          requiredDocuments: s.requiredDocuments,
          requiresVerification: s.requiresVerification,
          minAgeYears: s.minAgeYears ?? null,
          maxAgeYears: s.maxAgeYears ?? null,
        })),
      )
      .returning({ id: services.id, code: services.code });
    const serviceIdByCode = new Map(serviceRows.map((s) => [s.code, s.id]));

    const departmentIds = new Map<string, string>(); // `${code}:${kind}` -> id
    for (const consulate of network.consulates) {
      const [row] = await tx
        .insert(consulates)
        .values({
          code: consulate.code,
          name: consulate.name,
          country: consulate.country,
          city: consulate.city,
          address: consulate.address,
          timeZone: consulate.timeZone,
          currency: consulate.currency,
          languages: consulate.languages,
          waitingRoomCapacity: 40,
        })
        .returning({ id: consulates.id });
      const consulateId = row!.id;
      const deptRows = await tx
        .insert(departments)
        .values(
          network.departments.map((d) => ({
            consulateId,
            kind: d.kind,
            name: d.name,
            ticketPrefix: d.ticketPrefix,
          })),
        )
        .returning({ id: departments.id, kind: departments.kind });
      for (const d of deptRows) departmentIds.set(`${consulate.code}:${d.kind}`, d.id);
      await tx.insert(counters).values(
        deptRows.flatMap((d) =>
          Array.from({ length: consulate.countersPerDepartment }, (_, i) => ({
            departmentId: d.id,
            label: String(i + 1),
          })),
        ),
      );
      await tx.insert(openingHours).values(
        deptRows.flatMap((d) =>
          consulate.hours.flatMap((h) =>
            h.weekdays.map((weekday) => ({
              departmentId: d.id,
              weekday,
              opensAt: h.opensAt,
              closesAt: h.closesAt,
              slotMinutes: h.slotMinutes,
              capacity: h.capacity,
              validFrom: today,
              validTo: null,
            })),
          ),
        ),
      );
      await tx.insert(consulateServices).values(
        network.services.map((s) => ({
          consulateId,
          serviceId: serviceIdByCode.get(s.code)!,
          departmentId: departmentIds.get(`${consulate.code}:${s.departmentKind}`)!,
          feeMinor: demoFee(s.demoFeeMadMinor, consulate),
          isDemoFee: true,
          horizonDays: s.horizonDays,
          minNoticeMinutes: s.minNoticeMinutes,
          cancellationCutoffMinutes: s.cancellationCutoffMinutes,
          // Services with nothing to verify beforehand also take people without an appointment.
          acceptsWalkIns: !s.requiresVerification,
        })),
      );
      // The fee history starts with the demo fee, in force since the seed.
      await tx.insert(feeSchedule).values(
        network.services.map((s) => ({
          consulateId,
          serviceId: serviceIdByCode.get(s.code)!,
          amountMinor: demoFee(s.demoFeeMadMinor, consulate),
          effectiveFrom: today,
          isDemoValue: true,
          note: 'demo fee',
        })),
      );
    }

    await tx.insert(closures).values([
      ...network.nationalFixedHolidays.map((h) => ({
        scope: 'national' as const,
        recurringMonth: h.month,
        recurringDay: h.day,
        name: h.name,
      })),
      ...network.nationalIslamicHolidays.map((h) => ({ scope: 'national' as const, date: h.date, name: h.name })),
      ...Object.entries(network.hostCountryHolidays).flatMap(([country, holidays]) =>
        holidays.map((h) => ({ scope: 'host_country' as const, country, date: h.date, name: h.name })),
      ),
    ]);

    const consulateIds = new Map(
      (await tx.select({ id: consulates.id, code: consulates.code }).from(consulates)).map((c) => [c.code, c.id]),
    );
    for (const [index, demo] of demoAccounts.entries()) {
      // The id is chosen here: the sealed secret is bound to it.
      const id = randomUUID();
      const sealingKey = demo.role === 'citizen' ? undefined : deps.keys?.documentMasterKey;
      const [account] = await tx
        .insert(accounts)
        .values({
          id,
          email: demo.email,
          passwordHash: passwordHashes[index]!,
          role: demo.role,
          consulateId: demo.consulateCode ? consulateIds.get(demo.consulateCode)! : null,
          locale: demo.role === 'citizen' && index === 1 ? 'ar' : 'fr',
          // Demo accounts are ready to use: their (example) addresses count as confirmed.
          emailVerifiedAt: clock.now(),
          totpSecretSealed: sealingKey ? sealTotpSecret(sealingKey, id, DEMO_TOTP_SECRET) : null,
          totpEnrolledAt: sealingKey ? clock.now() : null,
        })
        .returning({ id: accounts.id });
      if (demo.role === 'citizen') {
        await tx.insert(persons).values({
          accountId: account!.id,
          relation: 'self',
          givenNameLatin: demo.givenNameLatin!,
          familyNameLatin: demo.familyNameLatin!,
          givenNameArabic: demo.givenNameArabic,
          familyNameArabic: demo.familyNameArabic,
          birthDate: demo.birthDate ?? null,
        });
      }
      const staffed = (demo.departmentKinds ?? [])
        .map((kind) => departmentIds.get(`${demo.consulateCode}:${kind}`))
        .filter((id): id is string => id !== undefined);
      if (staffed.length > 0) {
        await tx
          .insert(staffDepartments)
          .values(staffed.map((departmentId) => ({ accountId: account!.id, departmentId })));
      }
    }
    await recordAudit(tx, {
      actorAccountId: null,
      action: 'network.demo_seeded',
      entityType: 'network',
      entityId: 'demo',
      after: { consulates: network.consulates.length, services: network.services.length },
      at: clock.now(),
    });
  });
  const slots = await materializeAllSlots(deps);
  return { seeded: true, consulates: network.consulates.length, slots };
}
