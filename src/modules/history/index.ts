// What other modules and the process entry points may use of history.

export { changesOf, loadAuditTrail, type TrailEvent } from './audit-trail.ts';
export { auditChainState, type ChainState } from './chain-state.ts';
export { historyRoutes } from './history.routes.ts';
export { type RecordKind, recordInScope } from './record-scope.ts';
