import { describe, expect, it } from 'vitest';
import { appointmentStatuses } from '../../../../modules/scheduling/appointment-status.ts';
import ar from '../../../i18n/staff/admin/ar.json';
import en from '../../../i18n/staff/admin/en.json';
import es from '../../../i18n/staff/admin/es.json';
import fr from '../../../i18n/staff/admin/fr.json';
import { closureFaults, emptyClosure } from './calendars/closures.ts';
import { cellId, type HoursRow, hoursFaults } from './calendars/hours-table.ts';
import { moveFaults, reasonFaults } from './conflicts/stranded.ts';
import { labelFaults } from './counters/counters.ts';
import type { Fault } from './faults.ts';
import { capacityFaults } from './floor/floor-settings.ts';

// The keys the admin screens build from values (statuses, reasons, states) and those their pure
// checks give: each must be in every language (catalogues.test.ts checks the literal ones).
type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
const catalogues = { ar: flatten(ar), fr: flatten(fr), en: flatten(en), es: flatten(es) };

const row = (overrides: Partial<HoursRow>): HoursRow => ({
  key: 'r',
  weekday: '1',
  opensAt: '09:00',
  closesAt: '12:00',
  slotMinutes: '20',
  capacity: '1',
  validFrom: '2026-12-06',
  validTo: '',
  ...overrides,
});

function faultKeys(): string[] {
  const faults: Fault[] = [
    ...[
      row({ weekday: '9', opensAt: '', closesAt: '', slotMinutes: '', capacity: '', validFrom: '' }),
      row({ opensAt: '9', closesAt: '25:00', slotMinutes: '1', capacity: 'x', validFrom: '2026-02-30' }),
      row({ opensAt: '12:00', closesAt: '11:00', validTo: '2026-01-01' }),
      row({ opensAt: '11:50', closesAt: '12:00' }),
    ].flatMap((r) => Object.values(hoursFaults([r]))),
    { key: 'calendars.errors.refused' },
    ...Object.values(closureFaults(emptyClosure, '2026-12-06')),
    ...Object.values(closureFaults({ ...emptyClosure, date: '2026-01-01', nameEs: 'x'.repeat(300) }, '2026-12-06')),
    ...Object.values(closureFaults({ ...emptyClosure, date: '2026-02-30' }, '2026-12-06')),
    ...['', 'x', 'x'.repeat(600)].flatMap((reason) => Object.values(reasonFaults({ reason }))),
    ...Object.values(moveFaults({ date: '', slotId: '', reason: '' })),
    ...Object.values(moveFaults({ date: 'd', slotId: '', reason: '' })),
    ...['', 'x'.repeat(50), 'A'].flatMap((label) =>
      Object.values(
        labelFaults(label, [
          { id: 'c', departmentId: 'd', label: 'A', isActive: true, agentId: null, openedAt: null, serviceIds: [] },
        ]),
      ),
    ),
    ...['x', '0'].flatMap((capacity) => Object.values(capacityFaults({ capacity }))),
  ];
  return [...new Set(faults.map((fault) => fault.key))];
}

describe('the admin catalogues', () => {
  it('say every fault the checks can find', () => {
    const keys = faultKeys();
    expect(keys.length).toBeGreaterThan(25);
    expect(keys).toContain(hoursFaults([row({ weekday: '0' })])[cellId('r', 'weekday')]?.key);
    for (const [language, catalogue] of Object.entries(catalogues)) {
      expect(
        keys.filter((key) => !catalogue.has(key)),
        language,
      ).toEqual([]);
    }
  });

  it('name every status, conflict reason, closure kind, counter state and screen', () => {
    const needed = [
      ...appointmentStatuses.map((status) => `status.${status}`),
      'conflicts.reason.withdrawn',
      'conflicts.reason.over_capacity',
      ...['national', 'host_country', 'consulate'].map((scope) => `calendars.closures.scope.${scope}`),
      ...['open', 'closed', 'out_of_service'].map((state) => `counters.state.${state}`),
      'counters.openBy',
      'counters.openByYou',
      ...['calendars', 'conflicts', 'day', 'counters', 'floor'].map((screen) => `nav.${screen}`),
    ];
    for (const [language, catalogue] of Object.entries(catalogues)) {
      expect(
        needed.filter((key) => !catalogue.has(key)),
        language,
      ).toEqual([]);
    }
  });
});
