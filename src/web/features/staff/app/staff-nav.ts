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

export const staffScreens: readonly StaffScreen[] = [];

export const screensFor = (role: StaffRole) => staffScreens.filter((screen) => screen.roles.includes(role));
