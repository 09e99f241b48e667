import type { Db } from '../../platform/db.ts';
import { publish } from '../../platform/events.ts';

/** The channel of the reception floor: calls and recalls for the waiting-room screens, revocations. */
export const FLOOR_CHANNEL = 'mawid_floor';

/** A ticket called (or called again) to a counter, as screens show it. */
export interface CallEvent {
  type: 'ticket.called' | 'ticket.recalled';
  consulateId: string;
  departmentId: string;
  ticketId: string;
  code: string;
  counterId: string;
  counterLabel: string;
  callCount: number;
  calledAt: string;
}

export interface ScreenRevokedEvent {
  type: 'screen.revoked';
  consulateId: string;
  screenTokenId: string;
}

export type FloorEvent = CallEvent | ScreenRevokedEvent;

/** Sent to every server process when the transaction commits (never if it rolls back). */
export function publishFloorEvent(tx: Db, event: FloorEvent): Promise<void> {
  return publish(tx, FLOOR_CHANNEL, event);
}

export function isFloorEvent(payload: unknown): payload is FloorEvent {
  const type = (payload as { type?: unknown } | null)?.type;
  return type === 'ticket.called' || type === 'ticket.recalled' || type === 'screen.revoked';
}
