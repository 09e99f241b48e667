import type { Principal } from '../../platform/auth.ts';
import { requireRole } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';

const outOfScope = () => new AppError('CONSULATE_NOT_FOUND', 404, 'No such consulate in your scope.');

/**
 * Who reads the money: the treasury auditor and headquarters across the network, a consulate's
 * admin for their own consulate. Citizens, agents and the call center never do (403). Returns the
 * consulate a reader is confined to, if any.
 */
export function treasuryReadScope(principal: Principal, consulateId?: string): { consulateId?: string } {
  requireRole(principal, 'treasury_auditor', 'hq_admin', 'consulate_admin');
  if (principal.role !== 'consulate_admin') return { consulateId };
  if (consulateId && consulateId !== principal.consulateId) throw outOfScope();
  return { consulateId: principal.consulateId ?? undefined };
}

/**
 * Who writes reconciliation records (imports a settlement file, resolves a break): headquarters,
 * or the consulate's admin for their consulate. The treasury auditor only reads.
 */
export function assertReconciliationWriter(principal: Principal, consulateId: string): void {
  requireRole(principal, 'hq_admin', 'consulate_admin');
  if (principal.role === 'consulate_admin' && principal.consulateId !== consulateId) throw outOfScope();
}
