import { describe, expect, it } from 'vitest';
import { apiErrorFromProblem } from '../../../../api/api-error.ts';
import type { HoursRule } from '../admin-types.ts';
import {
  apiHoursFaults,
  cellId,
  cellOrder,
  type HoursRow,
  hoursFaults,
  isUnchanged,
  newRow,
  rowsFromRules,
  rulesFromRows,
} from './hours-table.ts';

const rules: HoursRule[] = [
  {
    weekday: 2,
    opensAt: '14:00',
    closesAt: '16:00',
    slotMinutes: 20,
    capacity: 3,
    validFrom: '2026-12-06',
    validTo: null,
  },
  {
    weekday: 1,
    opensAt: '08:30',
    closesAt: '12:30',
    slotMinutes: 20,
    capacity: 4,
    validFrom: '2026-12-06',
    validTo: '2027-06-30',
  },
  {
    weekday: 1,
    opensAt: '14:00:00',
    closesAt: '16:00:00',
    slotMinutes: 30,
    capacity: 0,
    validFrom: '2026-12-06',
    validTo: null,
  },
];

function keys() {
  let n = 0;
  return () => `r${++n}`;
}

const row = (overrides: Partial<HoursRow> = {}): HoursRow => ({
  key: 'a',
  weekday: '1',
  opensAt: '09:00',
  closesAt: '12:00',
  slotMinutes: '20',
  capacity: '3',
  validFrom: '2026-12-06',
  validTo: '',
  ...overrides,
});

describe('the hours table and the API body', () => {
  it('lists the rules by weekday then opening time, each cell as its input holds it', () => {
    const rows = rowsFromRules(rules, keys());
    expect(rows.map((r) => [r.weekday, r.opensAt, r.closesAt])).toEqual([
      ['1', '08:30', '12:30'],
      ['1', '14:00', '16:00'],
      ['2', '14:00', '16:00'],
    ]);
    expect(rows[0]).toMatchObject({ slotMinutes: '20', capacity: '4', validTo: '2027-06-30' });
    expect(rows[1]).toMatchObject({ capacity: '0', validTo: '' });
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it('gives back the same rules (a blank end is no end, numbers are numbers)', () => {
    const back = rulesFromRows(rowsFromRules(rules, keys()));
    expect(back).toEqual([
      {
        weekday: 1,
        opensAt: '08:30',
        closesAt: '12:30',
        slotMinutes: 20,
        capacity: 4,
        validFrom: '2026-12-06',
        validTo: '2027-06-30',
      },
      {
        weekday: 1,
        opensAt: '14:00',
        closesAt: '16:00',
        slotMinutes: 30,
        capacity: 0,
        validFrom: '2026-12-06',
        validTo: null,
      },
      {
        weekday: 2,
        opensAt: '14:00',
        closesAt: '16:00',
        slotMinutes: 20,
        capacity: 3,
        validFrom: '2026-12-06',
        validTo: null,
      },
    ]);
    expect(isUnchanged(rowsFromRules(rules, keys()), rules)).toBe(true);
  });

  it('trims what was typed around the values', () => {
    expect(rulesFromRows([row({ slotMinutes: ' 15 ', capacity: '2 ', validTo: ' 2027-01-31 ' })])[0]).toMatchObject({
      slotMinutes: 15,
      capacity: 2,
      validTo: '2027-01-31',
    });
  });

  it('sees a changed cell, a removed row and an added one as a change', () => {
    const rows = rowsFromRules(rules, keys());
    expect(
      isUnchanged(
        rows.map((r, i) => (i === 0 ? { ...r, capacity: '5' } : r)),
        rules,
      ),
    ).toBe(false);
    expect(isUnchanged(rows.slice(1), rules)).toBe(false);
    expect(isUnchanged([...rows, row()], rules)).toBe(false);
  });

  it('adds a row for the next weekday, like the last one, valid from today', () => {
    const rows = [
      row({
        weekday: '3',
        opensAt: '08:30',
        closesAt: '12:30',
        capacity: '4',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      }),
    ];
    expect(newRow(rows, '2026-12-06', 'n')).toEqual({
      key: 'n',
      weekday: '4',
      opensAt: '08:30',
      closesAt: '12:30',
      slotMinutes: '20',
      capacity: '4',
      validFrom: '2026-12-06',
      validTo: '',
    });
    expect(newRow([row({ weekday: '7' })], '2026-12-06', 'n').weekday).toBe('1');
    expect(newRow([], '2026-12-06', 'n')).toMatchObject({ weekday: '1', validFrom: '2026-12-06', validTo: '' });
  });
});

describe('the checks of the hours table', () => {
  const faultKeys = (rows: HoursRow[]) =>
    Object.fromEntries(Object.entries(hoursFaults(rows)).map(([id, fault]) => [id, fault.key]));

  it('finds nothing wrong with a good table', () => {
    expect(hoursFaults(rowsFromRules(rules, keys()))).toEqual({});
  });

  it('says what is missing, cell by cell', () => {
    expect(faultKeys([row({ opensAt: '', closesAt: '', slotMinutes: '', capacity: ' ', validFrom: '' })])).toEqual({
      [cellId('a', 'opensAt')]: 'calendars.errors.opensAtRequired',
      [cellId('a', 'closesAt')]: 'calendars.errors.closesAtRequired',
      [cellId('a', 'slotMinutes')]: 'calendars.errors.slotMinutesRequired',
      [cellId('a', 'capacity')]: 'calendars.errors.capacityRequired',
      [cellId('a', 'validFrom')]: 'calendars.errors.validFromRequired',
    });
  });

  it('refuses what the API refuses: times, slot length, counters, dates', () => {
    expect(faultKeys([row({ weekday: '8', opensAt: '9:00', closesAt: '24:00' })])).toEqual({
      [cellId('a', 'weekday')]: 'calendars.errors.weekday',
      [cellId('a', 'opensAt')]: 'calendars.errors.timeFormat',
      [cellId('a', 'closesAt')]: 'calendars.errors.timeFormat',
    });
    expect(hoursFaults([row({ slotMinutes: '4' })])[cellId('a', 'slotMinutes')]).toEqual({
      key: 'calendars.errors.slotMinutesRange',
      params: { min: 5, max: 240 },
    });
    expect(faultKeys([row({ slotMinutes: '241' })])[cellId('a', 'slotMinutes')]).toBe(
      'calendars.errors.slotMinutesRange',
    );
    expect(faultKeys([row({ slotMinutes: '12.5' })])[cellId('a', 'slotMinutes')]).toBe(
      'calendars.errors.slotMinutesRange',
    );
    expect(faultKeys([row({ capacity: '1001' })])[cellId('a', 'capacity')]).toBe('calendars.errors.capacityRange');
    expect(faultKeys([row({ capacity: '-1' })])[cellId('a', 'capacity')]).toBe('calendars.errors.capacityRange');
    expect(faultKeys([row({ capacity: '0' })])).toEqual({});
    expect(faultKeys([row({ validFrom: '2026-02-30' })])[cellId('a', 'validFrom')]).toBe('calendars.errors.dateFormat');
    expect(faultKeys([row({ validTo: '2026-12-05' })])[cellId('a', 'validTo')]).toBe(
      'calendars.errors.endsBeforeStart',
    );
    expect(faultKeys([row({ validTo: '2026-12-06' })])).toEqual({});
  });

  it('wants the period to close after it opens, and to hold one slot at least', () => {
    expect(faultKeys([row({ opensAt: '12:00', closesAt: '12:00' })])[cellId('a', 'closesAt')]).toBe(
      'calendars.errors.closesBeforeOpens',
    );
    expect(
      hoursFaults([row({ opensAt: '11:50', closesAt: '12:00', slotMinutes: '20' })])[cellId('a', 'closesAt')],
    ).toEqual({
      key: 'calendars.errors.shorterThanSlot',
      params: { minutes: 20 },
    });
    expect(faultKeys([row({ opensAt: '11:40', closesAt: '12:00', slotMinutes: '20' })])).toEqual({});
  });

  it('lists the cells in reading order, row by row', () => {
    const order = cellOrder([row({ key: 'x' }), row({ key: 'y' })]);
    expect(order.slice(0, 2)).toEqual([cellId('x', 'weekday'), cellId('x', 'opensAt')]);
    expect(order.indexOf(cellId('y', 'weekday'))).toBe(7);
  });

  it('puts the API’s refusal of a cell on that cell', () => {
    const rows = [row({ key: 'x' }), row({ key: 'y' })];
    const error = apiErrorFromProblem(400, {
      code: 'VALIDATION_FAILED',
      fields: [
        { path: 'body.hours.1.closesAt', message: 'must close after it opens' },
        { path: 'body.hours.7.opensAt', message: 'out of the table' },
        { path: 'body.hours', message: 'too many' },
      ],
    });
    expect(apiHoursFaults(error, rows)).toEqual({ [cellId('y', 'closesAt')]: { key: 'calendars.errors.refused' } });
    expect(apiHoursFaults(new Error('offline'), rows)).toEqual({});
  });
});
