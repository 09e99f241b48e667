import { describe, expect, it } from 'vitest';
import type { Appointment, AppointmentStatus } from '../../../api/types.ts';
import { groupAppointments } from './appointment-groups.ts';

const appointment = (reference: string, status: AppointmentStatus, startsAt: string): Appointment => ({
  id: reference,
  reference,
  status,
  consulateId: 'c',
  departmentId: 'd',
  serviceId: 's',
  personId: 'p',
  requestId: null,
  slotId: 1,
  startsAt,
  timeZone: 'Europe/Paris',
  localDate: startsAt.slice(0, 10),
  localTime: startsAt.slice(11, 16),
  utcOffset: '+01:00',
  endsAt: startsAt,
  notServedReason: null,
  createdAt: '2026-11-01T10:00:00Z',
});

const now = new Date('2026-12-01T12:00:00Z');
const references = (list: Appointment[]) => list.map((a) => a.reference);

describe('groupAppointments', () => {
  it('lists a cancelled appointment still to come as cancelled, not as past', () => {
    const groups = groupAppointments(
      [
        appointment('LATER', 'booked', '2026-12-20T09:00:00Z'),
        appointment('CANCELLED-SOON', 'cancelled_by_citizen', '2026-12-05T09:00:00Z'),
        appointment('BY-CONSULATE', 'cancelled_by_consulate', '2026-12-03T09:00:00Z'),
        appointment('SOON', 'booked', '2026-12-02T09:00:00Z'),
        appointment('DONE', 'served', '2026-11-10T09:00:00Z'),
        appointment('MISSED', 'no_show', '2026-11-20T09:00:00Z'),
        appointment('CANCELLED-LONG-AGO', 'cancelled_by_citizen', '2026-11-15T09:00:00Z'),
      ],
      now,
    );
    expect(references(groups.upcoming)).toEqual(['SOON', 'LATER']);
    expect(references(groups.cancelled)).toEqual(['BY-CONSULATE', 'CANCELLED-SOON']);
    expect(references(groups.past)).toEqual(['MISSED', 'CANCELLED-LONG-AGO', 'DONE']);
  });

  it('keeps an appointment under way (checked in) with the coming ones', () => {
    const groups = groupAppointments([appointment('HERE', 'checked_in', '2026-12-01T11:50:00Z')], now);
    expect(references(groups.upcoming)).toEqual(['HERE']);
    expect(groups.past).toEqual([]);
  });
});
