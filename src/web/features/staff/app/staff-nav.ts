import type { StaffRole } from './use-staff.ts';

/**
 * The staff app's screens, each for the roles that work with it: the shell's navigation and the
 * home page's list of tools read this one table (a screen's route is declared in staff-routes.tsx).
 */
export interface StaffScreen {
  to: string;
  // Key under `staff.` in the staff catalogues.
  labelKey: string;
  roles: readonly StaffRole[];
}

export const staffScreens: readonly StaffScreen[] = [
  // Verification workspace (issue 9): the queue, then each request.
  { to: '/verification', labelKey: 'verification.nav', roles: ['consular_agent', 'consulate_admin'] },
  // Consulate admin (issue 9): the day's list is the agents' too.
  { to: '/admin/day', labelKey: 'admin.nav.day', roles: ['consulate_admin', 'consular_agent'] },
  { to: '/admin/calendars', labelKey: 'admin.nav.calendars', roles: ['consulate_admin'] },
  { to: '/admin/conflicts', labelKey: 'admin.nav.conflicts', roles: ['consulate_admin'] },
  { to: '/admin/counters', labelKey: 'admin.nav.counters', roles: ['consulate_admin'] },
  { to: '/admin/floor', labelKey: 'admin.nav.floor', roles: ['consulate_admin'] },
];

export const screensFor = (role: StaffRole) => staffScreens.filter((screen) => screen.roles.includes(role));
