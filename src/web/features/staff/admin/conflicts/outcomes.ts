import { type ApiError, apiErrorFromProblem } from '../../../../api/api-error.ts';
import type { Appointment } from '../../../../api/types.ts';
import type { BatchResult } from '../admin-types.ts';

/** What became of one appointment of a batch: done (as it now is), or refused and why. */
export interface Outcome {
  appointmentId: string;
  reference: string | null;
  appointment: Appointment | null;
  problem: ApiError | null;
}

/**
 * The answer to a batch as two lists, each in the order asked: the refused ones first (they are
 * still to resolve, each with the API's reason), then those done. A reference comes from the
 * answer, else from what the screen knew of the appointment.
 */
export function outcomesOf(
  result: BatchResult,
  references: ReadonlyMap<string, string>,
): { refused: Outcome[]; done: Outcome[] } {
  const refused: Outcome[] = [];
  const done: Outcome[] = [];
  for (const item of result.results) {
    const reference = item.appointment?.reference ?? references.get(item.appointmentId) ?? null;
    if (item.isDone) {
      done.push({ appointmentId: item.appointmentId, reference, appointment: item.appointment, problem: null });
    } else {
      const problem = item.problem ?? { status: 500, code: 'INTERNAL_ERROR' };
      refused.push({
        appointmentId: item.appointmentId,
        reference,
        appointment: null,
        problem: apiErrorFromProblem(Number(problem.status) || 500, problem),
      });
    }
  }
  return { refused, done };
}
