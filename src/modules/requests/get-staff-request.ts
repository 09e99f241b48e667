import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { ageOn } from '../network/eligibility.ts';
import { localDateOf } from '../scheduling/slot-engine.ts';
import { getRequestSummary } from './list-requests.ts';
import { presentRequestDetail } from './present-request.ts';
import { requestOfStaff } from './request-access.ts';
import { buildChecklist, loadFeeStep } from './request-checklist.ts';
import { readReviewLock } from './review-lock.ts';

interface IdentityRow {
  version: number;
  relation: string;
  birth_date: string | null;
  birth_place: string | null;
  cnie_number: string | null;
  passport_number: string | null;
  consular_registration_number: string | null;
  time_zone: string;
  required_documents: string[];
  holder_given_latin: string | null;
  holder_family_latin: string | null;
  holder_given_arabic: string | null;
  holder_family_arabic: string | null;
}

interface DocumentRow {
  id: string;
  kind: string;
  status: string;
  refusal_reason: string | null;
  uploaded_at: Date;
  reviewed_at: Date | null;
  content_type: string;
  original_name: string;
  size_bytes: number;
}

/**
 * Everything the verification page shows of a request in the staff member's scope (404 otherwise,
 * audited): the person in both scripts, their age today in the consulate's zone, whom the account
 * holder is to them, the checklist with each document's state and file, the fee, the version a
 * decision must name, and who else has it open.
 */
export async function getStaffRequest(
  deps: { db: Db; now: Date },
  input: { principal: Principal; requestId: string; locale: Locale },
) {
  const { db, now } = deps;
  const request = await requestOfStaff({ db, auditDb: db, now }, input.requestId, input.principal);
  const [row] = await queryRows<IdentityRow>(
    db,
    sql`SELECT r.version, p.relation, p.birth_date, p.birth_place, p.cnie_number, p.passport_number,
               p.consular_registration_number, c.time_zone, sv.required_documents,
               h.given_name_latin AS holder_given_latin, h.family_name_latin AS holder_family_latin,
               h.given_name_arabic AS holder_given_arabic, h.family_name_arabic AS holder_family_arabic
        FROM requests r
        JOIN persons p ON p.id = r.person_id
        JOIN consulates c ON c.id = r.consulate_id
        JOIN services sv ON sv.id = r.service_id
        LEFT JOIN persons h ON h.account_id = r.account_id AND h.relation = 'self'
        WHERE r.id = ${request.id}`,
  );
  const documents = await queryRows<DocumentRow>(
    db,
    sql`SELECT id, kind, status, refusal_reason, uploaded_at, reviewed_at, content_type, original_name, size_bytes
        FROM documents WHERE request_id = ${request.id}`,
  );
  const checklist = buildChecklist(
    row!.required_documents,
    documents.map((d) => ({ ...d, refusalReason: d.refusal_reason, uploadedAt: d.uploaded_at })),
  );
  const files = new Map(documents.map((d) => [d.id, d]));
  const summary = await getRequestSummary(db, request.id);
  const detail = presentRequestDetail(summary!, checklist, await loadFeeStep(db, request.id), input.locale);
  const today = localDateOf(now, row!.time_zone);
  return {
    ...detail,
    checklist: detail.checklist.map((item) => {
      const file = item.documentId ? files.get(item.documentId) : undefined;
      return {
        ...item,
        file: file
          ? {
              contentType: file.content_type,
              originalName: file.original_name,
              sizeBytes: Number(file.size_bytes),
              uploadedAt: new Date(file.uploaded_at).toISOString(),
              reviewedAt: file.reviewed_at ? new Date(file.reviewed_at).toISOString() : null,
            }
          : null,
      };
    }),
    version: Number(row!.version),
    identity: {
      relation: row!.relation,
      birthDate: row!.birth_date,
      ageYears: row!.birth_date ? ageOn(row!.birth_date, today) : null,
      ageOn: today,
      birthPlace: row!.birth_place,
      cnieNumber: row!.cnie_number,
      passportNumber: row!.passport_number,
      consularRegistrationNumber: row!.consular_registration_number,
    },
    accountHolder:
      row!.holder_given_latin !== null
        ? {
            givenNameLatin: row!.holder_given_latin,
            familyNameLatin: row!.holder_family_latin ?? '',
            givenNameArabic: row!.holder_given_arabic,
            familyNameArabic: row!.holder_family_arabic,
          }
        : null,
    reviewLock: await readReviewLock(db, { requestId: request.id, accountId: input.principal.accountId, now }),
  };
}
