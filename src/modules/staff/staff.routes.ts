import { z } from 'zod';
import { requirePrincipal, requireRole } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { localizedTextSchema } from '../network/network.schemas.ts';
import { loadStaffContext } from './load-staff-context.ts';

const staffRoles = ['consular_agent', 'consulate_admin', 'call_center_agent', 'hq_admin', 'treasury_auditor'] as const;

export const staffContextSchema = z
  .object({
    accountId: z.uuid(),
    email: z.string(),
    role: z.enum(staffRoles),
    locale: z.string(),
    consulate: z
      .object({ id: z.uuid(), code: z.string(), name: localizedTextSchema, timeZone: z.string(), currency: z.string() })
      .nullable(),
    departments: z.array(
      z.object({ id: z.uuid(), kind: z.string(), name: localizedTextSchema, ticketPrefix: z.string() }),
    ),
  })
  .meta({ id: 'StaffContext' });

/** The staff app's own reading of who is signed in. */
export function staffRoutes(app: App, deps: AppDeps) {
  const { db, sessions } = deps;
  app.get(
    '/api/v1/staff/me',
    {
      schema: {
        tags: ['staff'],
        summary: 'The signed-in staff member: role, consulate and departments (what every staff screen shows)',
        response: { 200: staffContextSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, ...staffRoles);
      const context = await loadStaffContext(db, principal);
      return { ...context, role: context.role as (typeof staffRoles)[number] };
    },
  );
}
