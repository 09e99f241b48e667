import { describe, expect, it } from 'vitest';
import {
  capacityBody,
  capacityFaults,
  capacityText,
  servicesByDepartment,
  walkInChanges,
  withGroupTicked,
} from './floor-settings.ts';

const name = (fr: string) => ({ ar: fr, fr, en: fr });

describe('floor settings', () => {
  it('groups the services by department, in the departments’ order, leaving out a department without any', () => {
    const groups = servicesByDepartment(
      [
        { id: 's1', departmentId: 'passports' },
        { id: 's2', departmentId: 'civil' },
        { id: 's3', departmentId: 'passports' },
      ],
      [
        { id: 'civil', name: name('État civil') },
        { id: 'empty', name: name('Vide') },
        { id: 'passports', name: name('Passeports') },
      ],
    );
    expect(groups.map((g) => [g.departmentId, g.services.map((s) => s.id)])).toEqual([
      ['civil', ['s2']],
      ['passports', ['s1', 's3']],
    ]);
  });

  it('changes only the services whose box differs from what the API says', () => {
    const services = [
      { id: 's1', acceptsWalkIns: true },
      { id: 's2', acceptsWalkIns: false },
      { id: 's3', acceptsWalkIns: false },
    ];
    expect(walkInChanges(services, new Set(['s1', 's3']))).toEqual([{ serviceId: 's3', acceptsWalkIns: true }]);
    expect(walkInChanges(services, new Set())).toEqual([{ serviceId: 's1', acceptsWalkIns: false }]);
    expect(walkInChanges(services, new Set(['s1']))).toEqual([]);
  });

  it('takes a whole number of people from 1 to 100,000, or blank for none', () => {
    expect(capacityFaults({ capacity: '' })).toEqual({});
    expect(capacityFaults({ capacity: ' 40 ' })).toEqual({});
    expect(capacityFaults({ capacity: '12.5' })).toEqual({ capacity: { key: 'floor.errors.capacityWhole' } });
    expect(capacityFaults({ capacity: 'forty' })).toEqual({ capacity: { key: 'floor.errors.capacityWhole' } });
    expect(capacityFaults({ capacity: '0' })).toEqual({
      capacity: { key: 'floor.errors.capacityRange', params: { max: 100_000 } },
    });
    expect(capacityFaults({ capacity: '100001' }).capacity?.key).toBe('floor.errors.capacityRange');
    expect(capacityBody({ capacity: ' 40 ' })).toEqual({ capacity: 40 });
    expect(capacityBody({ capacity: '' })).toEqual({ capacity: null });
    expect(capacityText(null)).toBe('');
    expect(capacityText(40)).toBe('40');
  });

  it('replaces one department’s ticks and keeps the others’', () => {
    const next = withGroupTicked(new Set(['a1', 'b1', 'b2']), ['b1', 'b2', 'b3'], ['b3', 'x']);
    expect([...next].sort()).toEqual(['a1', 'b3']);
  });
});
