import { AppError } from '../../../platform/errors.ts';
import { type App, type AppDeps, problems } from '../../../platform/http.ts';
import { consulateAdmins, consulateReaders, consulateStaff } from './admin.policy.ts';
import { adminConsulateParams } from './admin.schemas.ts';
import { departmentOfConsulate } from './calendar-admin.ts';
import {
  counterListSchema,
  counterParams,
  counterSchema,
  counterServicesBody,
  countersQuery,
  createCounterBody,
  updateCounterBody,
} from './counters.schemas.ts';
import { createCounter } from './create-counter.ts';
import { listCounters } from './list-counters.ts';
import { setCounterServices } from './set-counter-services.ts';
import { updateCounter } from './update-counter.ts';

/** The consulate's counters: which exist, their labels, whether in service, and what each serves. */
export function counterAdminRoutes(app: App, deps: AppDeps) {
  const { db, clock } = deps;
  const staff = consulateStaff(deps);

  const counterView = async (consulateId: string, counterId: string) => {
    const [counter] = await listCounters(db, { consulateId, counterId });
    if (!counter) throw new AppError('COUNTER_NOT_FOUND', 404, `No counter ${counterId} in this consulate.`);
    return counter;
  };

  app.get(
    '/api/v1/admin/consulates/:consulateId/counters',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'The counters, by department, with the services each serves',
        params: adminConsulateParams,
        querystring: countersQuery,
        response: { 200: counterListSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { consulateId } = request.params;
      await staff(request, consulateId, consulateReaders);
      const { departmentId } = request.query;
      if (departmentId) await departmentOfConsulate(db, consulateId, departmentId);
      return { counters: await listCounters(db, { consulateId, departmentId }) };
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/counters',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Add a counter to a department (active, serving all its services)',
        params: adminConsulateParams,
        body: createCounterBody,
        response: { 201: counterSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { consulateId } = request.params;
      const { principal } = await staff(request, consulateId, consulateAdmins);
      const counterId = await createCounter(
        { db, clock },
        { actorAccountId: principal.accountId, consulateId, ...request.body },
      );
      return reply.status(201).send(await counterView(consulateId, counterId));
    },
  );

  app.patch(
    '/api/v1/admin/consulates/:consulateId/counters/:counterId',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Rename a counter, or take it out of (or back into) service',
        params: counterParams,
        body: updateCounterBody,
        response: { 200: counterSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { consulateId, counterId } = request.params;
      const { principal } = await staff(request, consulateId, consulateAdmins);
      await updateCounter(
        { db, clock },
        { actorAccountId: principal.accountId, consulateId, counterId, ...request.body },
      );
      return counterView(consulateId, counterId);
    },
  );

  app.put(
    '/api/v1/admin/consulates/:consulateId/counters/:counterId/services',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Set the services a counter serves (some of its department’s; empty: all)',
        params: counterParams,
        body: counterServicesBody,
        response: { 200: counterSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { consulateId, counterId } = request.params;
      const { principal } = await staff(request, consulateId, consulateAdmins);
      await setCounterServices(
        { db, clock },
        { actorAccountId: principal.accountId, consulateId, counterId, serviceIds: request.body.serviceIds },
      );
      return counterView(consulateId, counterId);
    },
  );
}
