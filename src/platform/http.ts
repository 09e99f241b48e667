import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { AvailabilityCache } from '../modules/scheduling/availability.ts';
import type { SessionStore } from './auth.ts';
import type { Clock } from './clock.ts';
import type { Database, Db } from './db.ts';
import type { EventHub } from './events.ts';
import type { Keys } from './keys.ts';
import { problemSchema } from './problem.ts';

/** The Fastify instance every module registers on: Zod schemas in, Zod schemas out. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules receive. Built once in buildApp; no module-level singletons. */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  sessions: SessionStore;
  availability: AvailabilityCache;
  keys: Keys;
  // Events every server process sees (PostgreSQL LISTEN/NOTIFY): waiting-room screens.
  events: EventHub;
}

export const uuidSchema = z.uuid({ error: 'must be a UUID' });
export const localDateSchema = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 visible ASCII characters')
    .optional(),
});

/** The problem responses a route may give, for the OpenAPI document. */
export function problems(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema]));
}
