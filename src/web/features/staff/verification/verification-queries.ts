import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, apiLanguage } from '../../../api/client.ts';
import { countsApiPath, nextApiPath, type QueueFilters, queueApiPath } from './queue-filters.ts';
import type { QueueCounts, QueueEntry, QueuePage, ReasonTemplate, StaffRequest } from './verification-types.ts';

/** Every query of the workspace starts here: a decision or a review refreshes them all. */
export const verificationKey = ['staff', 'verification'] as const;

const queueKeys = {
  list: (consulateId: string, filters: QueueFilters) => [...verificationKey, consulateId, 'queue', filters] as const,
  counts: (consulateId: string, filters: QueueFilters) =>
    [...verificationKey, consulateId, 'counts', filters.serviceId, filters.q] as const,
};
export const staffRequestKey = (requestId: string) => [...verificationKey, 'request', requestId] as const;

/** The queue under some filters, page after page with the API's cursor. */
export function useQueue(consulateId: string, filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: queueKeys.list(consulateId, filters),
    queryFn: ({ pageParam, signal }) => api<QueuePage>(queueApiPath(consulateId, filters, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}

/** How many requests of each status, under the same service and search. */
export function useQueueCounts(consulateId: string, filters: QueueFilters) {
  return useQuery({
    queryKey: queueKeys.counts(consulateId, filters),
    queryFn: async ({ signal }) =>
      (await api<{ counts: QueueCounts }>(countsApiPath(consulateId, filters), { signal })).counts,
  });
}

/** The oldest request under these filters that nobody else has open (never `currentId`), or null. */
export async function fetchNextRequest(
  consulateId: string,
  filters: QueueFilters,
  currentId: string | null,
): Promise<QueueEntry | null> {
  return (await api<{ request: QueueEntry | null }>(nextApiPath(consulateId, filters, currentId))).request;
}

/** A request as staff see it: the person, the checklist and files, its version and review lock. */
export function useStaffRequest(requestId: string) {
  return useQuery({
    queryKey: staffRequestKey(requestId),
    queryFn: ({ signal }) => api<StaffRequest>(`/api/v1/staff/requests/${requestId}`, { signal }),
  });
}

// Reason templates are translated by the server: under 'translated', read again when the language changes.
function useReasons(path: string, name: string, isNeeded: boolean) {
  return useQuery({
    queryKey: ['translated', name, apiLanguage()],
    queryFn: async () => (await api<{ reasons: ReasonTemplate[] }>(path)).reasons,
    enabled: isNeeded,
    staleTime: 60 * 60_000,
  });
}

/** Why a document is refused (illegible, expired…). */
export const useRefusalReasons = (isNeeded: boolean) =>
  useReasons('/api/v1/document-refusal-reasons', 'document-refusal-reasons', isNeeded);

/** Why more information is asked for, or a request rejected (the citizen's portal reads the same). */
export const useDecisionReasons = (isNeeded: boolean) =>
  useReasons('/api/v1/decision-reasons', 'decision-reasons', isNeeded);

/** Where a document's file is read: inline for the viewer, or as an attachment to save it. */
export const documentFileUrl = (requestId: string, documentId: string, isDownload = false) =>
  `/api/v1/staff/requests/${requestId}/documents/${documentId}/file${isDownload ? '?download=1' : ''}`;
