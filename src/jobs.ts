import type { Logger } from 'pino';
import type { Config } from './config.ts';
import {
  type createChannels,
  enqueueReminders,
  type RunningWorker,
  startOutboxWorker,
} from './modules/notifications/index.ts';
import { expirePayments, type PaymentGateway, paymentGatewayOf } from './modules/payments/index.ts';
import { closeFloorDays, closeOpenDays, markNoShows } from './modules/reception/index.ts';
import { expireIdleRequests } from './modules/requests/index.ts';
import { materializeAllSlots } from './modules/scheduling/index.ts';
import { sealAuditLog } from './platform/audit.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Db } from './platform/db.ts';
import type { AppDeps } from './platform/http.ts';
import type { Keys } from './platform/keys.ts';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * The periodic work of the platform. Every job is idempotent and safe to run from several
 * processes at once (atomic statements, unique keys, SKIP LOCKED), so a restart or a second
 * worker never does anything twice.
 */
export function scheduledJobs(deps: {
  db: Db;
  clock: Clock;
  config: Config;
  keys: Keys;
  gateway: PaymentGateway;
  onCalendarChange?: () => void;
  onPaymentError?: (paymentId: string, error: unknown) => void;
}): ScheduledJob[] {
  const { db, clock, config } = deps;
  return [
    {
      name: 'calendars',
      everyMs: config.SLOT_REFRESH_MINUTES * 60_000,
      run: async () => {
        const slots = await materializeAllSlots({ db, clock });
        deps.onCalendarChange?.();
        return { slots };
      },
    },
    {
      name: 'audit-seal',
      everyMs: config.SLOT_REFRESH_MINUTES * 60_000,
      run: async () => ({ sealed: await sealAuditLog(db, clock.now()) }),
    },
    { name: 'reminders', everyMs: 5 * 60_000, run: () => enqueueReminders({ db, clock }) },
    {
      // Unfinished payments: ask the gateway first (a late approval still issues the stamp).
      name: 'payment-expiry',
      everyMs: 60_000,
      run: () => expirePayments({ db, clock, keys: deps.keys, gateway: deps.gateway, onError: deps.onPaymentError }),
    },
    {
      name: 'no-shows',
      everyMs: 5 * 60_000,
      run: async () => ({ marked: await markNoShows({ db, clock, graceMinutes: config.NO_SHOW_GRACE_MINUTES }) }),
    },
    {
      // The "nightly" close of each consulate's day, in its own zone: it acts once the day is over.
      // Appointments first, then the floor: tickets left waiting or called, counters left open.
      name: 'close-open-days',
      everyMs: 15 * 60_000,
      run: async () => ({ closed: await closeOpenDays({ db, clock }), floor: await closeFloorDays({ db, clock }) }),
    },
    {
      name: 'request-expiry',
      everyMs: 60 * 60_000,
      run: async () => ({
        expired: await expireIdleRequests({
          db,
          clock,
          days: {
            draft: config.REQUEST_DRAFT_EXPIRY_DAYS,
            moreInfo: config.REQUEST_MORE_INFO_EXPIRY_DAYS,
            accepted: config.REQUEST_ACCEPTED_EXPIRY_DAYS,
          },
        }),
      }),
    },
  ];
}

/** Runs each job now, then on its interval, one run at a time per job; stop() waits for runs in flight. */
export function startScheduledJobs(jobs: ScheduledJob[], log: Logger): { stop(): Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();
  let isStopped = false;
  for (const job of jobs) {
    let isRunning = false;
    const tick = () => {
      if (isRunning || isStopped) return;
      isRunning = true;
      const run = job
        .run()
        .then((result) => log.debug({ job: job.name, result }, 'job done'))
        .catch((error: unknown) =>
          log.error({ err: error, job: job.name }, 'job failed; it runs again at the next tick'),
        )
        .finally(() => {
          isRunning = false;
          inFlight.delete(run);
        });
      inFlight.add(run);
    };
    tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    timers.push(timer);
  }
  return {
    async stop() {
      isStopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all([...inFlight]);
    },
  };
}

/** The notification worker and the scheduled jobs, as `mawid worker` runs them (or `start` in-process). */
export async function startBackgroundWork(
  deps: AppDeps,
  log: Logger,
  channels: Awaited<ReturnType<typeof createChannels>>,
) {
  const { config, database } = deps;
  const worker: RunningWorker = startOutboxWorker({
    db: database.db,
    clock: systemClock,
    channels,
    publicUrl: config.PUBLIC_URL,
    logger: log,
  });
  const jobs = startScheduledJobs(
    scheduledJobs({
      db: database.db,
      clock: systemClock,
      config,
      keys: deps.keys,
      gateway: paymentGatewayOf(deps),
      onCalendarChange: () => deps.availability.invalidateAll(),
      onPaymentError: (paymentId, error) => log.warn({ err: error, paymentId }, 'payment expiry deferred'),
    }),
    log,
  );
  return {
    async stop() {
      await jobs.stop();
      await worker.stop();
    },
  };
}
