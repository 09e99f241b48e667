import { z } from 'zod';
import { type App, type AppDeps, problems } from '../../../platform/http.ts';
import { consulateAdmins, consulateReaders, consulateStaff } from './admin.policy.ts';
import {
  addClosureBody,
  adminClosureParams,
  adminConsulateParams,
  adminDepartmentParams,
  calendarChangeSchema,
  closureSchema,
  departmentsSchema,
  setHoursBody,
} from './admin.schemas.ts';
import { addClosure, listClosures, removeClosure, setOpeningHours } from './calendar-admin.ts';
import { hoursPreviewSchema, previewQuery } from './calendar-preview.schemas.ts';
import { listDepartments } from './list-departments.ts';
import { previewOpeningHours } from './preview-opening-hours.ts';

/** A consulate's calendars: departments and their weekly hours (with a preview), closures. */
export function calendarRoutes(app: App, deps: AppDeps) {
  const { db, clock, availability } = deps;
  const staff = consulateStaff(deps);
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
      await staff(request, request.params.consulateId, consulateReaders);
      return { departments: await listDepartments(db, request.params.consulateId) };
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
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
      const change = await setOpeningHours(
        { db, clock },
        { actorAccountId: principal.accountId, ...request.params, hours: request.body.hours },
      );
      afterCalendarChange(change.departmentIds);
      return change;
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/departments/:departmentId/opening-hours/preview',
    {
      schema: {
        tags: ['consulate admin'],
        summary:
          'What these weekly hours would give, changing nothing: the slots of the next days and the appointments they would strand',
        params: adminDepartmentParams,
        querystring: previewQuery,
        body: setHoursBody,
        response: { 200: hoursPreviewSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
      return previewOpeningHours(
        { db, clock },
        {
          actorAccountId: principal.accountId,
          ...request.params,
          hours: request.body.hours,
          days: request.query.days,
        },
      );
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
      const { consulate } = await staff(request, request.params.consulateId, consulateReaders);
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
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
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
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
      const change = await removeClosure({ db, clock }, { actorAccountId: principal.accountId, ...request.params });
      afterCalendarChange(change.departmentIds);
      return change;
    },
  );
}
