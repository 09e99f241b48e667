import { requirePrincipal, requireRole } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { loadAuditTrail } from './audit-trail.ts';
import { auditChainState } from './chain-state.ts';
import {
  appointmentHistoryParams,
  auditTrailSchema,
  chainStateQuery,
  chainStateSchema,
  paymentHistoryParams,
  requestHistoryParams,
  stampHistoryParams,
} from './history.schemas.ts';
import { type RecordKind, recordInScope } from './record-scope.ts';

/** Every record's history (its audit trail) for staff, and the audit chain's state for headquarters. */
export function historyRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions } = deps;
  const schema = (summary: string) => ({
    tags: ['history'],
    summary,
    response: { 200: auditTrailSchema, ...problems(400, 401, 403, 404) },
  });
  const trail = async (request: Parameters<typeof requirePrincipal>[1], kind: RecordKind, key: string) => {
    const principal = await requirePrincipal(sessions, request);
    const record = await recordInScope(db, principal, kind, key);
    const { events, isTruncated } = await loadAuditTrail(db, record);
    return { entityType: kind, entityId: record.id, events, isTruncated };
  };

  app.get(
    '/api/v1/staff/requests/:requestId/history',
    { schema: { ...schema('A request’s audit trail, with its documents’'), params: requestHistoryParams } },
    async (request) => trail(request, 'request', request.params.requestId),
  );
  app.get(
    '/api/v1/staff/appointments/:appointmentId/history',
    { schema: { ...schema('An appointment’s audit trail, with its tickets’'), params: appointmentHistoryParams } },
    async (request) => trail(request, 'appointment', request.params.appointmentId),
  );
  app.get(
    '/api/v1/staff/payments/:paymentId/history',
    { schema: { ...schema('A payment’s audit trail, with its gateway order’s'), params: paymentHistoryParams } },
    async (request) => trail(request, 'payment', request.params.paymentId),
  );
  app.get(
    '/api/v1/staff/stamps/:number/history',
    { schema: { ...schema('A stamp’s audit trail, by its number'), params: stampHistoryParams } },
    async (request) => trail(request, 'stamp', request.params.number),
  );

  app.get(
    '/api/v1/hq/audit/chain',
    {
      schema: {
        tags: ['history'],
        summary: 'The audit chain: last seal, events sealed and waiting, the newest seals verified',
        querystring: chainStateQuery,
        response: { 200: chainStateSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'hq_admin');
      return auditChainState({ db, now: clock.now() }, request.query.seals);
    },
  );
}
