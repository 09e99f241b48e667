import { useQuery } from '@tanstack/react-query';
import { api, apiLanguage } from '../../../api/client.ts';
import type { DecisionReason, RequestDetail, RequestSummary, UploadedDocument } from '../../../api/types.ts';

export const requestKey = (requestId: string | undefined) => ['requests', requestId] as const;

export function useRequests() {
  return useQuery({
    queryKey: ['requests'],
    queryFn: async () => (await api<{ requests: RequestSummary[] }>('/api/v1/requests')).requests,
  });
}

export function useRequest(requestId: string | undefined) {
  return useQuery({
    queryKey: requestKey(requestId),
    queryFn: () => api<RequestDetail>(`/api/v1/requests/${requestId}`),
    enabled: Boolean(requestId),
  });
}

/** The files uploaded to a request (under the request's key: an upload refreshes them too). */
export function useRequestDocuments(requestId: string | undefined) {
  return useQuery({
    queryKey: [...requestKey(requestId), 'documents'],
    queryFn: async () =>
      (await api<{ documents: UploadedDocument[] }>(`/api/v1/requests/${requestId}/documents`)).documents,
    enabled: Boolean(requestId),
  });
}

/** The reason templates, translated by the server (read again when the language changes). */
export function useDecisionReasons(isNeeded: boolean) {
  return useQuery({
    queryKey: ['translated', 'decision-reasons', apiLanguage()],
    queryFn: async () => (await api<{ reasons: DecisionReason[] }>('/api/v1/decision-reasons')).reasons,
    enabled: isNeeded,
    staleTime: 60 * 60_000,
  });
}
