import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

// The payments API (src/modules/payments/payments.schemas.ts), as the portal reads it.
export type PaymentStatus =
  | 'created'
  | 'pending'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'partially_refunded'
  | 'refunded';

export interface Payment {
  id: string;
  orderId: string;
  requestId: string;
  channel: 'online' | 'counter';
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  createdAt: string;
  expiresAt: string | null;
  succeededAt: string | null;
  stampNumber: string | null;
}

export interface RequestPayments {
  payments: Payment[];
  stamp: { number: string; status: string } | null;
}

export interface GatewayForm {
  action: string;
  method: 'POST';
  fields: Record<string, string>;
}

export interface CreatedPayment {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
  expiresAt: string;
  form: GatewayForm;
}

export const paymentsKey = (requestId: string | undefined) => ['requests', requestId, 'payments'] as const;

export function useRequestPayments(requestId: string | undefined, options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: paymentsKey(requestId),
    queryFn: () => api<RequestPayments>(`/api/v1/requests/${requestId}/payments`),
    enabled: Boolean(requestId),
    refetchInterval: options.refetchInterval,
  });
}

export const receiptUrl = (stampNumber: string, locale: string) =>
  `/api/v1/stamps/${encodeURIComponent(stampNumber)}/receipt.pdf?lang=${locale}`;

/** The payment still waiting for the gateway's word, newest first, if any. */
export function openPaymentOf(payments: readonly Payment[]): Payment | undefined {
  return [...payments]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .find((p) => p.status === 'created' || p.status === 'pending');
}
