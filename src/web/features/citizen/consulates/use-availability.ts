import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Availability } from '../../../api/types.ts';

/** Free days and times of a service at a consulate, between two local dates (at most 92 days). */
export function useAvailability(
  consulateId: string | undefined,
  serviceId: string | undefined,
  from: string,
  to: string,
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: ['availability', consulateId, serviceId, from, to],
    queryFn: () =>
      api<Availability>(`/api/v1/consulates/${consulateId}/services/${serviceId}/availability?from=${from}&to=${to}`),
    enabled: Boolean(consulateId && serviceId) && (options.enabled ?? true),
    staleTime: 30_000,
  });
}
