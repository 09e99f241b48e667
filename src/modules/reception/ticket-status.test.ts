import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  assertTicketTransition,
  canTransitionTicket,
  type TicketStatus,
  ticketStatuses,
  ticketStatusesLeadingTo,
} from './ticket-status.ts';

// The table as the counter's steps use it (call-next, recall, back to waiting, serve, not served,
// absent, transfer, the day's close), written out so a change to it is a change to this test too.
const allowed = new Set([
  'waiting>called',
  'waiting>transferred',
  'waiting>not_served',
  'called>called',
  'called>waiting',
  'called>served',
  'called>not_served',
  'called>absent',
  'called>transferred',
]);

describe('the ticket’s status table', () => {
  it('allows exactly the counter’s steps, and refuses every other pair with TICKET_TRANSITION_REFUSED', () => {
    for (const from of ticketStatuses) {
      for (const to of ticketStatuses) {
        const pair = `${from}>${to}`;
        expect(canTransitionTicket(from, to), pair).toBe(allowed.has(pair));
        if (allowed.has(pair)) expect(() => assertTicketTransition(from, to)).not.toThrow();
        else expect(() => assertTicketTransition(from, to)).toThrow(AppError);
      }
    }
  });

  it('reaches an end from every status', () => {
    const ends = (from: TicketStatus, seen = new Set<TicketStatus>()): boolean => {
      const next = ticketStatuses.filter((to) => canTransitionTicket(from, to) && to !== from);
      if (next.length === 0) return true;
      seen.add(from);
      return next.some((to) => !seen.has(to) && ends(to, new Set(seen)));
    };
    expect(ticketStatuses.filter((status) => !ends(status))).toEqual([]);
    expect(ticketStatusesLeadingTo('not_served').sort()).toEqual(['called', 'waiting']);
  });
});
