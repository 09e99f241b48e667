import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { DateTime } from 'luxon';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { openPglite, openPostgres, type Database } from '../src/platform/db.ts';
import { type CpuShare, measureCpu } from './cpu.ts';
import { burst, load } from './load.ts';
import type { BookingTarget, BurstResult, LoadResult } from './load-types.ts';
import {
  AVAILABILITY,
  BOOKING,
  bookableSlots,
  checkSlots,
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
    ratio: number | null;
    nonCreated: Record<string, number>;
    problems: Record<string, number>;
    errors: number;
    timeouts: number;
    warmupConfirmed: number;
    exhausted: boolean;
    cpu: CpuShare | null;
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
  };
  diagnostics: {
    select1ReqPerSec: number;
    select1P50Ms: number;
    select1P99Ms: number;
    select1Seconds: number;
    select1Cpu: CpuShare | null;
  };
}

const log = (message: string) => process.stdout.write(`  ${message}\n`);
const round2 = (x: number) => Math.round(x * 100) / 100;
const otherThan = (statuses: Record<string, number>, ok: string) =>
  Object.fromEntries(Object.entries(statuses).filter(([status]) => status !== ok));

/**
 * The server's configuration: production mode (as deployed), with throwaway secrets, no request
 * logs, and no notification worker in this process (it runs as `mawid worker` in production).
 */
export function benchConfig(plan: Pick<EnginePlan, 'url' | 'poolSize'>): Config {
  return loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: plan.url,
    DATABASE_POOL_SIZE: String(plan.poolSize),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mawid-bench-')),
    PUBLIC_URL: 'http://127.0.0.1',
    SMTP_URL: 'smtp://127.0.0.1:2525',
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

  // The baselines: a bare Fastify hello-world, and a bare route doing one SELECT 1 on the same pool.
  const hello = Fastify({ logger: false });
  hello.get('/hello', async () => ({ hello: 'world' }));
  const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  const select1 = Fastify({ logger: false });
  select1.get('/select1', async () => {
    await database.ping();
    return { ok: true };
  });
  const select1Url = await select1.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  const setupSeconds = round2((performance.now() - setupStarted) / 1000);

  try {
    // ---- booking ----
    const booking = { cookies: bookingCookies, targets, startIndex: 0 };
    const warm = await load({
      url,
      connections: plan.connections,
      durationSeconds: plan.warmupSeconds,
      booking,
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
    // Requests cut off by the end of a run still finish on the server: let them land, then count.
    await settle();
    const before = await checkSlots(db, bookingSlotIds);
    const bookingCpu = measureCpu();
    const measured = await load({
      url,
      connections: plan.connections,
      durationSeconds: plan.bookingSeconds,
      booking: { ...booking, startIndex: warm.nextIndex },
    });
    const bookingCpuShare = bookingCpu();
    await settle();
    const confirmed = measured.statuses['201'] ?? 0;
    const warmupConfirmed = warm.statuses['201'] ?? 0;
    const bookingCheck = await checkSlots(db, bookingSlotIds);
    // Appointments the database took during the measured run: the 201s, plus at most one request per
    // connection that autocannon abandoned when the clock ran out (the server still booked it).
    const appointments = bookingCheck.activeAppointments - before.activeAppointments;
    const cutOff = appointments - confirmed;
    log(
      `booking: ${confirmed} confirmed in ${measured.durationSeconds} s (${measured.reqPerSec} req/s, p99 ${measured.p99Ms} ms)` +
        `${measured.exhausted ? ' — CITIZENS EXHAUSTED' : ''}`,
    );

    // ---- rush ----
    const rushRequests = rushCookies.map((cookie, i) => ({
      cookie,
      body: JSON.stringify({ consulateId: rushConsulateId, serviceId: rushServiceId, slotId: rushSlotIds[i % rushSlotIds.length] }),
    }));
    const rushCpu = measureCpu();
    const rush: BurstResult = await burst({ url, requests: rushRequests });
    const rushCpuShare = rushCpu();
    const rushCheck = await checkSlots(db, rushSlotIds);
    const refusedFull = rush.problems['409 SLOT_FULL'] ?? 0;
    const rushConfirmed = rush.statuses['201'] ?? 0;
    const otherDetail = Object.fromEntries(
      Object.entries(rush.problems).filter(([key]) => key !== '409 SLOT_FULL'),
    );
    if (rush.errors > 0) otherDetail['network errors'] = rush.errors;
    log(`rush: ${rushConfirmed} confirmed, ${refusedFull} SLOT_FULL, overbooked ${rushCheck.overbooked}, p99 ${rush.p99Ms} ms`);

    // ---- availability, hello-world and SELECT 1 baselines ----
    const today = DateTime.now().setZone('Europe/Paris');
    const path =
      `/api/v1/consulates/${ids.consulates[AVAILABILITY.consulate]}/services/${ids.services[AVAILABILITY.service]}/availability` +
      `?from=${today.toISODate()}&to=${today.plus({ days: 29 }).toISODate()}`;
    const probe = await fetch(`${url}${path}`);
    const probeBody = await probe.text();
    if (probe.status !== 200) throw new Error(`availability probe: ${probe.status} ${probeBody}`);
    const probeDays = (JSON.parse(probeBody) as { days: { times: unknown[] }[] }).days;
    if (probeDays.length === 0) throw new Error('availability probe: no free day in 30 days');

    const measure = async (target: string, get: string, seconds: number) => {
      await load({ url: target, connections: plan.connections, durationSeconds: plan.warmupSeconds, get });
      const cpu = measureCpu();
      const result: LoadResult = await load({ url: target, connections: plan.connections, durationSeconds: seconds, get });
      return { ...result, cpu: cpu() };
    };
    const availability = await measure(url, path, plan.availabilitySeconds);
    log(`availability: ${availability.reqPerSec} req/s, p99 ${availability.p99Ms} ms`);
    const helloResult = await measure(helloUrl, '/hello', plan.availabilitySeconds);
    log(`hello-world: ${helloResult.reqPerSec} req/s, p99 ${helloResult.p99Ms} ms`);
    const select1Result = await measure(select1Url, '/select1', plan.diagnosticSeconds);
    log(`SELECT 1 route: ${select1Result.reqPerSec} req/s, p99 ${select1Result.p99Ms} ms`);

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
        ratio: null,
        nonCreated: otherThan(measured.statuses, '201'),
        problems: measured.problems,
        errors: measured.errors,
        timeouts: measured.timeouts,
        warmupConfirmed,
        exhausted: measured.exhausted,
        cpu: bookingCpuShare,
        slots: bookingSlotIds.length,
        capacityPerSlot,
        db: {
          ...bookingCheck,
          appointments,
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
        overbooked: rushCheck.overbooked,
        bookedMismatches: rushCheck.bookedMismatches,
        activeAppointments: rushCheck.activeAppointments,
        p50Ms: rush.p50Ms,
        p99Ms: rush.p99Ms,
        maxMs: rush.maxMs,
        wallMs: rush.wallMs,
        cpu: rushCpuShare,
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
        helloReqPerSec: helloResult.reqPerSec,
        helloP50Ms: helloResult.p50Ms,
        helloP99Ms: helloResult.p99Ms,
        ratio: round2(availability.reqPerSec / helloResult.reqPerSec),
        cpu: availability.cpu,
        helloCpu: helloResult.cpu,
      },
      diagnostics: {
        select1ReqPerSec: select1Result.reqPerSec,
        select1P50Ms: select1Result.p50Ms,
        select1P99Ms: select1Result.p99Ms,
        select1Seconds: select1Result.durationSeconds,
        select1Cpu: select1Result.cpu,
      },
    };
  } finally {
    await Promise.allSettled([app.close(), hello.close(), select1.close()]);
    await database.close();
  }
}
