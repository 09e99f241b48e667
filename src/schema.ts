// Every table, for drizzle-kit and for typed queries. Modules own their tables; this only gathers them.
export * from './modules/accounts/accounts.tables.ts';
export * from './modules/documents/documents.tables.ts';
export * from './modules/network/network.tables.ts';
export * from './modules/notifications/notifications.tables.ts';
export * from './modules/payments/payments.tables.ts';
export * from './modules/payments/reconciliation/reconciliation.tables.ts';
export * from './modules/reception/reception.tables.ts';
export * from './modules/reporting/reporting.tables.ts';
export * from './modules/requests/requests.tables.ts';
export * from './modules/scheduling/scheduling.tables.ts';
export * from './platform/audit.tables.ts';
export * from './platform/idempotency.tables.ts';
export * from './platform/outbox.tables.ts';
