import type { Translator } from '../../../ui/problem-message.ts';
import { DECISION_NOTE_MAX, type Fault, REFUSAL_NOTE_MAX } from './review-rules.ts';

/** The sentences of some faults (review-rules.ts), field by field, for a Mantine form. */
export function faultMessages(faults: Partial<Record<string, Fault>>, tr: Translator): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [field, fault] of Object.entries(faults)) {
    if (!fault) continue;
    const max = fault === 'refusalNoteTooLong' ? REFUSAL_NOTE_MAX : DECISION_NOTE_MAX;
    messages[field] = tr.t(`staff.verification.faults.${fault}`, { max });
  }
  return messages;
}
