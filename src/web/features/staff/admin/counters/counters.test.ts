import { describe, expect, it } from 'vitest';
import type { Counter } from '../admin-types.ts';
import { counterState, inLabelOrder, labelFaults, servedServices, serviceIdsToSave } from './counters.ts';

const counter = (id: string, label: string, overrides: Partial<Counter> = {}): Counter => ({
  id,
  departmentId: 'd',
  label,
  isActive: true,
  agentId: null,
  openedAt: null,
  serviceIds: [],
  ...overrides,
});

describe('counters', () => {
  const counters = [counter('1', '1'), counter('2', 'Passeports A')];

  it('wants a label of its own in the department, 40 characters at most', () => {
    expect(labelFaults(' ', counters)).toEqual({ label: { key: 'counters.errors.labelRequired' } });
    expect(labelFaults('x'.repeat(41), counters)).toEqual({
      label: { key: 'counters.errors.labelTooLong', params: { max: 40 } },
    });
    expect(labelFaults(' Passeports A ', counters)).toEqual({
      label: { key: 'counters.errors.labelTaken', params: { label: '\u2068Passeports A\u2069' } },
    });
    expect(labelFaults('Passeports A', counters, '2')).toEqual({});
    expect(labelFaults('3', counters)).toEqual({});
  });

  it('says whether a counter is out of service, open with someone at it, or closed', () => {
    expect(counterState({ isActive: false, agentId: null })).toBe('out_of_service');
    expect(counterState({ isActive: true, agentId: 'agent' })).toBe('open');
    expect(counterState({ isActive: true, agentId: null })).toBe('closed');
  });

  it('serves every service of its department when none is named', () => {
    const services = [{ id: 's1' }, { id: 's2' }, { id: 's3' }];
    expect(servedServices({ serviceIds: [] }, services)).toEqual({ isAll: true, services });
    expect(servedServices({ serviceIds: ['s3', 's1'] }, services)).toEqual({
      isAll: false,
      services: [{ id: 's1' }, { id: 's3' }],
    });
  });

  it('sends no list for none ticked or all ticked, else those ticked of the department', () => {
    const department = ['s1', 's2', 's3'];
    expect(serviceIdsToSave([], department)).toEqual([]);
    expect(serviceIdsToSave(['s3', 's1', 's2'], department)).toEqual([]);
    expect(serviceIdsToSave(['s3', 's1', 'other'], department)).toEqual(['s1', 's3']);
  });

  it('puts "2" before "10"', () => {
    expect(
      inLabelOrder([counter('a', '10'), counter('b', 'B'), counter('c', '2'), counter('d', 'A')]).map((c) => c.label),
    ).toEqual(['2', 'A', 'B', '10']);
  });
});
