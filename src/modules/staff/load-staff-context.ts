import { sql } from 'drizzle-orm';
import type { Principal } from '../../platform/auth.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { LocalizedText } from '../network/network.tables.ts';

export interface StaffContext {
  accountId: string;
  email: string;
  role: Principal['role'];
  locale: string;
  // Agents and consulate admins: their consulate; network roles: null.
  consulate: { id: string; code: string; name: LocalizedText; timeZone: string; currency: string } | null;
  // The departments the staff member works in (a consulate admin: all of the consulate's).
  departments: { id: string; kind: string; name: LocalizedText; ticketPrefix: string }[];
}

/** Who a staff member is and where they work: what the staff app's shell and every screen read. */
export async function loadStaffContext(db: Db, principal: Principal): Promise<StaffContext> {
  const [account] = await queryRows<{ email: string }>(
    db,
    sql`SELECT email FROM accounts WHERE id = ${principal.accountId}`,
  );
  const consulates = principal.consulateId
    ? await queryRows<NonNullable<StaffContext['consulate']> & { time_zone: string }>(
        db,
        sql`SELECT id, code, name, time_zone, currency FROM consulates WHERE id = ${principal.consulateId}`,
      )
    : [];
  const consulate = consulates[0];
  const departments = consulate
    ? await queryRows<{ id: string; kind: string; name: LocalizedText; ticket_prefix: string }>(
        db,
        sql`SELECT id, kind, name, ticket_prefix FROM departments
            WHERE consulate_id = ${consulate.id}
              ${principal.role === 'consular_agent' ? sql`AND id IN (SELECT department_id FROM staff_departments WHERE account_id = ${principal.accountId})` : sql``}
            ORDER BY kind`,
      )
    : [];
  return {
    accountId: principal.accountId,
    email: account?.email ?? '',
    role: principal.role,
    locale: principal.locale,
    consulate: consulate
      ? {
          id: consulate.id,
          code: consulate.code,
          name: consulate.name,
          timeZone: consulate.time_zone,
          currency: consulate.currency,
        }
      : null,
    departments: departments.map((d) => ({ id: d.id, kind: d.kind, name: d.name, ticketPrefix: d.ticket_prefix })),
  };
}
