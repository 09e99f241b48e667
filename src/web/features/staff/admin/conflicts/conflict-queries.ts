import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../../api/client.ts';
import type { Availability } from '../../../../api/types.ts';
import { addDays, todayIn } from '../../../../ui/local-time.ts';
import { adminKeys, adminUrl } from '../admin-queries.ts';
import type { DayAppointment, SlotConflict } from '../admin-types.ts';
import { dayListUrl } from '../day/day-list.ts';

/** The slots holding appointments the calendar no longer allows, from now on. */
export function useConflicts(consulateId: string) {
  return useQuery({
    queryKey: adminKeys.conflicts(consulateId),
    queryFn: async () => (await api<{ conflicts: SlotConflict[] }>(adminUrl(consulateId, 'conflicts'))).conflicts,
  });
}

/** The day lists of some local dates, read together: the stranded appointments' details. */
export function useDayLists(consulateId: string, dates: readonly string[]) {
  return useQueries({
    queries: dates.map((date) => ({
      queryKey: adminKeys.day(consulateId, date),
      queryFn: async () =>
        (await api<{ appointments: DayAppointment[] }>(dayListUrl(consulateId, { date, departmentId: '' })))
          .appointments,
    })),
    combine: (results) => ({
      appointments: results.flatMap((result) => result.data ?? []),
      isPending: results.some((result) => result.isPending),
      error: results.find((result) => result.error)?.error ?? null,
    }),
  });
}

// How far ahead free times are offered for a move (the API answers at most 92 days at once).
export const MOVE_WINDOW_DAYS = 60;

/** The free times of a service at the consulate over the coming weeks (the public availability). */
export function useFreeTimes(consulateId: string, serviceId: string | undefined, timeZone: string) {
  const from = todayIn(timeZone);
  const to = addDays(from, MOVE_WINDOW_DAYS);
  return useQuery({
    queryKey: ['availability', consulateId, serviceId, from, to],
    queryFn: () =>
      api<Availability>(`/api/v1/consulates/${consulateId}/services/${serviceId}/availability?from=${from}&to=${to}`),
    enabled: Boolean(serviceId),
    staleTime: 0,
  });
}
