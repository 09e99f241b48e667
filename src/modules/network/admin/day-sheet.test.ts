import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, type TestContext } from '../../../test/harness.ts';
import { extractPdfText } from '../../reception/convocation-pdf.test-support.ts';
import { adminTestKit, expectProblem } from './admin.test-support.ts';

const DAY = '2026-12-15';
// Arabic may come back from a PDF as presentation forms: compare the compatibility forms.
const normalized = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ');

describe.each(engines)('the day’s appointments by department, and printed, on %s', (engine) => {
  let ctx: TestContext;
  let kit: Awaited<ReturnType<typeof adminTestKit>>;
  let amina: { id: string; reference: string };
  let karim: { id: string; reference: string };
  let lucie: { id: string; reference: string };
  let montreal: { id: string; reference: string; localTime: string };
  let passport: string;
  let legalization: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    kit = await adminTestKit(ctx);
    passport = ctx.ids.departments['PAR:passport']!;
    legalization = ctx.ids.departments['PAR:legalization']!;
    const people = await makeCitizens(ctx, 4);
    const names = [
      ['Amina', 'Benali', 'أمينة', 'بنعلي'],
      ['Karim', 'Haddad', null, null],
      ['Lucie', 'Martin', null, null],
      ['Youssef', 'Idrissi', 'يوسف', 'الإدريسي'],
    ] as const;
    for (const [i, [given, family, givenArabic, familyArabic]] of names.entries()) {
      await ctx.db.execute(
        sql`UPDATE persons SET given_name_latin = ${given}, family_name_latin = ${family},
              given_name_arabic = ${givenArabic}, family_name_arabic = ${familyArabic}
            WHERE id = ${people[i]!.personId}`,
      );
    }
    const passportTimes = await kit.timesOn('PAR', 'passport', DAY);
    amina = await kit.book(people[0]!.cookie, 'PAR', 'passport', passportTimes.find((t) => t.time === '08:30')!.slotId);
    karim = await kit.book(people[1]!.cookie, 'PAR', 'passport', passportTimes.find((t) => t.time === '09:10')!.slotId);
    lucie = await kit.book(people[2]!.cookie, 'PAR', 'copy', (await kit.timesOn('PAR', 'copy', DAY))[0]!.slotId);
    montreal = await kit.book(
      people[3]!.cookie,
      'MTL',
      'passport',
      (await kit.timesOn('MTL', 'passport', DAY))[0]!.slotId,
    );
    const cancelled = await kit.call(
      'POST',
      kit.adminUrl('PAR', `/appointments/${karim.id}/cancel`),
      kit.cookies.adminPar,
      {
        reason: 'The applicant asked by telephone',
      },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const dayIds = async (cookie: string, query: string) => {
    const response = await kit.call('GET', kit.adminUrl('PAR', `/appointments?date=${DAY}${query}`), cookie);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { appointments: { id: string }[] }).appointments.map((x) => x.id);
  };
  const pdfText = async (consulate: 'PAR' | 'MTL', cookie: string, query: string) => {
    const response = await kit.call('GET', kit.adminUrl(consulate, `/appointments.pdf?date=${DAY}${query}`), cookie);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return normalized(await extractPdfText(response.rawPayload));
  };

  it('filters the day list by department, within an agent’s own departments', async () => {
    // By time (Amina and Lucie both at 08:30, then by reference), every department.
    const all = await dayIds(kit.cookies.adminPar, '');
    expect([...all].sort()).toEqual([amina.id, lucie.id, karim.id].sort());
    expect(all[2]).toBe(karim.id);
    expect(await dayIds(kit.cookies.adminPar, `&departmentId=${passport}`)).toEqual([amina.id, karim.id]);
    expect(await dayIds(kit.cookies.adminPar, `&departmentId=${legalization}`)).toEqual([lucie.id]);
    // agent.par works in the passport department only.
    expect(await dayIds(kit.cookies.agentPar, '')).toEqual([amina.id, karim.id]);
    expect(await dayIds(kit.cookies.agentPar, `&departmentId=${legalization}`)).toEqual([]);
    // Each person is named, in both scripts when known.
    const listed = await kit.call('GET', kit.adminUrl('PAR', `/appointments?date=${DAY}`), kit.cookies.adminPar);
    const people = (listed.json() as { appointments: { person: { familyNameLatin: string } }[] }).appointments;
    expect(people.every((a) => a.person.familyNameLatin.length > 0)).toBe(true);
    expectProblem(
      await kit.call(
        'GET',
        kit.adminUrl('PAR', `/appointments?date=${DAY}&departmentId=${ctx.ids.departments['DXB:passport']}`),
        kit.cookies.adminPar,
      ),
      404,
      'DEPARTMENT_NOT_FOUND',
    );
  });

  it('prints a department’s day: names in both scripts, local times, references, services and statuses', async () => {
    const text = await pdfText('PAR', kit.cookies.adminPar, `&departmentId=${passport}&lang=fr`);
    for (const expected of [
      'Rendez-vous du jour',
      'Service des passeports',
      'Amina Benali',
      normalized('أمينة بنعلي'),
      amina.reference,
      '08:30',
      'Réservé',
      'Karim Haddad',
      karim.reference,
      '09:10',
      'Annulé par le consulat',
      'Passeport biométrique',
      'Europe/Paris',
    ]) {
      expect(text).toContain(expected);
    }
    // Another department's appointments are not on it.
    expect(text).not.toContain('Lucie Martin');
    expect(text).not.toContain('Service des légalisations');
  });

  it('prints every department the reader sees, in Arabic right to left, and an agent only theirs', async () => {
    const arabic = await pdfText('PAR', kit.cookies.adminPar, '&lang=ar');
    for (const expected of [
      'مواعيد اليوم',
      'مصلحة جوازات السفر',
      'مصلحة المصادقة على الوثائق',
      'محجوز',
      'ألغته القنصلية',
    ]) {
      expect(arabic).toContain(normalized(expected));
    }
    expect(arabic).toContain('Amina Benali');
    expect(arabic).toContain('Lucie Martin');
    expect(arabic).toContain(lucie.reference);

    const byAgent = await pdfText('PAR', kit.cookies.agentPar, '&lang=en');
    expect(byAgent).toContain('Appointments of the day');
    expect(byAgent).toContain('Amina Benali');
    expect(byAgent).not.toContain('Lucie Martin');

    const none = await pdfText('PAR', kit.cookies.agentPar, `&departmentId=${legalization}&lang=es`);
    expect(none).toContain('Citas del día');
    expect(none).toContain('No hay citas este día.');
  });

  it('prints times in the consulate’s own zone', async () => {
    const text = await pdfText('MTL', kit.cookies.hq, '&lang=en');
    // 09:00 in Montréal is 14:00 UTC.
    expect(montreal.localTime).toBe('09:00');
    expect(text).toContain('09:00');
    expect(text).not.toContain('14:00');
    expect(text).toContain('America/Toronto');
    expect(text).toContain('Youssef Idrissi');
    expect(text).toContain(normalized('يوسف الإدريسي'));
    expect(text).toContain(montreal.reference);
  });

  it('answers 404 to another consulate’s staff, 403 to citizens, 401 without a session, 400 to a bad date', async () => {
    const audit = await countRows(ctx, 'audit_events');
    for (const path of [`/appointments?date=${DAY}`, `/appointments.pdf?date=${DAY}`]) {
      expectProblem(await kit.call('GET', kit.adminUrl('PAR', path), kit.cookies.adminDxb), 404, 'CONSULATE_NOT_FOUND');
      expectProblem(await kit.call('GET', kit.adminUrl('PAR', path), kit.cookies.citizen), 403, 'FORBIDDEN');
      expectProblem(await kit.call('GET', kit.adminUrl('PAR', path), undefined), 401, 'UNAUTHENTICATED');
    }
    expectProblem(
      await kit.call('GET', kit.adminUrl('PAR', '/appointments.pdf?date=15/12/2026'), kit.cookies.adminPar),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await kit.call('GET', kit.adminUrl('PAR', `/appointments.pdf?date=${DAY}&lang=de`), kit.cookies.adminPar),
      400,
      'VALIDATION_FAILED',
    );
    expect(await countRows(ctx, 'audit_events')).toBe(audit);
  });
});
