import { type App, type AppDeps, problems } from '../../../platform/http.ts';
import { listConsulateOffer } from '../network.queries.ts';
import { consulateOfferListSchema } from '../network.schemas.ts';
import { consulateAdmins, consulateReaders, consulateStaff } from './admin.policy.ts';
import { adminConsulateParams, adminServiceParams, calendarChangeSchema, updateOfferBody } from './admin.schemas.ts';
import { waitingRoomBody, waitingRoomSchema } from './offer.schemas.ts';
import { getWaitingRoomCapacity, setWaitingRoomCapacity } from './set-waiting-room-capacity.ts';
import { updateOffer } from './update-offer.ts';

/** What a consulate offers (fees, booking rules, walk-ins) and its waiting room. */
export function offerRoutes(app: App, deps: AppDeps) {
  const { db, clock, availability } = deps;
  const staff = consulateStaff(deps);

  app.get(
    '/api/v1/admin/consulates/:consulateId/services',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Every service the consulate offers, enabled or not, with its fee, booking rules and walk-ins',
        params: adminConsulateParams,
        response: { 200: consulateOfferListSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await staff(request, request.params.consulateId, consulateReaders);
      return { services: await listConsulateOffer(db, request.params.consulateId) };
    },
  );

  app.patch(
    '/api/v1/admin/consulates/:consulateId/services/:serviceId',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Change the offer of a service: enabled, fee, horizon, notice, cut-off, walk-ins',
        params: adminServiceParams,
        body: updateOfferBody,
        response: { 200: calendarChangeSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal } = await staff(request, request.params.consulateId, consulateAdmins);
      const { departmentId, conflicts } = await updateOffer(
        { db, clock },
        { actorAccountId: principal.accountId, ...request.params, change: request.body },
      );
      availability.invalidateAll();
      return { departmentIds: [departmentId], conflicts };
    },
  );

  app.get(
    '/api/v1/admin/consulates/:consulateId/waiting-room',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'The waiting room’s capacity',
        params: adminConsulateParams,
        response: { 200: waitingRoomSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { consulate } = await staff(request, request.params.consulateId, consulateReaders);
      return { consulateId: consulate.id, capacity: await getWaitingRoomCapacity(db, consulate.id) };
    },
  );

  app.put(
    '/api/v1/admin/consulates/:consulateId/waiting-room',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Set how many people the waiting room holds',
        params: adminConsulateParams,
        body: waitingRoomBody,
        response: { 200: waitingRoomSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { principal, consulate } = await staff(request, request.params.consulateId, consulateAdmins);
      const capacity = await setWaitingRoomCapacity(
        { db, clock },
        { actorAccountId: principal.accountId, consulateId: consulate.id, capacity: request.body.capacity },
      );
      return { consulateId: consulate.id, capacity };
    },
  );
}
