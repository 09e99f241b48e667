// What other modules and processes may use of payments: online and counter payments (routes,
// gateways, the expiry job), stamps after payment (verification, receipts, consumption, refunds)
// and the treasury's view.
export { consumeStamp } from './consume-stamp.ts';
export { type ExpiryReport, expirePayments } from './expire-payments.ts';
export type { GatewayName, PaymentGateway } from './gateways/gateway.ts';
export { paymentsRoutes } from './payments.routes.ts';
export { paymentGatewayOf, paymentsRuntimeOf } from './payments-runtime.ts';
export { queryPaymentStatus } from './query-payment-status.ts';
export { dailyReconciliation } from './reconciliation/daily-report.ts';
export { refundAfterConsulateCancellation, refundPayment } from './refund-payment.ts';
export { stampsRoutes } from './stamps.routes.ts';
export { treasuryRoutes } from './treasury.routes.ts';
