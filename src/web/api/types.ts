// What the API answers, as the portal reads it (the server's Zod schemas are the source of truth:
// src/modules/*/…schemas.ts). Kept by hand so the browser bundles no server code.

export interface LocalizedText {
  ar: string;
  fr: string;
  en: string;
  es?: string;
}

export interface Consulate {
  id: string;
  code: string;
  name: LocalizedText;
  country: string;
  city: string;
  address: string;
  timeZone: string;
  currency: string;
  languages: string[];
}

export interface Fee {
  amountMinor: number;
  currency: string;
  isDemoValue: boolean;
}

export interface OfferedService {
  id: string;
  code: string;
  name: LocalizedText;
  departmentKind: string;
  durationMinutes: number;
  requiredDocuments: string[];
  requiresVerification: boolean;
  departmentId: string;
  fee: Fee;
  horizonDays: number;
  minNoticeMinutes: number;
  cancellationCutoffMinutes: number;
  // Age on the appointment date (whole years); null: no bound.
  minAgeYears: number | null;
  maxAgeYears: number | null;
}

export interface AvailableTime {
  slotId: number;
  time: string;
  startsAt: string;
  utcOffset: string;
  free: number;
}

export interface Availability {
  consulateId: string;
  serviceId: string;
  timeZone: string;
  from: string;
  to: string;
  days: { date: string; times: AvailableTime[] }[];
}

export interface PersonSummary {
  id: string;
  relation: string;
  givenNameLatin: string;
  familyNameLatin: string;
  givenNameArabic: string | null;
  familyNameArabic: string | null;
}

export interface Me {
  id: string;
  email: string;
  role: string;
  locale: string;
  phone: string | null;
  emailConfirmed: boolean;
  persons: PersonSummary[];
}

export interface Person extends PersonSummary {
  birthDate: string | null;
  birthPlace: string | null;
  cnieNumber: string | null;
  passportNumber: string | null;
  consularRegistrationNumber: string | null;
  noShowCount: number;
}

export type RequestStatus =
  | 'draft'
  | 'submitted'
  | 'more_info_requested'
  | 'accepted'
  | 'rejected'
  | 'withdrawn'
  | 'completed'
  | 'expired';

export type ChecklistStatus = 'missing' | 'uploaded' | 'accepted' | 'refused';

export interface ChecklistItem {
  kind: string;
  status: ChecklistStatus;
  documentId: string | null;
  refusalReason: string | null;
}

export interface RequestSummary {
  id: string;
  reference: string;
  status: RequestStatus;
  consulate: { id: string; code: string; name: LocalizedText };
  service: { id: string; code: string; name: LocalizedText; requiresVerification: boolean };
  departmentId: string;
  person: Omit<PersonSummary, 'relation'>;
  submittedAt: string | null;
  decidedAt: string | null;
  decision: { reasonCode: string | null; note: string | null } | null;
  appointmentId: string | null;
  createdAt: string;
}

/** The fee as a step of its own: paid by e-Timbre once the request is accepted, never uploaded. */
export interface FeeStep {
  amountMinor: number;
  currency: string;
  status: 'free' | 'after_acceptance' | 'to_pay' | 'paid';
  stampNumber: string | null;
}

export interface RequestDetail extends RequestSummary {
  checklist: ChecklistItem[];
  fee: FeeStep;
}

export interface UploadedDocument {
  id: string;
  requestId: string;
  kind: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  status: string;
  refusalReason: string | null;
  uploadedAt: string;
}

export type AppointmentStatus =
  | 'booked'
  | 'checked_in'
  | 'called'
  | 'served'
  | 'not_served'
  | 'cancelled_by_citizen'
  | 'cancelled_by_consulate'
  | 'no_show';

export interface Appointment {
  id: string;
  reference: string;
  status: AppointmentStatus;
  consulateId: string;
  departmentId: string;
  serviceId: string;
  personId: string;
  requestId: string | null;
  slotId: number;
  startsAt: string;
  timeZone: string;
  localDate: string;
  localTime: string;
  utcOffset: string;
  // When the service should end (start + its duration), UTC.
  endsAt: string;
  notServedReason: string | null;
  createdAt: string;
}

export interface DecisionReason {
  code: string;
  label: string;
}
