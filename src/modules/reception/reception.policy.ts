import { assertConsulateScope, type Principal, requireRole } from '../../platform/auth.ts';

/**
 * Who checks arrivals in at a consulate: its consular agents (in their own departments) and its
 * admin. Other roles never do (403); staff of another consulate get 404, as if it did not exist.
 */
export function assertReceptionStaff(principal: Principal, consulateId: string): void {
  requireRole(principal, 'consular_agent', 'consulate_admin');
  assertConsulateScope(principal, consulateId);
}

/** An agent serves only their departments; the consulate's admin serves all of them. */
export function servesDepartment(principal: Principal, departmentId: string): boolean {
  return principal.role !== 'consular_agent' || principal.departmentIds.includes(departmentId);
}
