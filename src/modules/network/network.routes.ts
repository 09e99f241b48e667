import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { getConsulate, listCatalogue, listConsulates, listOfferedServices } from './network.queries.ts';
import {
  consulateListSchema,
  consulateParams,
  consulateSchema,
  offeredServiceListSchema,
  serviceListSchema,
} from './network.schemas.ts';

/** Public reading of the network: anyone may see consulates, services, documents and fees. */
export function networkRoutes(app: App, deps: AppDeps) {
  const { db } = deps;

  app.get(
    '/api/v1/consulates',
    {
      schema: {
        tags: ['network'],
        summary: 'Every consulate of the network, with its time zone and currency',
        response: { 200: consulateListSchema },
      },
    },
    async () => ({ consulates: await listConsulates(db) }),
  );

  app.get(
    '/api/v1/consulates/:consulateId',
    {
      schema: { tags: ['network'], params: consulateParams, response: { 200: consulateSchema, ...problems(400, 404) } },
    },
    async (request) => getConsulate(db, request.params.consulateId),
  );

  app.get(
    '/api/v1/consulates/:consulateId/services',
    {
      schema: {
        tags: ['network'],
        summary: 'Services a consulate offers: documents required, fee, duration, booking rules',
        params: consulateParams,
        response: { 200: offeredServiceListSchema, ...problems(400, 404) },
      },
    },
    async (request) => ({
      services: await listOfferedServices(db, request.params.consulateId),
    }),
  );

  app.get(
    '/api/v1/services',
    {
      schema: { tags: ['network'], summary: 'The national service catalogue', response: { 200: serviceListSchema } },
    },
    async () => ({ services: await listCatalogue(db) }),
  );
}
