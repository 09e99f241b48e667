import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import { type Db, preparedRows } from '../../platform/db.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import { newRequestReference } from '../requests/request-reference.ts';
import { openRequestStatuses } from '../requests/request-status.ts';
import { newAppointmentReference } from './appointment-reference.ts';
import { activeStatusesSql } from './appointment-status.ts';
import { type AppointmentRow, appointmentColumns } from './appointment-view.ts';
import { loadOffer, type Offer } from './availability.ts';
import { explainUnbookableSlot } from './explain-unbookable-slot.ts';

export interface Actor {
  accountId: string;
  // Set when a call-center agent acts for a citizen: the citizen's account, and the stated reason.
  onBehalfOfAccountId?: string;
  reason?: string;
}

const openStatusesSql = sql.raw(`(${openRequestStatuses.map((s) => `'${s}'`).join(', ')})`);

export interface BookingInput {
  actor: Actor;
  ownerAccountId: string;
  personId: string;
  consulateId: string;
  serviceId: string;
  slotId: number;
  // The accepted request the appointment serves. Required when the service needs verification;
  // otherwise, when omitted, an accepted request is opened with the appointment.
  requestId?: string;
}

/**
 * Books a slot for a person. Capacity, notice, horizon, the slot's department, a confirmed e-mail,
 * the person's ownership and age, and the request's acceptance (or the service needing none) are
 * all checked by one SQL statement that takes the seat,
 * inserts the appointment (and, for a service without verification, its request), writes the audit
 * event and queues the confirmation together: concurrent attempts serialize on the slot row and
 * none can overbook. A second active appointment of the same person for the same service and
 * consulate is refused by the unique partial index appointments_one_active_per_person_service.
 */
export async function bookAppointment(
  deps: { db: Db; clock: Clock; offer?: Offer },
  input: BookingInput,
): Promise<AppointmentRow> {
  const { db, clock } = deps;
  // The offer read here names the consulate (references) and the refusal; the statement decides.
  const offer = deps.offer ?? (await loadOffer(db, input.consulateId, input.serviceId));
  const now = clock.now();
  const actor = input.actor;
  for (let attempt = 0; ; attempt++) {
    const reference = newAppointmentReference(offer.consulateCode);
    // The request row is locked: a withdrawal running at the same moment either waits for this
    // booking (and then sees its appointment) or wins first (and this statement finds no request).
    const request = input.requestId
      ? sql`SELECT id FROM requests
            WHERE id = ${input.requestId} AND account_id = ${input.ownerAccountId} AND person_id = ${input.personId}
              AND consulate_id = ${input.consulateId} AND service_id = ${input.serviceId} AND status = 'accepted'
            FOR UPDATE`
      : sql`SELECT NULL::uuid AS id FROM offer WHERE NOT offer.requires_verification`;
    // Without a request (a service that needs no verification), the person's accepted request here with
    // no active appointment is reused, or one is opened with the appointment (a direct booking) when
    // the person has no other open request for the service anywhere in the network.
    // (PostgreSQL wants data-modifying CTEs at the top level, hence these fragments.)
    const openedRequest = input.requestId
      ? sql`opened AS (SELECT id FROM request)`
      : sql`inserted AS (
              INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id,
                                    status, origin, decided_at, created_at, updated_at)
              SELECT ${newRequestReference(offer.consulateCode)}, ${input.consulateId}, ${input.serviceId},
                     seat.department_id, ${input.personId}, ${input.ownerAccountId}, 'accepted', 'direct_booking',
                     ${now}, ${now}, ${now}
              FROM seat
              WHERE NOT EXISTS (SELECT 1 FROM reusable)
              RETURNING id
            ), opened AS (
              SELECT id FROM reusable WHERE EXISTS (SELECT 1 FROM seat)
              UNION ALL SELECT id FROM inserted
            )`;
    const reusable = input.requestId
      ? sql``
      : sql`reusable AS (
              SELECT r.id FROM requests r
              WHERE r.person_id = ${input.personId} AND r.account_id = ${input.ownerAccountId}
                AND r.consulate_id = ${input.consulateId} AND r.service_id = ${input.serviceId}
                AND r.status = 'accepted'
                AND NOT EXISTS (SELECT 1 FROM appointments x WHERE x.request_id = r.id AND x.status IN ${activeStatusesSql})
              LIMIT 1
              FOR UPDATE
            ), other_open AS (
              SELECT 1 FROM requests r
              WHERE r.person_id = ${input.personId} AND r.service_id = ${input.serviceId}
                AND r.status IN ${openStatusesSql}
                AND NOT EXISTS (SELECT 1 FROM reusable)
            ),`;
    try {
      const [row] = await preparedRows<AppointmentRow>(
        db,
        input.requestId ? 'book_appointment_for_request' : 'book_appointment_opening_request',
        sql`
        WITH offer AS (
          SELECT cs.department_id, cs.min_notice_minutes, cs.horizon_days, c.time_zone,
                 s.requires_verification, s.min_age_years, s.max_age_years
          FROM consulate_services cs
          JOIN consulates c ON c.id = cs.consulate_id
          JOIN services s ON s.id = cs.service_id
          WHERE cs.consulate_id = ${input.consulateId} AND cs.service_id = ${input.serviceId} AND cs.is_enabled
        ), holder AS (
          -- Every booking path refuses an account whose e-mail is not confirmed.
          SELECT id FROM accounts WHERE id = ${input.ownerAccountId} AND email_verified_at IS NOT NULL
        ), person AS (
          SELECT id, birth_date FROM persons WHERE id = ${input.personId} AND account_id = ${input.ownerAccountId}
        ), request AS (${request}
        ), ${reusable} seat AS (
          UPDATE slots SET booked = slots.booked + 1
          FROM offer
          WHERE slots.id = ${input.slotId}
            AND slots.department_id = offer.department_id
            AND slots.status = 'open'
            AND slots.booked < slots.capacity
            AND slots.starts_at >= ${now}::timestamptz + offer.min_notice_minutes * interval '1 minute'
            AND slots.starts_at < ((date_trunc('day', ${now}::timestamptz AT TIME ZONE offer.time_zone)
                 + (offer.horizon_days + 1) * interval '1 day') AT TIME ZONE offer.time_zone)
            AND EXISTS (SELECT 1 FROM holder)
            AND EXISTS (SELECT 1 FROM request)
            -- Eligibility by age on the appointment's local date.
            AND EXISTS (SELECT 1 FROM person p WHERE
                  (offer.min_age_years IS NULL OR p.birth_date + make_interval(years => offer.min_age_years)
                     <= (slots.starts_at AT TIME ZONE offer.time_zone)::date)
              AND (offer.max_age_years IS NULL OR p.birth_date + make_interval(years => offer.max_age_years + 1)
                     > (slots.starts_at AT TIME ZONE offer.time_zone)::date))
            ${input.requestId ? sql`` : sql`AND NOT EXISTS (SELECT 1 FROM other_open)`}
            -- No seat for a person who already holds one for this service here (a concurrent twin
            -- that slips past this check fails on appointments_one_active_per_person_service).
            AND NOT EXISTS (SELECT 1 FROM appointments x
                            WHERE x.person_id = ${input.personId} AND x.consulate_id = ${input.consulateId}
                              AND x.service_id = ${input.serviceId} AND x.status IN ${activeStatusesSql})
          RETURNING slots.id, slots.starts_at, slots.department_id
        ), ${openedRequest}, appointment AS (
          INSERT INTO appointments (reference, slot_id, consulate_id, department_id, service_id, person_id,
                                    account_id, request_id, starts_at, created_at, updated_at, booked_by)
          SELECT ${reference}, seat.id, ${input.consulateId}, seat.department_id, ${input.serviceId},
                 ${input.personId}, ${input.ownerAccountId}, opened.id, seat.starts_at, ${now}, ${now},
                 ${actor.accountId}
          FROM seat, opened
          RETURNING *
        ), audit AS (
          INSERT INTO audit_events (at, actor_account_id, on_behalf_of_account_id, action, entity_type,
                                    entity_id, consulate_id, reason, after)
          SELECT ${now}, ${actor.accountId}, ${actor.onBehalfOfAccountId ?? null},
                 'appointment.booked', 'appointment', a.id::text, a.consulate_id, ${actor.reason ?? null},
                 jsonb_build_object('reference', a.reference, 'slotId', a.slot_id, 'startsAt', a.starts_at,
                                    'personId', a.person_id, 'serviceId', a.service_id, 'requestId', a.request_id,
                                    'status', a.status)
          FROM appointment a
        ), confirmation AS (
          INSERT INTO outbox_messages (kind, account_id, payload, available_at, created_at)
          SELECT 'appointment.booked', a.account_id, jsonb_build_object('appointmentId', a.id), ${now}, ${now}
          FROM appointment a
        )
        SELECT ${appointmentColumns('appointment')} FROM appointment`,
      );
      if (row) return row;
    } catch (error) {
      if (isUniqueViolation(error, 'appointments_one_active_per_person_service')) {
        throw new AppError(
          'ACTIVE_APPOINTMENT_EXISTS',
          409,
          'This person already holds an active appointment for this service at this consulate.',
        );
      }
      if (isUniqueViolation(error, 'requests_one_open_per_person_service')) {
        // Only reachable without a requestId, when a concurrent booking opened the person's request
        // for this service a moment ago. No query here: inside a transaction the failed statement has
        // aborted it, so the reference is not known.
        throw new AppError('OPEN_REQUEST_EXISTS', 409, 'This person already has an open request for this service.');
      }
      // A reference collision is astronomically rare; draw another.
      const isCollision =
        isUniqueViolation(error, 'appointments_reference_key') || isUniqueViolation(error, 'requests_reference_key');
      if (isCollision && attempt < 3) continue;
      throw error;
    }
    throw await explainUnbookableSlot(db, { ...input, offer, now, purpose: 'book' });
  }
}
