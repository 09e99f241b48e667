import type { RequestSummaryRow } from './list-requests.ts';
import type { ChecklistItem, FeeStep } from './request-checklist.ts';

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

export function presentRequestDetail(row: RequestSummaryRow, checklist: ChecklistItem[], fee: FeeStep) {
  return { ...presentRequest(row), checklist, fee };
}
