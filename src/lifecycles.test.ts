import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canTransitionDocument, documentStatuses } from './modules/documents/document-status.ts';
import {
  canTransitionPayment,
  canTransitionStamp,
  paymentStatuses,
  stampStatuses,
} from './modules/payments/payment-status.ts';
import { canTransitionTicket, ticketStatuses } from './modules/reception/ticket-status.ts';
import { canTransitionRequest, requestStatuses } from './modules/requests/request-status.ts';
import { appointmentStatuses, canTransition } from './modules/scheduling/appointment-status.ts';

// Each entity's transition table, read through its own `can…` function.
const tables: Record<string, { statuses: readonly string[]; can(from: string, to: string): boolean }> = {
  appointment: { statuses: appointmentStatuses, can: canTransition as (f: string, t: string) => boolean },
  request: { statuses: requestStatuses, can: canTransitionRequest as (f: string, t: string) => boolean },
  payment: { statuses: paymentStatuses, can: canTransitionPayment as (f: string, t: string) => boolean },
  stamp: { statuses: stampStatuses, can: canTransitionStamp as (f: string, t: string) => boolean },
  document: { statuses: documentStatuses, can: canTransitionDocument as (f: string, t: string) => boolean },
  ticket: { statuses: ticketStatuses, can: canTransitionTicket as (f: string, t: string) => boolean },
};

/** The README's "Lifecycles" table as `entity: from → [to…]`. */
function readmeTransitions(): Map<string, string[]> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Lifecycles'), readme.indexOf('## Configuration'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length !== 5 || !(cells[1]! in tables)) continue;
    rows.set(
      `${cells[1]}:${cells[2]}`,
      cells[3]!.split(',').map((s) => s.trim()),
    );
  }
  return rows;
}

describe('the README describes the statuses as the transition tables have them', () => {
  const documented = readmeTransitions();
  for (const [entity, table] of Object.entries(tables)) {
    it(`lists every transition of ${entity}, and only those`, () => {
      for (const from of table.statuses) {
        const allowed = table.statuses.filter((to) => table.can(from, to));
        expect([...(documented.get(`${entity}:${from}`) ?? [])].sort(), `${entity} from ${from}`).toEqual(
          allowed.sort(),
        );
      }
    });
  }
});
