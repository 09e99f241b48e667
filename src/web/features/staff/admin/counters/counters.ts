import type { Counter } from '../admin-types.ts';
import { isolate } from '../bidi.ts';
import type { Faults } from '../faults.ts';

const MAX_LABEL = 40;

/**
 * What is wrong with a counter's label: missing, too long, or one the department already has
 * (the API refuses it too: COUNTER_LABEL_TAKEN). Renaming a counter to its own label is no fault.
 */
export function labelFaults(label: string, counters: readonly Counter[], counterId?: string): Faults {
  const trimmed = label.trim();
  if (trimmed === '') return { label: { key: 'counters.errors.labelRequired' } };
  if (trimmed.length > MAX_LABEL) return { label: { key: 'counters.errors.labelTooLong', params: { max: MAX_LABEL } } };
  if (counters.some((counter) => counter.label === trimmed && counter.id !== counterId)) {
    return { label: { key: 'counters.errors.labelTaken', params: { label: isolate(trimmed) } } };
  }
  return {};
}

/** Where a counter stands: out of service, open with an agent at it, or closed (nobody at it). */
export type CounterState = 'out_of_service' | 'open' | 'closed';

export function counterState(counter: Pick<Counter, 'isActive' | 'agentId'>): CounterState {
  if (!counter.isActive) return 'out_of_service';
  return counter.agentId ? 'open' : 'closed';
}

/**
 * The services a counter serves, among its department's: every one when none is named, else
 * those named (in the department's order).
 */
export function servedServices<S extends { id: string }>(
  counter: Pick<Counter, 'serviceIds'>,
  departmentServices: readonly S[],
): { isAll: boolean; services: S[] } {
  if (counter.serviceIds.length === 0) return { isAll: true, services: [...departmentServices] };
  const named = new Set(counter.serviceIds);
  return { isAll: false, services: departmentServices.filter((service) => named.has(service.id)) };
}

/**
 * The services to send for the boxes ticked: none ticked, or all of them, is "every service"
 * (an empty list, which also covers a service the department gains later).
 */
export function serviceIdsToSave(ticked: readonly string[], departmentServiceIds: readonly string[]): string[] {
  const inDepartment = departmentServiceIds.filter((id) => ticked.includes(id));
  return inDepartment.length === departmentServiceIds.length ? [] : inDepartment;
}

/** Counters in the order people read them: "2" before "10", then by label. */
export function inLabelOrder(counters: readonly Counter[]): Counter[] {
  return [...counters].sort(
    (a, b) => a.label.length - b.label.length || a.label.localeCompare(b.label, undefined, { numeric: true }),
  );
}
