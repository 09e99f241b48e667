/** Messages between the bench and its load-generating worker thread. */

export interface BookingTarget {
  consulateId: string;
  serviceId: string;
  slotIds: number[];
}

/** Citizen i books at targets[i % n], slot slotIds[floor(i / n) % slotIds.length]. */
export interface BookingPlan {
  cookies: string[];
  targets: BookingTarget[];
  startIndex: number;
}

export interface LoadJob {
  kind: 'load';
  url: string;
  connections: number;
  durationSeconds: number;
  /** A fixed GET, or the booking plan (one distinct citizen per request). */
  get?: string;
  booking?: BookingPlan;
}

export interface BurstJob {
  kind: 'burst';
  url: string;
  /** One POST /api/v1/appointments per entry, all sent at once on pre-opened connections. */
  requests: { cookie: string; body: string }[];
}

export type Job = LoadJob | BurstJob;

export interface Latency {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface LoadResult extends Latency {
  durationSeconds: number;
  completed: number;
  reqPerSec: number;
  /** HTTP status -> count */
  statuses: Record<string, number>;
  /** `${status} ${problem code}` -> count, for the answers that were not 2xx */
  problems: Record<string, number>;
  errors: number;
  timeouts: number;
  /** The next unused citizen (booking plans). */
  nextIndex: number;
  /** The citizens ran out before the duration did (bench sizing problem). */
  exhausted: boolean;
  /** CPU seconds used by the load generator's own thread (null where /proc is missing). */
  generatorCpuSeconds: number | null;
}

export interface BurstResult extends Latency {
  sent: number;
  wallMs: number;
  statuses: Record<string, number>;
  problems: Record<string, number>;
  errors: number;
  generatorCpuSeconds: number | null;
}
