/** The conflicts screen's address; its steps are in the query (`?step=reason`), so Back works. */
export const conflictsPath = '/admin/conflicts';

export type ConflictStep = 'list' | 'reason' | 'check' | 'move' | 'done';

const steps: readonly ConflictStep[] = ['reason', 'check', 'move', 'done'];

/** The step an address names; anything else is the list. */
export function stepOf(params: URLSearchParams): ConflictStep {
  const step = params.get('step');
  return steps.find((known) => known === step) ?? 'list';
}

/** The address of a step (`move` names the appointment to move). */
export function stepPath(step: ConflictStep, appointmentId?: string): string {
  if (step === 'list') return conflictsPath;
  const query = new URLSearchParams({ step });
  if (appointmentId) query.set('appointment', appointmentId);
  return `${conflictsPath}?${query.toString()}`;
}
