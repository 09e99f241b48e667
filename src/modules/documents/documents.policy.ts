import { type Principal, requireRole } from '../../platform/auth.ts';
import type { Role } from '../accounts/index.ts';

/**
 * Documents are served only to the citizen who owns the request and to the staff of the request's
 * consulate: its admins, and its agents of the request's department (checked by requestOfStaff).
 * Network-wide roles (call center, headquarters, treasury) never see identity documents.
 */
export const documentStaffRoles = ['consular_agent', 'consulate_admin'] as const satisfies readonly Role[];

export function assertDocumentStaff(principal: Principal): void {
  requireRole(principal, ...documentStaffRoles);
}
