import { AppError } from '../../platform/errors.ts';

/**
 * A ticket at the post, from the desk to the counter. Waiting in the room, called to a counter
 * (called again: a recall; sent back to wait; sent to another department: transferred, and a new
 * ticket is issued there), then served, not served, or absent after the calls went unanswered.
 */
export const ticketStatuses = ['waiting', 'called', 'served', 'not_served', 'absent', 'transferred'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** Why a person is called before others who came earlier. */
export const priorityReasons = ['elderly', 'disabled', 'pregnant'] as const;
export type PriorityReason = (typeof priorityReasons)[number];

const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  waiting: ['called', 'transferred', 'not_served'],
  called: ['called', 'waiting', 'served', 'not_served', 'absent', 'transferred'],
  served: [],
  not_served: [],
  absent: [],
  transferred: [],
};

export function canTransitionTicket(from: TicketStatus, to: TicketStatus): boolean {
  return transitions[from].includes(to);
}

export function assertTicketTransition(from: TicketStatus, to: TicketStatus): void {
  if (!canTransitionTicket(from, to)) {
    throw new AppError('TICKET_TRANSITION_REFUSED', 409, `A ticket that is ${from} cannot become ${to}.`, { from, to });
  }
}

export function ticketStatusesLeadingTo(to: TicketStatus): TicketStatus[] {
  return ticketStatuses.filter((from) => transitions[from].includes(to));
}

export const activeTicketStatuses = ['waiting', 'called'] as const satisfies readonly TicketStatus[];
