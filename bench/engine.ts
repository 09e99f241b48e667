import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type RouteHandlerMethod } from 'fastify';
import { DateTime } from 'luxon';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openPglite, openPostgres } from '../src/platform/db.ts';
import type { CpuShare } from './cpu.ts';
import type { BookingTarget } from './load-types.ts';
import { measureBooking, measureGet, measureRush, type ScenarioContext } from './scenarios.ts';
import {
  AVAILABILITY,
  BOOKING,
  bookableSlots,
  createCitizens,
  RUSH,
  recreatePostgresDatabase,
  type SlotCheck,
  seedBenchNetwork,
  setCapacity,
} from './setup-network.ts';

export type Engine = 'postgres' | 'pglite';

export interface EnginePlan {
  engine: Engine;
  /** PostgreSQL only. */
  url?: string;
  poolSize: number;
  connections: number;
  bookingCitizens: number;
  bookingSeconds: number;
  availabilitySeconds: number;
  warmupSeconds: number;
  diagnosticSeconds: number;
  rush: { citizens: number; slots: number; capacity: number };
  /** Called before each scenario: waits (a little) for other processes to leave the CPUs. */
  quiet: () => Promise<unknown>;
  /** Measurements disturbed by other processes (more than 0.3 cores) are retried up to this many times in all. */
  maxAttempts: number;
}

export interface EngineResult {
  setup: { seconds: number; citizensSeconds: number; poolSize: number | null; network: string };
  booking: {
    connections: number;
    seconds: number;
    citizens: number;
    confirmed: number;
    bookingsPerSec: number;
    p50Ms: number;
    p90Ms: number;
    p99Ms: number;
    maxMs: number;
    pgbenchTps: number | null;
    /** Whose pgbench: PostgreSQL's, for both engines (PGlite has none). */
    pgbenchOf: 'postgres' | null;
    ratio: number | null;
    nonCreated: Record<string, number>;
    problems: Record<string, number>;
    errors: number;
    timeouts: number;
    warmupConfirmed: number;
    exhausted: boolean;
    cpu: CpuShare | null;
    attempts: number;
    slots: number;
    capacityPerSlot: number;
    /** Whole-run totals over the booking slots, and `appointments` taken during the measured run. */
    db: SlotCheck & { appointments: number; cutOffAtEnd: number; matchesResponses: boolean };
  };
  rush: {
    citizens: number;
    seats: number;
    slots: number;
    confirmed: number;
    refusedFull: number;
    other: number;
    otherDetail: Record<string, number>;
    overbooked: number;
    bookedMismatches: number;
    activeAppointments: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    wallMs: number;
    cpu: CpuShare | null;
  };
  availability: {
    connections: number;
    seconds: number;
    path: string;
    days: number;
    times: number;
    responseBytes: number;
    reqPerSec: number;
    p50Ms: number;
    p99Ms: number;
    non200: Record<string, number>;
    errors: number;
    helloReqPerSec: number;
    helloP50Ms: number;
    helloP99Ms: number;
    ratio: number;
    cpu: CpuShare | null;
    helloCpu: CpuShare | null;
    attempts: number;
    helloAttempts: number;
  };
  diagnostics: {
    select1ReqPerSec: number;
    select1P50Ms: number;
    select1P99Ms: number;
    select1Seconds: number;
    select1Cpu: CpuShare | null;
    /** The availability answer's bytes, sent by a bare Fastify route. */
    sameBodyReqPerSec: number;
    sameBodyP99Ms: number;
    sameBodyCpu: CpuShare | null;
  };
}

const log = (message: string) => process.stdout.write(`  ${message}\n`);
const round2 = (x: number) => Math.round(x * 100) / 100;
const otherThan = (statuses: Record<string, number>, ok: string) =>
  Object.fromEntries(Object.entries(statuses).filter(([status]) => status !== ok));

/**
 * The server's configuration: development mode (production additionally demands real mail, payment
 * and key settings; what it changes for these routes, trustProxy and one CSP directive, costs nothing
 * measurable), throwaway secrets and data folder, no request logs, and no notification worker in this
 * process (in production it runs as `mawid worker`).
 */
export function benchConfig(plan: Pick<EnginePlan, 'url' | 'poolSize'>): Config {
  return loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: plan.url,
    DATABASE_POOL_SIZE: String(plan.poolSize),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mawid-bench-')),
    DOCUMENT_MASTER_KEY: randomBytes(32).toString('base64'),
    SIGNING_PRIVATE_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    WORKER_IN_PROCESS: 'false',
  });
}

async function open(plan: EnginePlan): Promise<Database> {
  if (plan.engine === 'pglite') return openPglite(undefined);
  if (!plan.url) throw new Error('postgres plan without url');
  await recreatePostgresDatabase(plan.url);
  return openPostgres(plan.url, plan.poolSize);
}

/** One engine, end to end: fresh database, bench network, the Mawid server, then each scenario. */
export async function runEngine(plan: EnginePlan): Promise<EngineResult> {
  const setupStarted = performance.now();
  const database = await open(plan);
  const { db } = database;
  const ids = await seedBenchNetwork(database);
  log(`seeded: ${ids.slots} slots materialized`);

  // Booking: citizen i books at consulate i % 4, spread over every bookable slot there.
  const perTarget = Math.ceil(plan.bookingCitizens / BOOKING.consulates.length);
  const targets: BookingTarget[] = [];
  let capacityPerSlot = 0;
  for (const code of BOOKING.consulates) {
    const consulateId = ids.consulates[code]!;
    const serviceId = ids.services[BOOKING.service]!;
    const slotIds = await bookableSlots(db, consulateId, serviceId);
    if (slotIds.length === 0) throw new Error(`no bookable ${BOOKING.service} slot at ${code}`);
    const capacity = Math.ceil(perTarget / slotIds.length) + 2;
    if (capacity > 1000) throw new Error(`${code}: ${perTarget} bookings need ${capacity} seats per slot (> 1000)`);
    await setCapacity(db, slotIds, capacity);
    capacityPerSlot = Math.max(capacityPerSlot, capacity);
    targets.push({ consulateId, serviceId, slotIds });
  }
  const bookingSlotIds = targets.flatMap((t) => t.slotIds);

  // Rush: a handful of slots of one department, `capacity` seats each.
  const rushConsulateId = ids.consulates[RUSH.consulate]!;
  const rushServiceId = ids.services[RUSH.service]!;
  const rushSlotIds = (await bookableSlots(db, rushConsulateId, rushServiceId)).slice(0, plan.rush.slots);
  if (rushSlotIds.length < plan.rush.slots) throw new Error(`only ${rushSlotIds.length} rush slots`);
  await setCapacity(db, rushSlotIds, plan.rush.capacity);

  const citizensStarted = performance.now();
  const bookingCookies = await createCitizens(db, 'book', plan.bookingCitizens);
  const rushCookies = await createCitizens(db, 'rush', plan.rush.citizens);
  const citizensSeconds = round2((performance.now() - citizensStarted) / 1000);
  log(`${plan.bookingCitizens + plan.rush.citizens} citizens with sessions in ${citizensSeconds} s`);

  const config = benchConfig(plan);
  const { app } = await buildApp({ config, database, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  const closers: (() => Promise<unknown>)[] = [() => app.close()];
  const bare = async (path: string, handler: RouteHandlerMethod) => {
    const server = Fastify({ logger: false });
    server.get(path, handler);
    closers.push(() => server.close());
    return server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  };
  // The baselines: a bare Fastify hello-world, and a bare route doing one SELECT 1 on the same database.
  const helloUrl = await bare('/hello', async () => ({ hello: 'world' }));
  const select1Url = await bare('/select1', async () => {
    await database.ping();
    return { ok: true };
  });
  const setupSeconds = round2((performance.now() - setupStarted) / 1000);

  const context: ScenarioContext = {
    db,
    connections: plan.connections,
    warmupSeconds: plan.warmupSeconds,
    quiet: plan.quiet,
    busyCores: 0.3,
    maxAttempts: plan.maxAttempts,
  };
  try {
    const booking = await measureBooking(context, {
      url,
      plan: { cookies: bookingCookies, targets },
      slotIds: bookingSlotIds,
      seconds: plan.bookingSeconds,
    });
    const measured = booking.result;
    const confirmed = measured.statuses['201'] ?? 0;
    // The database took the 201s plus at most one request per connection that autocannon abandoned
    // when the clock ran out (the server still booked it).
    const cutOff = booking.appointments - confirmed;

    const rush = await measureRush(context, {
      url,
      slotIds: rushSlotIds,
      requests: rushCookies.map((cookie, i) => ({
        cookie,
        body: JSON.stringify({
          consulateId: rushConsulateId,
          serviceId: rushServiceId,
          slotId: rushSlotIds[i % rushSlotIds.length],
        }),
      })),
    });
    const refusedFull = rush.result.problems['409 SLOT_FULL'] ?? 0;
    const rushConfirmed = rush.result.statuses['201'] ?? 0;
    const otherDetail = Object.fromEntries(
      Object.entries(rush.result.problems).filter(([key]) => key !== '409 SLOT_FULL'),
    );
    if (rush.result.errors > 0) otherDetail['network errors'] = rush.result.errors;

    const today = DateTime.now().setZone('Europe/Paris');
    const path =
      `/api/v1/consulates/${ids.consulates[AVAILABILITY.consulate]}/services/${ids.services[AVAILABILITY.service]}/availability` +
      `?from=${today.toISODate()}&to=${today.plus({ days: 29 }).toISODate()}`;
    const probe = await fetch(`${url}${path}`);
    const probeBody = await probe.text();
    if (probe.status !== 200) throw new Error(`availability probe: ${probe.status} ${probeBody}`);
    const probeDays = (JSON.parse(probeBody) as { days: { times: unknown[] }[] }).days;
    if (probeDays.length === 0) throw new Error('availability probe: no free day in 30 days');
    // The same answer from a bare route: what sending ~40 KB costs, apart from computing it.
    const sameBodyUrl = await bare('/body', async (_request, reply) =>
      reply.header('content-type', 'application/json; charset=utf-8').send(probeBody),
    );

    const availability = await measureGet(context, 'availability', { url, path, seconds: plan.availabilitySeconds });
    const hello = await measureGet(context, 'hello-world', {
      url: helloUrl,
      path: '/hello',
      seconds: plan.availabilitySeconds,
    });
    const select1 = await measureGet(context, 'SELECT 1 route', {
      url: select1Url,
      path: '/select1',
      seconds: plan.diagnosticSeconds,
    });
    const sameBody = await measureGet(context, 'same body, bare route', {
      url: sameBodyUrl,
      path: '/body',
      seconds: plan.diagnosticSeconds,
    });

    return {
      setup: {
        seconds: setupSeconds,
        citizensSeconds,
        poolSize: plan.engine === 'postgres' ? plan.poolSize : null,
        network:
          `demo network cut to ${[...new Set([AVAILABILITY.consulate, ...BOOKING.consulates, RUSH.consulate])].join(', ')}; ` +
          `${ids.slots} slots. booking: ${BOOKING.service} at ${BOOKING.consulates.join(', ')}; ` +
          `rush: ${RUSH.service} at ${RUSH.consulate}; availability: ${AVAILABILITY.service} at ${AVAILABILITY.consulate}`,
      },
      booking: {
        connections: plan.connections,
        seconds: measured.durationSeconds,
        citizens: plan.bookingCitizens,
        confirmed,
        bookingsPerSec: round2(confirmed / measured.durationSeconds),
        p50Ms: measured.p50Ms,
        p90Ms: measured.p90Ms,
        p99Ms: measured.p99Ms,
        maxMs: measured.maxMs,
        pgbenchTps: null,
        pgbenchOf: null,
        ratio: null,
        nonCreated: otherThan(measured.statuses, '201'),
        problems: measured.problems,
        errors: measured.errors,
        timeouts: measured.timeouts,
        warmupConfirmed: booking.warmupConfirmed,
        exhausted: measured.exhausted,
        cpu: booking.cpu,
        attempts: booking.attempts,
        slots: bookingSlotIds.length,
        capacityPerSlot,
        db: {
          ...booking.check,
          appointments: booking.appointments,
          cutOffAtEnd: cutOff,
          matchesResponses: cutOff >= 0 && cutOff <= plan.connections,
        },
      },
      rush: {
        citizens: plan.rush.citizens,
        seats: plan.rush.slots * plan.rush.capacity,
        slots: plan.rush.slots,
        confirmed: rushConfirmed,
        refusedFull,
        other: plan.rush.citizens - rushConfirmed - refusedFull,
        otherDetail,
        overbooked: rush.check.overbooked,
        bookedMismatches: rush.check.bookedMismatches,
        activeAppointments: rush.check.activeAppointments,
        p50Ms: rush.result.p50Ms,
        p99Ms: rush.result.p99Ms,
        maxMs: rush.result.maxMs,
        wallMs: rush.result.wallMs,
        cpu: rush.cpu,
      },
      availability: {
        connections: plan.connections,
        seconds: availability.durationSeconds,
        path: path.replace(/[0-9a-f-]{36}/g, ':id'),
        days: probeDays.length,
        times: probeDays.reduce((n, d) => n + d.times.length, 0),
        responseBytes: Buffer.byteLength(probeBody),
        reqPerSec: availability.reqPerSec,
        p50Ms: availability.p50Ms,
        p99Ms: availability.p99Ms,
        non200: { ...otherThan(availability.statuses, '200'), ...availability.problems },
        errors: availability.errors + availability.timeouts,
        helloReqPerSec: hello.reqPerSec,
        helloP50Ms: hello.p50Ms,
        helloP99Ms: hello.p99Ms,
        ratio: Math.round((availability.reqPerSec / hello.reqPerSec) * 1000) / 1000,
        cpu: availability.cpu,
        helloCpu: hello.cpu,
        attempts: availability.attempts,
        helloAttempts: hello.attempts,
      },
      diagnostics: {
        select1ReqPerSec: select1.reqPerSec,
        select1P50Ms: select1.p50Ms,
        select1P99Ms: select1.p99Ms,
        select1Seconds: select1.durationSeconds,
        select1Cpu: select1.cpu,
        sameBodyReqPerSec: sameBody.reqPerSec,
        sameBodyP99Ms: sameBody.p99Ms,
        sameBodyCpu: sameBody.cpu,
      },
    };
  } finally {
    await Promise.allSettled(closers.map((close) => close()));
    await database.close();
    rmSync(config.DATA_DIR, { recursive: true, force: true });
  }
}
