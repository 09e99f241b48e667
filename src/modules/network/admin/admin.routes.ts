import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { assertConsulateScope, type Principal, requirePrincipal, requireRole } from '../../../platform/auth.ts';
import { AppError } from '../../../platform/errors.ts';
import { type App, type AppDeps, problems } from '../../../platform/http.ts';
import {
  appointmentListSchema,
  appointmentSchema,
  cancelAppointment,
  getAppointment,
  listConsulateDay,
  listSlotConflicts,
  presentAppointment,
} from '../../scheduling/index.ts';
import { getConsulate } from '../network.queries.ts';
import { departments, openingHours } from '../network.tables.ts';
import {
  addClosureBody,
  adminAppointmentParams,
  adminClosureParams,
  adminConsulateParams,
  adminDepartmentParams,
  adminServiceParams,
  calendarChangeSchema,
  closureSchema,
  conflictSchema,
  dayQuery,
  departmentsSchema,
  reasonBody,
  setHoursBody,
  updateOfferBody,
} from './admin.schemas.ts';
import { addClosure, listClosures, removeClosure, setOpeningHours } from './calendar-admin.ts';
import { updateOffer } from './update-offer.ts';

/** A consulate's own settings: hours, capacity, closures, offer; and its day of appointments. */
export function adminRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, availability } = deps;

  async function staff(
    request: Parameters<typeof requirePrincipal>[1],
    consulateId: string,
    ...roles: Principal['role'][]
  ) {
    const principal = await requirePrincipal(sessions, request);
    requireRole(principal, ...roles);
    assertConsulateScope(principal, consulateId);
    // Network-wide roles pass the scope check for any id: make sure the consulate exists.
    await getConsulate(db, consulateId);
    return principal;
  }
  const afterCalendarChange = (departmentIds: string[]) => {
    for (const id of departmentIds) availability.invalidateDepartment(id);
  };

  app.get(
    '/api/v1/admin/consulates/:consulateId/departments',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Departments and their weekly opening hours',
        params: adminConsulateParams,
        response: { 200: departmentsSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin', 'consular_agent');
      const rows = await db
        .select()
        .from(departments)
        .where(eq(departments.consulateId, request.params.consulateId))
        .orderBy(asc(departments.kind));
      const hours = rows.length
        ? await db
            .select()
            .from(openingHours)
            .where(
              inArray(
                openingHours.departmentId,
                rows.map((d) => d.id),
              ),
            )
            .orderBy(asc(openingHours.weekday), asc(openingHours.opensAt))
        : [];
      return {
        departments: rows.map((d) => ({
          id: d.id,
          kind: d.kind,
          name: d.name,
          hours: hours
            .filter((h) => h.departmentId === d.id)
            .map(({ id: _id, departmentId: _d, ...h }) => ({
              ...h,
              opensAt: h.opensAt.slice(0, 5),
              closesAt: h.closesAt.slice(0, 5),
            })),
        })),
      };
    },
  );

  app.put(
    '/api/v1/admin/consulates/:consulateId/departments/:departmentId/opening-hours',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Replace a department’s weekly hours; slots follow, stranded appointments are listed',
        params: adminDepartmentParams,
        body: setHoursBody,
        response: { 200: calendarChangeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin');
      const change = await setOpeningHours(
        { db, clock },
        { actorAccountId: principal.accountId, ...request.params, hours: request.body.hours },
      );
      afterCalendarChange(change.departmentIds);
      return change;
    },
  );

  app.get(
    '/api/v1/admin/consulates/:consulateId/closures',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Closures that apply: national holidays, host-country holidays, the consulate’s own',
        params: adminConsulateParams,
        response: { 200: z.object({ closures: z.array(closureSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin', 'consular_agent');
      const consulate = await getConsulate(db, request.params.consulateId);
      return { closures: await listClosures(db, consulate) };
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/closures',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Close the consulate, or one department, on a date',
        params: adminConsulateParams,
        body: addClosureBody,
        response: {
          201: calendarChangeSchema.extend({ closureId: z.uuid() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const principal = await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin');
      const change = await addClosure(
        { db, clock },
        { actorAccountId: principal.accountId, consulateId: request.params.consulateId, ...request.body },
      );
      afterCalendarChange(change.departmentIds);
      return reply.status(201).send(change);
    },
  );

  app.delete(
    '/api/v1/admin/consulates/:consulateId/closures/:closureId',
    {
      schema: {
        tags: ['consulate admin'],
        params: adminClosureParams,
        response: { 200: calendarChangeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin');
      const change = await removeClosure({ db, clock }, { actorAccountId: principal.accountId, ...request.params });
      afterCalendarChange(change.departmentIds);
      return change;
    },
  );

  app.patch(
    '/api/v1/admin/consulates/:consulateId/services/:serviceId',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Change the offer of a service: enabled, fee, horizon, notice, cut-off',
        params: adminServiceParams,
        body: updateOfferBody,
        response: { 200: calendarChangeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin');
      const { departmentId, conflicts } = await updateOffer(
        { db, clock },
        { actorAccountId: principal.accountId, ...request.params, change: request.body },
      );
      availability.invalidateAll();
      return { departmentIds: [departmentId], conflicts };
    },
  );

  app.get(
    '/api/v1/admin/consulates/:consulateId/conflicts',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Appointments that changed hours, capacity or closures no longer allow',
        params: adminConsulateParams,
        response: { 200: z.object({ conflicts: z.array(conflictSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin', 'consular_agent');
      return {
        conflicts: await listSlotConflicts(db, { consulateId: request.params.consulateId, from: clock.now() }),
      };
    },
  );

  app.get(
    '/api/v1/admin/consulates/:consulateId/appointments',
    {
      schema: {
        tags: ['consular agent'],
        summary: 'The appointments of one local day (an agent sees their departments)',
        params: adminConsulateParams,
        querystring: dayQuery,
        response: { 200: appointmentListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await staff(
        request,
        request.params.consulateId,
        'consular_agent',
        'consulate_admin',
        'hq_admin',
        'call_center_agent',
      );
      const consulate = await getConsulate(db, request.params.consulateId);
      const rows = await listConsulateDay(db, {
        consulateId: consulate.id,
        timeZone: consulate.timeZone,
        date: request.query.date,
        departmentIds: principal.role === 'consular_agent' ? principal.departmentIds : undefined,
      });
      return { appointments: rows.map(presentAppointment) };
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/appointments/:appointmentId/cancel',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Cancel an appointment on the consulate’s side, with a reason (e.g. to resolve a conflict)',
        params: adminAppointmentParams,
        body: reasonBody,
        response: { 200: appointmentSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = await staff(request, request.params.consulateId, 'consulate_admin', 'hq_admin');
      const existing = await getAppointment(db, request.params.appointmentId, {
        consulateId: request.params.consulateId,
      });
      if (!existing) throw new AppError('APPOINTMENT_NOT_FOUND', 404, 'No such appointment in this consulate.');
      const row = await cancelAppointment(
        { db, clock },
        {
          actor: {
            accountId: principal.accountId,
            onBehalfOfAccountId: existing.account_id,
            reason: request.body.reason,
          },
          appointmentId: existing.id,
          ownerAccountId: null,
          by: 'cancelled_by_consulate',
        },
      );
      availability.invalidateDepartment(row.department_id);
      return presentAppointment(row);
    },
  );
}
