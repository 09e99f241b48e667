import { isApiError } from '../../../../api/api-error.ts';
import type { HoursRule } from '../admin-types.ts';
import { type Faults, isLocalDate, wholeNumber } from '../faults.ts';

// A department's weekly hours as an editable table: each row one period of one weekday, every cell
// the text its input holds. The API's rules (src/modules/network/admin/admin.schemas.ts) are checked
// here first, so a refusal is said on its cell before anything is sent.

export const hoursColumns = [
  'weekday',
  'opensAt',
  'closesAt',
  'slotMinutes',
  'capacity',
  'validFrom',
  'validTo',
] as const;
export type HoursColumn = (typeof hoursColumns)[number];
export type HoursRow = { key: string } & Record<HoursColumn, string>;

export const MAX_ROWS = 100;
const MIN_SLOT = 5;
const MAX_SLOT = 240;
const MAX_CAPACITY = 1000;
const wallTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The id of a cell's input: the error summary links to it. */
export const cellId = (rowKey: string, column: HoursColumn) => `hours-${rowKey}-${column}`;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The table of a department's rules, by weekday then opening time. */
export function rowsFromRules(rules: readonly HoursRule[], newKey: () => string): HoursRow[] {
  return [...rules]
    .sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))
    .map((rule) => ({
      key: newKey(),
      weekday: String(rule.weekday),
      opensAt: rule.opensAt.slice(0, 5),
      closesAt: rule.closesAt.slice(0, 5),
      slotMinutes: String(rule.slotMinutes),
      capacity: String(rule.capacity),
      validFrom: rule.validFrom,
      validTo: rule.validTo ?? '',
    }));
}

/** The body of PUT …/opening-hours (and of its preview) from rows that passed `hoursFaults`. */
export function rulesFromRows(rows: readonly HoursRow[]): HoursRule[] {
  return rows.map((row) => ({
    weekday: Number(row.weekday),
    opensAt: row.opensAt.trim(),
    closesAt: row.closesAt.trim(),
    slotMinutes: wholeNumber(row.slotMinutes) ?? 0,
    capacity: wholeNumber(row.capacity) ?? 0,
    validFrom: row.validFrom.trim(),
    validTo: row.validTo.trim() === '' ? null : row.validTo.trim(),
  }));
}

/**
 * A new row below the others: the day after the last row's, with its times, slot length and
 * counters (the usual case is the same period on another day), valid from today.
 */
export function newRow(rows: readonly HoursRow[], today: string, key: string): HoursRow {
  const last = rows.at(-1);
  if (!last) {
    return {
      key,
      weekday: '1',
      opensAt: '09:00',
      closesAt: '12:00',
      slotMinutes: '20',
      capacity: '1',
      validFrom: today,
      validTo: '',
    };
  }
  const weekday = wholeNumber(last.weekday);
  return {
    ...last,
    key,
    weekday: weekday && weekday >= 1 && weekday <= 6 ? String(weekday + 1) : '1',
    validFrom: today,
    validTo: '',
  };
}

/** What is wrong with each cell, keyed by its id (`cellId`); empty when the table can be sent. */
export function hoursFaults(rows: readonly HoursRow[]): Faults {
  const faults: Faults = {};
  for (const row of rows) {
    const put = (column: HoursColumn, key: string, params?: Record<string, number>) => {
      faults[cellId(row.key, column)] ??= { key: `calendars.errors.${key}`, params };
    };
    const weekday = wholeNumber(row.weekday);
    if (weekday === null || weekday < 1 || weekday > 7) put('weekday', 'weekday');

    const opens = row.opensAt.trim();
    const closes = row.closesAt.trim();
    if (opens === '') put('opensAt', 'opensAtRequired');
    else if (!wallTime.test(opens)) put('opensAt', 'timeFormat');
    if (closes === '') put('closesAt', 'closesAtRequired');
    else if (!wallTime.test(closes)) put('closesAt', 'timeFormat');

    const slot = wholeNumber(row.slotMinutes);
    if (row.slotMinutes.trim() === '') put('slotMinutes', 'slotMinutesRequired');
    else if (slot === null || slot < MIN_SLOT || slot > MAX_SLOT)
      put('slotMinutes', 'slotMinutesRange', { min: MIN_SLOT, max: MAX_SLOT });

    if (wallTime.test(opens) && wallTime.test(closes)) {
      if (closes <= opens) put('closesAt', 'closesBeforeOpens');
      // The API takes it, but such a period gives no time at all: surely a slip.
      else if (slot !== null && slot >= MIN_SLOT && minutesOf(opens) + slot > minutesOf(closes)) {
        put('closesAt', 'shorterThanSlot', { minutes: slot });
      }
    }

    const capacity = wholeNumber(row.capacity);
    if (row.capacity.trim() === '') put('capacity', 'capacityRequired');
    else if (capacity === null || capacity > MAX_CAPACITY) put('capacity', 'capacityRange', { max: MAX_CAPACITY });

    const from = row.validFrom.trim();
    const to = row.validTo.trim();
    if (from === '') put('validFrom', 'validFromRequired');
    else if (!isLocalDate(from)) put('validFrom', 'dateFormat');
    if (to !== '' && !isLocalDate(to)) put('validTo', 'dateFormat');
    else if (to !== '' && isLocalDate(from) && to < from) put('validTo', 'endsBeforeStart');
  }
  return faults;
}

/**
 * The cells a VALIDATION_FAILED answer names (`body.hours.3.closesAt` → the fourth row's closing
 * time); the API's other refusals are about the whole table.
 */
export function apiHoursFaults(error: unknown, rows: readonly HoursRow[]): Faults {
  if (!isApiError(error)) return {};
  const faults: Faults = {};
  for (const fault of error.fields) {
    const match = /^body\.hours\.(\d+)\.(\w+)$/.exec(fault.path);
    const row = match ? rows[Number(match[1])] : undefined;
    const column = match?.[2] as HoursColumn | undefined;
    if (row && column && hoursColumns.includes(column)) {
      faults[cellId(row.key, column)] ??= { key: 'calendars.errors.refused' };
    }
  }
  return faults;
}

/** True when the rows say the same as the department's saved rules (nothing to save). */
export function isUnchanged(rows: readonly HoursRow[], rules: readonly HoursRule[]): boolean {
  if (Object.keys(hoursFaults(rows)).length > 0) return false;
  const canonical = (list: HoursRule[]) =>
    list
      .map((rule) =>
        JSON.stringify([
          rule.weekday,
          rule.opensAt.slice(0, 5),
          rule.closesAt.slice(0, 5),
          rule.slotMinutes,
          rule.capacity,
          rule.validFrom,
          rule.validTo,
        ]),
      )
      .sort()
      .join('|');
  return canonical(rulesFromRows(rows)) === canonical([...rules]);
}

/** Every cell's id in reading order: the error summary lists faults in the order of the page. */
export const cellOrder = (rows: readonly HoursRow[]) =>
  rows.flatMap((row) => hoursColumns.map((column) => cellId(row.key, column)));
