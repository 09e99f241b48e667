import { type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Principal } from '../../platform/auth.ts';
import { type Db, preparedRows, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type FactsRow, factsColumns, presentFacts } from './arrival-facts.ts';
import { calledAtCounter } from './called-at-counter.ts';
import { servesDepartment } from './reception.policy.ts';
import { presentTicket, type TicketRow, ticketColumns } from './ticket-view.ts';

type Row = TicketRow &
  FactsRow & {
    counter_label: string | null;
    appointment_reference: string | null;
    appointment_starts_at: Date | string | null;
    time_zone: string;
  };

/**
 * One ticket with what the agent needs at the counter: person, service, request, documents, fee,
 * stamp. Prepared once per connection: the counter's page reads it after every call.
 */
async function loadCounterTicket(db: Db, where: SQL) {
  const [row] = await preparedRows<Row>(
    db,
    'counter_ticket',
    sql`SELECT ${ticketColumns('t')}, k.label AS counter_label, ${factsColumns},
               a.reference AS appointment_reference, a.starts_at AS appointment_starts_at, c.time_zone
        FROM tickets t
        JOIN consulates c ON c.id = t.consulate_id
        JOIN services s ON s.id = t.service_id
        JOIN departments d ON d.id = t.department_id
        LEFT JOIN counters k ON k.id = t.counter_id
        LEFT JOIN appointments a ON a.id = t.appointment_id
        LEFT JOIN persons p ON p.id = a.person_id
        LEFT JOIN requests r ON r.id = a.request_id
        LEFT JOIN consulate_services cs ON cs.consulate_id = t.consulate_id AND cs.service_id = t.service_id
        WHERE ${where}
        LIMIT 1`,
  );
  if (!row) return null;
  const startsAt = row.appointment_starts_at === null ? null : new Date(row.appointment_starts_at);
  return {
    ...presentTicket(row),
    counterLabel: row.counter_label,
    appointment:
      row.appointment_id && startsAt
        ? {
            id: row.appointment_id,
            reference: row.appointment_reference ?? '',
            startsAt: startsAt.toISOString(),
            localTime: DateTime.fromJSDate(startsAt, { zone: row.time_zone }).toFormat('HH:mm'),
          }
        : null,
    ...presentFacts(row),
  };
}

export type CounterTicket = NonNullable<Awaited<ReturnType<typeof loadCounterTicket>>>;

/** The ticket called at a counter now (null: none), for the agent at it or the admin. */
export async function getCounterTicket(
  db: Db,
  input: { principal: Principal; consulateId: string; counterId: string; now: Date },
): Promise<CounterTicket | null> {
  const [counter] = await queryRows<{ department_id: string }>(
    db,
    sql`SELECT k.department_id FROM counters k JOIN departments d ON d.id = k.department_id
        WHERE k.id = ${input.counterId} AND d.consulate_id = ${input.consulateId}`,
  );
  if (!counter || !servesDepartment(input.principal, counter.department_id)) {
    throw new AppError('COUNTER_NOT_FOUND', 404, 'No such counter at this consulate in your departments.');
  }
  const where = calledAtCounter('t', { id: input.counterId, departmentId: counter.department_id }, input.now);
  return loadCounterTicket(db, where);
}
