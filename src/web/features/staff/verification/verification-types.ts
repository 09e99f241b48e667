import type { ChecklistItem, RequestDetail, RequestSummary } from '../../../api/types.ts';

// What the verification API answers, as the workspace reads it (the truth is the server's Zod:
// src/modules/requests/verification.schemas.ts and src/modules/documents/documents.schemas.ts).

/** The statuses the queue lists (a draft never reached it). */
export const queueStatuses = [
  'submitted',
  'more_info_requested',
  'accepted',
  'rejected',
  'withdrawn',
  'completed',
  'expired',
] as const;
export type QueueStatus = (typeof queueStatuses)[number];

export interface QueueEntry extends RequestSummary {
  queuedAt: string;
  ageMinutes: number;
  // Who has it open in the workspace now (a fresh review lock), or nobody.
  reviewer: { accountId: string; name: string } | null;
}

export interface QueuePage {
  requests: QueueEntry[];
  next: string | null;
}

export type QueueCounts = Record<QueueStatus, number>;

export interface ReviewLock {
  isHeldByYou: boolean;
  reviewer: { accountId: string; name: string; since: string; lastSeenAt: string } | null;
  staleAfterSeconds: number;
  refreshAfterSeconds: number;
}

export interface StaffFile {
  contentType: string;
  originalName: string;
  sizeBytes: number;
  uploadedAt: string;
  reviewedAt: string | null;
}

export interface StaffChecklistItem extends ChecklistItem {
  refusalReasonCode: string | null;
  refusalNote: string | null;
  file: StaffFile | null;
}

export interface PersonNames {
  givenNameLatin: string;
  familyNameLatin: string;
  givenNameArabic: string | null;
  familyNameArabic: string | null;
}

export interface StaffRequest extends Omit<RequestDetail, 'checklist'> {
  version: number;
  checklist: StaffChecklistItem[];
  identity: {
    relation: string;
    birthDate: string | null;
    ageYears: number | null;
    ageOn: string;
    birthPlace: string | null;
    cnieNumber: string | null;
    passportNumber: string | null;
    consularRegistrationNumber: string | null;
  };
  accountHolder: PersonNames | null;
  reviewLock: ReviewLock;
}

export type RequestDecision = 'accepted' | 'more_info_requested' | 'rejected';

/** A reason template, translated by the server (Accept-Language). */
export interface ReasonTemplate {
  code: string;
  label: string;
}
