import { describe, expect, it } from 'vitest';
import type { Appointment, Availability } from '../../../../api/types.ts';
import type { BatchResult, DayAppointment, SlotConflict } from '../admin-types.ts';
import { stepOf, stepPath } from './conflict-steps.ts';
import { outcomesOf } from './outcomes.ts';
import { allOrNone, keptSelection, selectionState, toggled } from './selection.ts';
import {
  conflictDates,
  moveChoices,
  moveFaults,
  peopleToTell,
  reasonFaults,
  strandedAppointments,
} from './stranded.ts';

const appointment = (id: string, reference: string, personId = `p-${id}`): DayAppointment => ({
  id,
  reference,
  status: 'booked',
  consulateId: 'c',
  departmentId: 'd',
  serviceId: 's',
  personId,
  requestId: null,
  slotId: 1,
  startsAt: '2026-12-07T08:00:00Z',
  timeZone: 'Europe/Paris',
  localDate: '2026-12-07',
  localTime: '09:00',
  utcOffset: '+01:00',
  endsAt: '2026-12-07T08:20:00Z',
  notServedReason: null,
  createdAt: '2026-12-01T10:00:00Z',
});

const conflict = (slotId: number, startsAt: string, appointmentIds: string[]): SlotConflict => ({
  slotId,
  startsAt,
  reason: 'over_capacity',
  booked: appointmentIds.length,
  plannedCapacity: 1,
  appointmentIds,
});

describe('the stranded appointments', () => {
  const conflicts = [conflict(2, '2026-12-08T09:00:00Z', ['b', 'a']), conflict(1, '2026-12-07T23:30:00Z', ['c'])];

  it('reads the day lists of the slots’ local dates (the consulate’s zone)', () => {
    expect(conflictDates(conflicts, 'Europe/Paris')).toEqual(['2026-12-08']);
    expect(conflictDates(conflicts, 'UTC')).toEqual(['2026-12-07', '2026-12-08']);
  });

  it('lists each appointment once, by time then reference, with its details once known', () => {
    const lines = strandedAppointments(
      [...conflicts, conflict(2, '2026-12-08T09:00:00Z', ['a'])],
      [appointment('a', 'PAR-BBBB-0002'), appointment('b', 'PAR-AAAA-0001')],
    );
    expect(lines.map((line) => line.appointmentId)).toEqual(['c', 'b', 'a']);
    expect(lines[0]).toMatchObject({ slotId: 1, reason: 'over_capacity', appointment: null });
    expect(lines[1]?.appointment?.reference).toBe('PAR-AAAA-0001');
  });

  it('tells each person once, whatever the number of their appointments', () => {
    const lines = strandedAppointments(
      [conflict(1, '2026-12-08T09:00:00Z', ['a', 'b', 'c', 'd'])],
      [appointment('a', 'R1', 'amina'), appointment('b', 'R2', 'amina'), appointment('c', 'R3', 'karim')],
    );
    // d is not read yet: counted as one person of its own.
    expect(peopleToTell(lines)).toBe(3);
    expect(peopleToTell([])).toBe(0);
  });
});

describe('the reason and the move', () => {
  it('wants a reason of 3 to 500 characters', () => {
    expect(reasonFaults({ reason: '  ' })).toEqual({ reason: { key: 'conflicts.errors.reasonRequired' } });
    expect(reasonFaults({ reason: 'no' })).toEqual({
      reason: { key: 'conflicts.errors.reasonTooShort', params: { min: 3 } },
    });
    expect(reasonFaults({ reason: 'x'.repeat(501) })).toEqual({
      reason: { key: 'conflicts.errors.reasonTooLong', params: { max: 500 } },
    });
    expect(reasonFaults({ reason: 'The consulate closes for a strike' })).toEqual({});
  });

  it('asks for the day, then the time, then the reason', () => {
    expect(moveFaults({ date: '', slotId: '', reason: '' })).toEqual({
      date: { key: 'conflicts.errors.dateRequired' },
    });
    expect(moveFaults({ date: '2026-12-09', slotId: '', reason: '' })).toEqual({
      slotId: { key: 'conflicts.errors.timeRequired' },
    });
    expect(Object.keys(moveFaults({ date: '2026-12-09', slotId: '7', reason: '' }))).toEqual(['reason']);
    expect(moveFaults({ date: '2026-12-09', slotId: '7', reason: 'Hours changed' })).toEqual({});
  });

  it('offers only free times, and not the appointment’s own slot', () => {
    const availability: Availability = {
      consulateId: 'c',
      serviceId: 's',
      timeZone: 'Europe/Paris',
      from: '2026-12-07',
      to: '2026-12-09',
      days: [
        { date: '2026-12-07', times: [{ slotId: 1, time: '09:00', startsAt: 'x', utcOffset: '+01:00', free: 2 }] },
        {
          date: '2026-12-08',
          times: [
            { slotId: 2, time: '09:00', startsAt: 'x', utcOffset: '+01:00', free: 0 },
            { slotId: 3, time: '09:20', startsAt: 'x', utcOffset: '+01:00', free: 1 },
          ],
        },
      ],
    };
    expect(moveChoices(availability, 1).map((day) => [day.date, day.times.map((t) => t.slotId)])).toEqual([
      ['2026-12-08', [3]],
    ]);
    expect(moveChoices(undefined, 1)).toEqual([]);
  });
});

describe('the selection', () => {
  it('ticks and unticks one, all, or none', () => {
    const ids = ['a', 'b', 'c'];
    let selected: Set<string> = new Set();
    expect(selectionState(selected, ids)).toBe('none');
    selected = toggled(selected, 'b');
    expect(selectionState(selected, ids)).toBe('some');
    selected = allOrNone(selected, ids);
    expect([...selected].sort()).toEqual(ids);
    expect(selectionState(selected, ids)).toBe('all');
    expect(allOrNone(selected, ids).size).toBe(0);
    expect([...toggled(selected, 'a')].sort()).toEqual(['b', 'c']);
  });

  it('forgets an appointment that left the list', () => {
    expect([...keptSelection(new Set(['a', 'gone']), ['a', 'b'])]).toEqual(['a']);
    expect(selectionState(new Set(), [])).toBe('none');
  });
});

describe('the outcome of a batch', () => {
  const moved = { ...appointment('a', 'PAR-AAAA-0001'), localTime: '10:20' } as Appointment;
  const result: BatchResult = {
    done: 1,
    refused: 2,
    results: [
      { appointmentId: 'a', isDone: true, appointment: moved, problem: null },
      {
        appointmentId: 'b',
        isDone: false,
        appointment: null,
        problem: { status: 409, code: 'SLOT_FULL', title: 'Ce créneau est complet.', detail: 'full' },
      },
      {
        appointmentId: 'c',
        isDone: false,
        appointment: null,
        problem: {
          status: 409,
          code: 'APPOINTMENT_TRANSITION_REFUSED',
          title: 'Refusé',
          detail: 'x',
          from: 'checked_in',
        },
      },
    ],
  };

  it('lists the refused ones first, each with the API’s code, then those done', () => {
    const { refused, done } = outcomesOf(result, new Map([['b', 'PAR-BBBB-0002']]));
    expect(refused.map((o) => [o.appointmentId, o.reference, o.problem?.code, o.problem?.status])).toEqual([
      ['b', 'PAR-BBBB-0002', 'SLOT_FULL', 409],
      ['c', null, 'APPOINTMENT_TRANSITION_REFUSED', 409],
    ]);
    expect(refused[0]?.problem?.title).toBe('Ce créneau est complet.');
    expect(refused[1]?.problem?.params).toEqual({ from: 'checked_in' });
    expect(done).toEqual([{ appointmentId: 'a', reference: 'PAR-AAAA-0001', appointment: moved, problem: null }]);
  });

  it('says a refusal without its problem as an internal error, never as done', () => {
    const { refused, done } = outcomesOf(
      { done: 0, refused: 1, results: [{ appointmentId: 'x', isDone: false, appointment: null, problem: null }] },
      new Map(),
    );
    expect(done).toEqual([]);
    expect(refused[0]?.problem?.code).toBe('INTERNAL_ERROR');
  });
});

describe('the steps of the conflicts screen', () => {
  it('reads the step from the address, the list for anything else', () => {
    expect(stepOf(new URLSearchParams('step=check'))).toBe('check');
    expect(stepOf(new URLSearchParams('step=delete-all'))).toBe('list');
    expect(stepOf(new URLSearchParams(''))).toBe('list');
    expect(stepPath('list')).toBe('/admin/conflicts');
    expect(stepPath('move', 'a1')).toBe('/admin/conflicts?step=move&appointment=a1');
  });
});
