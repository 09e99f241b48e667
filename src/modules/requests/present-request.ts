import type { Locale } from '../../platform/i18n/i18n.ts';
import { presentRefusal } from './document-refusal-reasons.ts';
import type { RequestSummaryRow } from './list-requests.ts';
import type { ChecklistItem, FeeStep } from './request-checklist.ts';
import type { QueueRow } from './verification-queue.ts';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** A request as the API returns it. */
export function presentRequest(row: RequestSummaryRow) {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    consulate: { id: row.consulate_id, code: row.consulate_code, name: row.consulate_name },
    service: {
      id: row.service_id,
      code: row.service_code,
      name: row.service_name,
      requiresVerification: row.requires_verification,
    },
    departmentId: row.department_id,
    person: {
      id: row.person_id,
      givenNameLatin: row.given_name_latin,
      familyNameLatin: row.family_name_latin,
      givenNameArabic: row.given_name_arabic,
      familyNameArabic: row.family_name_arabic,
    },
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    decision:
      row.decision_reason_code || row.decision_note
        ? { reasonCode: row.decision_reason_code, note: row.decision_note }
        : null,
    appointmentId: row.appointment_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** A checklist item: a refusal reads in the caller's language, with its template code and note apart. */
export function presentChecklistItem(item: ChecklistItem, locale: Locale) {
  return { ...item, ...presentRefusal(locale, item.refusalReason) };
}

export function presentRequestDetail(row: RequestSummaryRow, checklist: ChecklistItem[], fee: FeeStep, locale: Locale) {
  return { ...presentRequest(row), checklist: checklist.map((item) => presentChecklistItem(item, locale)), fee };
}

/** A row of the verification queue: how long it has waited, and who has it open now. */
export function presentQueueEntry(row: QueueRow, now: Date) {
  const queuedAt = new Date(row.queued_at!);
  return {
    ...presentRequest(row),
    queuedAt: queuedAt.toISOString(),
    ageMinutes: Math.max(0, Math.floor((now.getTime() - queuedAt.getTime()) / 60_000)),
    reviewer: row.lock_reviewer_id ? { accountId: row.lock_reviewer_id, name: row.lock_reviewer_name ?? '' } : null,
  };
}
