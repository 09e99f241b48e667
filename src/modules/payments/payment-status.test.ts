import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  assertPaymentTransition,
  canTransitionPayment,
  type PaymentStatus,
  paymentStatuses,
  paymentStatusesLeadingTo,
} from './payment-status.ts';

// The business rules, written out independently of the table in payment-status.ts.
const EXPECTED: Record<PaymentStatus, PaymentStatus[]> = {
  // The form is handed out (pending); a counter payment succeeds at once.
  created: ['pending', 'succeeded', 'failed', 'cancelled', 'expired'],
  pending: ['succeeded', 'failed', 'cancelled', 'expired'],
  // A failure is not final: the citizen may try another card, and fail again.
  failed: ['succeeded', 'failed', 'cancelled', 'expired'],
  // A late success wins over an expiry or a cancellation: the card was charged.
  cancelled: ['succeeded'],
  expired: ['succeeded'],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
};

describe('payment statuses', () => {
  const pairs = paymentStatuses.flatMap((from) => paymentStatuses.map((to) => [from, to] as const));

  it('walks every pair of statuses through the transition table', () => {
    expect(pairs).toHaveLength(64);
    for (const [from, to] of pairs) {
      const isAllowed = EXPECTED[from].includes(to);
      expect(canTransitionPayment(from, to), `${from} → ${to}`).toBe(isAllowed);
      if (isAllowed) {
        expect(() => assertPaymentTransition(from, to)).not.toThrow();
      } else {
        const error = (() => {
          try {
            assertPaymentTransition(from, to);
          } catch (caught) {
            return caught;
          }
          return null;
        })();
        expect(error, `${from} → ${to}`).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: 'PAYMENT_TRANSITION_REFUSED', status: 409 });
      }
    }
  });

  it('names, for each status, the statuses the conditional UPDATE may start from', () => {
    for (const to of paymentStatuses) {
      const expected = paymentStatuses.filter((from) => EXPECTED[from].includes(to));
      expect(paymentStatusesLeadingTo(to), to).toEqual(expected);
    }
    expect(paymentStatusesLeadingTo('succeeded')).toEqual(['created', 'pending', 'failed', 'cancelled', 'expired']);
    expect(paymentStatusesLeadingTo('created')).toEqual([]);
  });

  it('never takes a paid payment back to an unpaid status', () => {
    const paid: PaymentStatus[] = ['succeeded', 'partially_refunded', 'refunded'];
    const unpaid: PaymentStatus[] = ['created', 'pending', 'failed', 'cancelled', 'expired'];
    for (const from of paid)
      for (const to of unpaid) expect(canTransitionPayment(from, to), `${from} → ${to}`).toBe(false);
  });
});
