/**
 * Every notification a person receives, one kind per lifecycle event (rdv-service-public's "one
 * notifier per event"). The payload names what happened; the worker loads the current facts
 * (consulate, service, names, local time) when it renders the message in the recipient's language,
 * with loadAppointmentFacts / loadRequestFacts. Payloads never carry identity numbers.
 */
export type NotificationEvent =
  // The code itself is erased from the outbox once delivered.
  | { kind: 'account.email_code'; payload: { code: string; expiresInMinutes: number } }
  | { kind: 'account.password_reset_code'; payload: { code: string; expiresInMinutes: number } }
  | { kind: 'request.received'; payload: { requestId: string } }
  | { kind: 'request.more_info'; payload: { requestId: string; reasonCode: string; note: string | null } }
  | { kind: 'request.accepted'; payload: { requestId: string } }
  | { kind: 'request.rejected'; payload: { requestId: string; reasonCode: string; note: string | null } }
  | { kind: 'appointment.booked'; payload: { appointmentId: string } }
  | {
      kind: 'appointment.moved';
      payload: { appointmentId: string; previousStartsAt: string };
    }
  | {
      kind: 'appointment.cancelled';
      payload: { appointmentId: string; byConsulate: boolean; reason: string | null };
    }
  | { kind: 'appointment.reminder'; payload: { appointmentId: string } }
  | { kind: 'appointment.no_show'; payload: { appointmentId: string } }
  // Seen at the counter but not served: the request goes back for a new appointment.
  | { kind: 'appointment.not_served'; payload: { appointmentId: string; reason: string } }
  // Left idle too long (a draft, more information never given, an accepted request never booked).
  | { kind: 'request.expired'; payload: { requestId: string; previousStatus: string } };

export type NotificationKind = NotificationEvent['kind'];

export const notificationKinds: NotificationKind[] = [
  'account.email_code',
  'account.password_reset_code',
  'request.received',
  'request.more_info',
  'request.accepted',
  'request.rejected',
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'appointment.reminder',
  'appointment.no_show',
  'appointment.not_served',
  'request.expired',
];
