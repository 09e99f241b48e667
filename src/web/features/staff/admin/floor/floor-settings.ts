import type { LocalizedText } from '../../../../api/types.ts';
import type { AdminDepartment, ConsulateOffer } from '../admin-types.ts';
import { type Faults, wholeNumber } from '../faults.ts';

/** The services by department (departments in the API's order), for the walk-in boxes. */
export function servicesByDepartment<S extends Pick<ConsulateOffer, 'departmentId'>>(
  services: readonly S[],
  departments: readonly Pick<AdminDepartment, 'id' | 'name'>[],
): { departmentId: string; name: LocalizedText; services: S[] }[] {
  return departments
    .map((department) => ({
      departmentId: department.id,
      name: department.name,
      services: services.filter((service) => service.departmentId === department.id),
    }))
    .filter((group) => group.services.length > 0);
}

/** Only the services whose box says otherwise than the API: one PATCH each. */
export function walkInChanges(
  services: readonly Pick<ConsulateOffer, 'id' | 'acceptsWalkIns'>[],
  ticked: ReadonlySet<string>,
): { serviceId: string; acceptsWalkIns: boolean }[] {
  return services
    .filter((service) => service.acceptsWalkIns !== ticked.has(service.id))
    .map((service) => ({ serviceId: service.id, acceptsWalkIns: ticked.has(service.id) }));
}

/** The ticked services after one department's boxes changed: its own replaced, the others kept. */
export function withGroupTicked(
  ticked: ReadonlySet<string>,
  groupServiceIds: readonly string[],
  groupTicked: readonly string[],
): Set<string> {
  const next = new Set([...ticked].filter((id) => !groupServiceIds.includes(id)));
  for (const id of groupTicked) if (groupServiceIds.includes(id)) next.add(id);
  return next;
}

export const MAX_CAPACITY = 100_000;

/** The waiting room's capacity as written: a number of people, or blank for "not set". */
export function capacityFaults(values: { capacity: string }): Faults {
  const text = values.capacity.trim();
  if (text === '') return {};
  const capacity = wholeNumber(text);
  if (capacity === null) return { capacity: { key: 'floor.errors.capacityWhole' } };
  if (capacity < 1 || capacity > MAX_CAPACITY) {
    return { capacity: { key: 'floor.errors.capacityRange', params: { max: MAX_CAPACITY } } };
  }
  return {};
}

/** The body of PUT …/waiting-room from a form that passed `capacityFaults`. */
export function capacityBody(values: { capacity: string }): { capacity: number | null } {
  const text = values.capacity.trim();
  return { capacity: text === '' ? null : wholeNumber(text) };
}

/** The form's text for the API's capacity. */
export const capacityText = (capacity: number | null) => (capacity === null ? '' : String(capacity));
