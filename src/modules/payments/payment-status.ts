import { AppError } from '../../platform/errors.ts';

/**
 * A payment from its creation to its money: pending while the citizen is on the gateway's page;
 * succeeded only on the gateway's server-to-server word (or a status query). A failure is not final
 * while the order is open — the citizen may try another card — so failed → succeeded is allowed, and
 * a late success also wins over an expiry or a cancellation (the card was charged).
 */
export const paymentStatuses = [
  'created',
  'pending',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
  'partially_refunded',
  'refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

const transitions: Record<PaymentStatus, readonly PaymentStatus[]> = {
  created: ['pending', 'succeeded', 'failed', 'cancelled', 'expired'],
  pending: ['succeeded', 'failed', 'cancelled', 'expired'],
  failed: ['succeeded', 'failed', 'cancelled', 'expired'],
  cancelled: ['succeeded'],
  expired: ['succeeded'],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
};

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return transitions[from].includes(to);
}

export function assertPaymentTransition(from: PaymentStatus, to: PaymentStatus): void {
  if (!canTransitionPayment(from, to)) {
    throw new AppError('PAYMENT_TRANSITION_REFUSED', 409, `A payment that is ${from} cannot become ${to}.`);
  }
}

export function paymentStatusesLeadingTo(to: PaymentStatus): PaymentStatus[] {
  return paymentStatuses.filter((from) => transitions[from].includes(to));
}

/** Stamps: valid once paid, consumed once at the counter, refunded instead of consumed. */
export const stampStatuses = ['valid', 'consumed', 'refunded'] as const;
export type StampStatus = (typeof stampStatuses)[number];

const stampTransitions: Record<StampStatus, readonly StampStatus[]> = {
  valid: ['consumed', 'refunded'],
  consumed: [],
  refunded: [],
};

export function canTransitionStamp(from: StampStatus, to: StampStatus): boolean {
  return stampTransitions[from].includes(to);
}

export function assertStampTransition(from: StampStatus, to: StampStatus): void {
  if (!canTransitionStamp(from, to)) {
    throw new AppError('STAMP_TRANSITION_REFUSED', 409, `A stamp that is ${from} cannot become ${to}.`);
  }
}
