import { z } from 'zod';
import type { Db } from '../../platform/db.ts';
import { loadRequestFacts, type RequestFacts } from '../requests/index.ts';
import { type AppointmentFacts, loadAppointmentFacts } from '../scheduling/index.ts';
import type { NotificationEvent } from './notification-events.ts';

/** What a message says, loaded when it is rendered: the current facts plus what the event carried. */
export type MessageFacts =
  | { kind: 'account.email_code' | 'account.password_reset_code'; code: string; expiresInMinutes: number }
  | { kind: 'request.received' | 'request.accepted'; request: RequestFacts }
  | { kind: 'request.more_info' | 'request.rejected'; request: RequestFacts; reasonCode: string; note: string | null }
  | { kind: 'appointment.booked' | 'appointment.reminder' | 'appointment.no_show'; appointment: AppointmentFacts }
  | { kind: 'appointment.moved'; appointment: AppointmentFacts; previousStartsAt: string }
  | { kind: 'appointment.cancelled'; appointment: AppointmentFacts; byConsulate: boolean; reason: string | null }
  | { kind: 'appointment.not_served'; appointment: AppointmentFacts; reason: string }
  | { kind: 'request.expired'; request: RequestFacts; previousStatus: string };

const code = z.object({ code: z.string().min(1), expiresInMinutes: z.number().int().positive() });
const request = z.object({ requestId: z.uuid() });
const decision = request.extend({ reasonCode: z.string().min(1), note: z.string().nullable() });
const appointment = z.object({ appointmentId: z.uuid() });
const event = <K extends string, P extends z.ZodType>(kind: K, payload: P) =>
  z.object({ kind: z.literal(kind), payload });

// The outbox keeps payloads as JSON: each is checked against its kind before anything is sent.
const eventSchema = z.discriminatedUnion('kind', [
  event('account.email_code', code),
  event('account.password_reset_code', code),
  event('request.received', request),
  event('request.more_info', decision),
  event('request.accepted', request),
  event('request.rejected', decision),
  event('appointment.booked', appointment),
  event('appointment.moved', appointment.extend({ previousStartsAt: z.iso.datetime({ offset: true }) })),
  event('appointment.cancelled', appointment.extend({ byConsulate: z.boolean(), reason: z.string().nullable() })),
  event('appointment.reminder', appointment),
  event('appointment.no_show', appointment),
  event('appointment.not_served', appointment.extend({ reason: z.string().min(1) })),
  event('request.expired', request.extend({ previousStatus: z.string().min(1) })),
]) satisfies z.ZodType<NotificationEvent>;

export type LoadedFacts = { isFound: true; facts: MessageFacts } | { isFound: false; reason: string };

/** The facts of one outbox message, or why it cannot be told (unknown kind, bad payload, deleted facts). */
export async function loadMessageFacts(db: Db, message: { kind: string; payload: unknown }): Promise<LoadedFacts> {
  const parsed = eventSchema.safeParse({ kind: message.kind, payload: message.payload });
  if (!parsed.success) {
    return { isFound: false, reason: `invalid ${message.kind} message: ${z.prettifyError(parsed.error)}` };
  }
  const told = parsed.data;
  switch (told.kind) {
    case 'account.email_code':
    case 'account.password_reset_code':
      return { isFound: true, facts: { kind: told.kind, ...told.payload } };
    case 'request.received':
    case 'request.accepted':
    case 'request.more_info':
    case 'request.rejected':
    case 'request.expired': {
      const request = await loadRequestFacts(db, told.payload.requestId);
      if (!request) return { isFound: false, reason: `request ${told.payload.requestId} no longer exists` };
      if (told.kind === 'request.received' || told.kind === 'request.accepted') {
        return { isFound: true, facts: { kind: told.kind, request } };
      }
      if (told.kind === 'request.expired') {
        return { isFound: true, facts: { kind: told.kind, request, previousStatus: told.payload.previousStatus } };
      }
      const { reasonCode, note } = told.payload;
      return { isFound: true, facts: { kind: told.kind, request, reasonCode, note } };
    }
    default: {
      const appointment = await loadAppointmentFacts(db, told.payload.appointmentId);
      if (!appointment) return { isFound: false, reason: `appointment ${told.payload.appointmentId} no longer exists` };
      if (told.kind === 'appointment.moved') {
        return {
          isFound: true,
          facts: { kind: told.kind, appointment, previousStartsAt: told.payload.previousStartsAt },
        };
      }
      if (told.kind === 'appointment.not_served') {
        return { isFound: true, facts: { kind: told.kind, appointment, reason: told.payload.reason } };
      }
      if (told.kind === 'appointment.cancelled') {
        const { byConsulate, reason } = told.payload;
        return { isFound: true, facts: { kind: told.kind, appointment, byConsulate, reason } };
      }
      return { isFound: true, facts: { kind: told.kind, appointment } };
    }
  }
}
