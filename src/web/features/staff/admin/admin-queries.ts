import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useStaffMe } from '../app/use-staff.ts';
import type { AdminDepartment, ConsulateOffer } from './admin-types.ts';

/** The signed-in staff member's consulate (id, zone, …); null for network-wide roles. */
export function useStaffConsulate() {
  return useStaffMe().data?.consulate ?? null;
}

/** An address under the consulate admin API: /api/v1/admin/consulates/:id/<rest>. */
export const adminUrl = (consulateId: string, rest: string) => `/api/v1/admin/consulates/${consulateId}/${rest}`;

export const adminKeys = {
  all: (consulateId: string) => ['admin', consulateId] as const,
  departments: (consulateId: string) => ['admin', consulateId, 'departments'] as const,
  services: (consulateId: string) => ['admin', consulateId, 'services'] as const,
  closures: (consulateId: string) => ['admin', consulateId, 'closures'] as const,
  conflicts: (consulateId: string) => ['admin', consulateId, 'conflicts'] as const,
  day: (consulateId: string, date: string, departmentId = '') =>
    ['admin', consulateId, 'day', date, departmentId] as const,
  counters: (consulateId: string, departmentId: string) => ['admin', consulateId, 'counters', departmentId] as const,
  waitingRoom: (consulateId: string) => ['admin', consulateId, 'waiting-room'] as const,
};

/** The consulate's departments, each with its weekly hours. */
export function useAdminDepartments(consulateId: string) {
  return useQuery({
    queryKey: adminKeys.departments(consulateId),
    queryFn: async () =>
      (await api<{ departments: AdminDepartment[] }>(adminUrl(consulateId, 'departments'))).departments,
  });
}

/** Every service the consulate offers, enabled or not, with its walk-in setting. */
export function useAdminServices(consulateId: string) {
  return useQuery({
    queryKey: adminKeys.services(consulateId),
    queryFn: async () => (await api<{ services: ConsulateOffer[] }>(adminUrl(consulateId, 'services'))).services,
    staleTime: 60_000,
  });
}
