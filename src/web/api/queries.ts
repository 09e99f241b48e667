import { type QueryClient, useQuery } from '@tanstack/react-query';
import { isApiError } from './api-error.ts';
import { api } from './client.ts';
import { hasSessionHint, setSessionHint } from './session-hint.ts';
import type { Consulate, Me, OfferedService } from './types.ts';

export const meKey = ['me'] as const;

/**
 * The signed-in account, or null when nobody is signed in. Only asked when this device may hold a
 * session (see session-hint.ts): an anonymous first visit sends no request that would answer 401.
 */
export async function fetchMe(): Promise<Me | null> {
  if (!hasSessionHint()) return null;
  try {
    const me = await api<Me>('/api/v1/me');
    setSessionHint(true);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setSessionHint(false);
      return null;
    }
    throw error;
  }
}

/** After signing up, in or out (null), or when the session ended: the account every page reads. */
export function setSignedIn(client: QueryClient, me: Me | null): void {
  setSessionHint(me !== null);
  client.setQueryData(meKey, me);
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useConsulates() {
  return useQuery({
    queryKey: ['consulates'],
    queryFn: async () => (await api<{ consulates: Consulate[] }>('/api/v1/consulates')).consulates,
    staleTime: 10 * 60_000,
  });
}

/** One consulate, read from the network list (one call serves every page). */
export function useConsulate(consulateId: string | undefined) {
  const consulates = useConsulates();
  return { ...consulates, data: consulates.data?.find((c) => c.id === consulateId) };
}

export function useConsulateServices(consulateId: string | undefined) {
  return useQuery({
    queryKey: ['consulates', consulateId, 'services'],
    queryFn: async () =>
      (await api<{ services: OfferedService[] }>(`/api/v1/consulates/${consulateId}/services`)).services,
    enabled: Boolean(consulateId),
    staleTime: 10 * 60_000,
  });
}
