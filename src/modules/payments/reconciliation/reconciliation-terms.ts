/** What a line of a gateway settlement file records: a captured sale or a credit (refund). */
export const settlementLineTypes = ['SALE', 'REFUND'] as const;
export type SettlementLineType = (typeof settlementLineTypes)[number];

/**
 * Why a movement and the settlement file disagree:
 * - missing_in_settlement: the ledger holds a movement the file does not list;
 * - missing_in_ledger: the file lists a line no movement of the day explains (or lists it twice);
 * - amount_mismatch / currency_mismatch: both sides name the order, with different amounts or currencies.
 */
export const breakReasons = [
  'missing_in_settlement',
  'missing_in_ledger',
  'amount_mismatch',
  'currency_mismatch',
] as const;
export type BreakReason = (typeof breakReasons)[number];
