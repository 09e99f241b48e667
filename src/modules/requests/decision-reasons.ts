/**
 * Reasons an agent gives for "more information needed" or a rejection. Each code is translated
 * (`reason.<code>` in the catalogues); the agent may add their own words.
 */
export const decisionReasonCodes = [
  'document_illegible',
  'document_expired',
  'document_missing',
  'photo_not_compliant',
  'identity_mismatch',
  'information_inconsistent',
  'not_eligible',
  'other',
] as const;
export type DecisionReasonCode = (typeof decisionReasonCodes)[number];
