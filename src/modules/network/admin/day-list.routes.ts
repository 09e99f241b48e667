import { z } from 'zod';
import type { Principal } from '../../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../../platform/http.ts';
import { isLocale, type Locale, locales } from '../../../platform/i18n/i18n.ts';
import { appointmentSchema, listConsulateDay, presentAppointment } from '../../scheduling/index.ts';

// The day list names each person, in both scripts (the desk and the printed sheet read them).
const dayAppointmentListSchema = z.object({
  appointments: z.array(
    appointmentSchema.extend({
      person: z.object({
        givenNameLatin: z.string(),
        familyNameLatin: z.string(),
        givenNameArabic: z.string().nullable(),
        familyNameArabic: z.string().nullable(),
      }),
    }),
  ),
});

import { consulateReaders, consulateStaff } from './admin.policy.ts';
import { adminConsulateParams, dayQuery } from './admin.schemas.ts';
import { departmentOfConsulate } from './calendar-admin.ts';
import { listDaySheet } from './list-day-sheet.ts';
import { renderDaySheet } from './render-day-sheet.ts';

const dayReaders: Principal['role'][] = [...consulateReaders, 'call_center_agent'];
const daySheetQuery = dayQuery.extend({
  lang: z.enum(locales).optional().describe('The language of the page; the account’s language when omitted'),
});

/** The appointments of one local day, as data and as a page to print for the desk. */
export function dayListRoutes(app: App, deps: AppDeps) {
  const { db, clock } = deps;
  const staff = consulateStaff(deps);

  /**
   * The departments the caller sees that day: a consular agent their own, others all; narrowed to
   * one department when asked (404 if it is not this consulate's).
   */
  async function departmentsSeen(principal: Principal, consulateId: string, departmentId: string | undefined) {
    if (departmentId) await departmentOfConsulate(db, consulateId, departmentId);
    const own = principal.role === 'consular_agent' ? principal.departmentIds : undefined;
    if (!departmentId) return own;
    return own && !own.includes(departmentId) ? [] : [departmentId];
  }

  app.get(
    '/api/v1/admin/consulates/:consulateId/appointments',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'The appointments of one local day, optionally of one department (an agent sees their departments)',
        params: adminConsulateParams,
        querystring: dayQuery,
        response: { 200: dayAppointmentListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal, consulate } = await staff(request, request.params.consulateId, dayReaders);
      const rows = await listConsulateDay(db, {
        consulateId: consulate.id,
        timeZone: consulate.timeZone,
        date: request.query.date,
        departmentIds: await departmentsSeen(principal, consulate.id, request.query.departmentId),
      });
      return {
        appointments: rows.map((row) => ({
          ...presentAppointment(row),
          person: {
            givenNameLatin: row.given_name_latin,
            familyNameLatin: row.family_name_latin,
            givenNameArabic: row.given_name_arabic,
            familyNameArabic: row.family_name_arabic,
          },
        })),
      };
    },
  );

  app.get(
    '/api/v1/admin/consulates/:consulateId/appointments.pdf',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'The day’s appointments as a PDF to print: by department, names in both scripts, local times',
        params: adminConsulateParams,
        querystring: daySheetQuery,
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { principal, consulate } = await staff(request, request.params.consulateId, dayReaders);
      const { date, departmentId, lang } = request.query;
      const departments = await listDaySheet(db, {
        consulateId: consulate.id,
        timeZone: consulate.timeZone,
        date,
        departmentIds: await departmentsSeen(principal, consulate.id, departmentId),
      });
      const locale: Locale = lang ?? (isLocale(principal.locale) ? principal.locale : 'fr');
      const pdf = await renderDaySheet({ consulate, date, departments, locale, printedAt: clock.now() });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="appointments-${consulate.code}-${date}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as never);
    },
  );
}
