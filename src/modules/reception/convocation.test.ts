import { createPublicKey } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { accounts } from '../accounts/accounts.tables.ts';
import { decodePdfQr, extractPdfText } from './convocation-pdf.test-support.ts';
import { verifyConvocationToken } from './convocation-token.ts';
import { book, freeTimes, freshCookie, nameInBothScripts, tamper } from './reception.test-support.ts';

// Arabic is written as letters (not presentation forms); NFKC would fold any presentation form an
// extractor returned back onto the letters, so the comparison does not depend on the extractor.
const normalized = (text: string) => text.normalize('NFKC');

describe.each(engines)('convocations on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const download = (appointmentId: string, cookie?: string, query = '') =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/v1/appointments/${appointmentId}/convocation.pdf${query}`,
      headers: cookie ? { cookie } : {},
    });

  /** A citizen named in both scripts, with an appointment on Wednesday 2 December 2026 in Paris. */
  async function citizenWithAppointment() {
    const [citizen] = await makeCitizens(ctx, 1);
    await nameInBothScripts(ctx, citizen!.personId, {
      givenNameLatin: 'Amina',
      familyNameLatin: 'Benali',
      givenNameArabic: 'أمينة',
      familyNameArabic: 'بنعلي',
    });
    const [time] = await freeTimes(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport, {
      from: '2026-12-02',
      to: '2026-12-02',
    });
    const appointment = await book(ctx, citizen!.cookie, {
      consulateId: ctx.ids.consulates.PAR,
      serviceId: ctx.ids.services.passport,
      slotId: time!.slotId,
    });
    return { citizen: citizen!, appointment };
  }

  it('gives the owner a PDF with the names in both scripts, the reference and the local time, and a QR that verifies', async () => {
    const { citizen, appointment } = await citizenWithAppointment();
    const response = await download(appointment.id, citizen.cookie, '?lang=fr');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="convocation-${appointment.reference}.pdf"`,
    );
    const pdf = response.rawPayload;
    const text = normalized(await extractPdfText(pdf));
    expect(text).toContain('Amina Benali');
    expect(text).toContain(normalized('أمينة بنعلي'));
    expect(text).toContain(appointment.reference);
    const [request] = await queryRows<{ reference: string }>(
      ctx.db,
      sql`SELECT reference FROM requests WHERE id = ${appointment.requestId}`,
    );
    expect(text).toContain(request!.reference);
    expect(text).toContain('mercredi 2 décembre 2026');
    expect(text).toContain(`${appointment.localTime} heure d’Europe centrale`);
    expect(text).toContain('Consulat général du Royaume du Maroc à Paris');

    const keyResponse = await ctx.app.inject({ method: 'GET', url: '/api/v1/convocations/public-key' });
    expect(keyResponse.statusCode).toBe(200);
    expect(keyResponse.json().algorithm).toBe('Ed25519');
    const publicKey = createPublicKey(keyResponse.json().publicKeyPem);
    const token = decodePdfQr(pdf);
    expect(token).not.toBeNull();
    expect(verifyConvocationToken(publicKey, token!)).toEqual({
      v: 1,
      appointmentId: appointment.id,
      reference: appointment.reference,
      consulateCode: 'PAR',
      startsAt: appointment.startsAt,
    });
    expect(verifyConvocationToken(publicKey, tamper(token!))).toBeNull();
  });

  it('is written in the account’s language unless ?lang= asks for another', async () => {
    const { citizen, appointment } = await citizenWithAppointment();
    await ctx.db.update(accounts).set({ locale: 'ar' }).where(eq(accounts.id, citizen.accountId));
    // A new session: the old one's principal (with its language) is cached for a few seconds.
    const cookie = await freshCookie(ctx, citizen.accountId);
    const arabic = normalized(await extractPdfText((await download(appointment.id, cookie)).rawPayload));
    expect(arabic).toContain(normalized('مرجع الموعد'));
    expect(arabic).toContain(normalized('أمينة بنعلي'));
    expect(arabic).toContain('Amina Benali');
    expect(arabic).toContain(appointment.reference);
    const spanish = await extractPdfText((await download(appointment.id, cookie, '?lang=es')).rawPayload);
    expect(spanish).toContain('Referencia de la cita');
    expect(spanish).toContain('miércoles, 2 de diciembre de 2026');
    const invalid = await download(appointment.id, cookie, '?lang=de');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
  });

  it('answers 404 to anyone but the owner, and 401 without a session', async () => {
    const { appointment } = await citizenWithAppointment();
    const [stranger] = await makeCitizens(ctx, 1);
    const other = await download(appointment.id, stranger!.cookie);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('APPOINTMENT_NOT_FOUND');
    expect(other.headers['content-type']).toContain('application/problem+json');
    const agent = await signIn(ctx, 'agent.par@mawid.example');
    expect((await download(appointment.id, agent)).statusCode).toBe(404);
    expect((await download('00000000-0000-4000-8000-000000000000', stranger!.cookie)).statusCode).toBe(404);
    expect((await download('not-a-uuid', stranger!.cookie)).statusCode).toBe(400);
    const anonymous = await download(appointment.id);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
  });

  it('has no convocation once the appointment is cancelled', async () => {
    const { citizen, appointment } = await citizenWithAppointment();
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/appointments/${appointment.id}/cancel`,
      headers: { cookie: admin },
      payload: { reason: 'Consulate closed for the day' },
    });
    expect(cancelled.statusCode).toBe(200);
    const response = await download(appointment.id, citizen.cookie);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CONVOCATION_UNAVAILABLE');
  });

  it('publishes the public key as PEM, the same the server signs with', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/convocations/public-key' });
    expect(response.json().publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    expect(response.json().publicKeyPem).toBe(ctx.deps.keys.signingPublicKeyPem);
  });
});
