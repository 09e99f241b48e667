/**
 * Issue 9 scenario, on PostgreSQL: 16 counters of one department calling the next ticket at the
 * same instant, round after round, from a busy waiting room (400 tickets, kept full by the desks'
 * check-ins and walk-ins), with 50 waiting-room screens connected by server-sent events. Measures
 * call-next latency, and the time from a call's request to its event's arrival on each screen.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { openPostgres, queryRows } from '../src/platform/db.ts';
import { ephemeralKeys } from '../src/platform/keys.ts';
import { type CpuShare, measureCpu } from './cpu.ts';
import { benchConfig } from './engine.ts';
import type { FloorJob, FloorResult } from './reception-floor.ts';
import { PASSPORT, recreatePostgresDatabase, seedBenchNetwork, withDatabase } from './setup-network.ts';

/** This scenario's own database, next to the bench's. */
export const RECEPTION_DATABASE = 'mawid_bench_reception';

export interface ReceptionResult {
  counters: number;
  screens: number;
  seconds: number;
  ticketsQueued: number;
  calls: number;
  callsPerSec: number;
  callNextP50Ms: number;
  callNextP99Ms: number;
  // A ticket handed out twice (must be 0), and calls whose answer was not 200 by problem code.
  duplicates: number;
  refused: Record<string, number>;
  screenEventsExpected: number;
  screenEventsReceived: number;
  screenLatencyP50Ms: number;
  screenLatencyP99Ms: number;
  // Cores used during the rounds (server thread / load generator / helpers / postgres / other).
  cpu: CpuShare | null;
}

const round = (value: number) => Math.round(value * 100) / 100;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);
}

const workerFile = new URL('./reception-floor.ts', import.meta.url).href;
// Worker threads do not inherit tsx's loader: register it first, then load the TypeScript worker.
const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerFile)}); })`;

/** The counters, desks and screens run in a worker thread: the server keeps the main thread to itself. */
async function runFloorInWorker(job: FloorJob): Promise<FloorResult> {
  const worker = new Worker(bootstrap, { eval: true, workerData: { benchFloorWorker: true, job } });
  try {
    return await new Promise<FloorResult>((resolve, reject) => {
      worker.once('message', (message: { ok: boolean; result?: FloorResult; error?: string }) => {
        if (message.ok) resolve(message.result as FloorResult);
        else reject(new Error(`floor worker: ${message.error}`));
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`floor worker exited with ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
}

export async function runReception(input: {
  url: string;
  quick: boolean;
  log: (line: string) => void;
}): Promise<ReceptionResult> {
  const url = withDatabase(input.url, RECEPTION_DATABASE);
  await recreatePostgresDatabase(url);
  const database = await openPostgres(url, 24);
  const config = benchConfig({ url, poolSize: 24 });
  const counters = 16;
  const screens = 50;
  const seconds = input.quick ? 3 : 10;
  // A busy waiting room, kept at about this size: the desks issue as many tickets as the counters call.
  const queued = 400;
  const bookedForDesks = input.quick ? 2_000 : 6_000;
  try {
    input.log('reception: seeding the bench network');
    const ids = await seedBenchNetwork(database);
    const db = database.db;
    const consulateId = ids.consulates.PAR!;
    const departmentId = ids.departments[`PAR:${PASSPORT}`]!;
    const serviceId = ids.services[PASSPORT]!;
    // This bench's consulate also takes passport walk-ins, so one department has both kinds.
    await db.execute(sql`UPDATE consulate_services SET accepts_walk_ins = true
                         WHERE consulate_id = ${consulateId} AND service_id = ${serviceId}`);

    input.log(`reception: ${queued} tickets waiting, ${bookedForDesks} arrivals due, ${counters} counters`);
    const people = queued / 2 + bookedForDesks;
    await db.execute(sql`
      INSERT INTO accounts (email, password_hash, role, email_verified_at)
      SELECT 'floor-' || g || '@bench.example', 'not-a-usable-hash', 'citizen', now() FROM generate_series(1, ${people}) g`);
    await db.execute(sql`
      INSERT INTO persons (account_id, relation, given_name_latin, family_name_latin)
      SELECT id, 'self', 'Bench', 'Arrival' FROM accounts WHERE email LIKE 'floor-%@bench.example'`);
    // Today's appointments: the first ones already checked in (their tickets below), the others
    // booked, checked in by the desks during the run.
    await db.execute(sql`
      INSERT INTO appointments (reference, slot_id, consulate_id, department_id, service_id, person_id, account_id,
                                starts_at, status, checked_in_at)
      SELECT 'PAR-B' || lpad(n::text, 7, '0'), (SELECT min(id) FROM slots WHERE department_id = ${departmentId}),
             ${consulateId}, ${departmentId}, ${serviceId}, p.id, p.account_id, now() - interval '1 minute',
             CASE WHEN n <= ${queued / 2} THEN 'checked_in' ELSE 'booked' END,
             CASE WHEN n <= ${queued / 2} THEN now() END
      FROM (SELECT p.id, p.account_id, row_number() OVER (ORDER BY p.id) AS n
            FROM persons p JOIN accounts a ON a.id = p.account_id WHERE a.email LIKE 'floor-%@bench.example') p`);
    const today = sql`(now() AT TIME ZONE 'Europe/Paris')::date`;
    await db.execute(sql`
      INSERT INTO tickets (consulate_id, department_id, service_id, local_date, number, code, appointment_id, is_walk_in,
                           queued_at, issued_at)
      SELECT ${consulateId}, ${departmentId}, ${serviceId}, ${today}, n, 'P-' || lpad(n::text, 3, '0'),
             a.id, a.id IS NULL, coalesce(a.starts_at, now() + n * interval '1 millisecond'), now()
      FROM generate_series(1, ${queued}) n
      LEFT JOIN appointments a ON a.reference = 'PAR-B' || lpad(n::text, 7, '0') AND a.status = 'checked_in'`);
    await db.execute(sql`
      INSERT INTO ticket_sequences (department_id, local_date, last_number) VALUES (${departmentId}, ${today}, ${queued})`);
    const arrivalsDue = (
      await queryRows<{ reference: string }>(
        db,
        sql`SELECT reference FROM appointments WHERE status = 'booked' AND reference LIKE 'PAR-B%' ORDER BY reference`,
      )
    ).map((row) => row.reference);

    const agents = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO accounts (email, password_hash, role, consulate_id)
          SELECT 'floor-agent-' || g || '@bench.example', 'not-a-usable-hash', 'consular_agent', ${consulateId}
          FROM generate_series(1, ${counters}) g RETURNING id`,
    );
    const counterIds = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO counters (department_id, label)
          SELECT ${departmentId}, 'B' || g FROM generate_series(1, ${counters}) g RETURNING id`,
    );
    for (const agent of agents) {
      await db.execute(
        sql`INSERT INTO staff_departments (account_id, department_id) VALUES (${agent.id}, ${departmentId})`,
      );
    }
    const [admin] = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM accounts WHERE role = 'consulate_admin' AND consulate_id = ${consulateId} LIMIT 1`,
    );
    await db.execute(sql`ANALYZE`);

    const { app, deps } = await buildApp({ config, database, logger: false, keys: ephemeralKeys() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const staff = `${origin}/api/v1/staff/consulates/${consulateId}`;
    const as = (token: string) => ({ cookie: `mawid_session=${token}`, 'content-type': 'application/json' });
    const postJson = async (path: string, token: string, body: object = {}) => {
      const response = await fetch(`${staff}${path}`, {
        method: 'POST',
        headers: as(token),
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    // Staff sessions as the sign-in leaves them, second factor given (sign-in is not measured here).
    const agentTokens = await Promise.all(agents.map(async (agent) => (await deps.sessions.create(agent.id)).token));
    const adminToken = (await deps.sessions.create(admin!.id)).token;
    for (const [i, token] of agentTokens.entries()) {
      const opened = await postJson(`/counters/${counterIds[i]!.id}/open`, token);
      if (opened.status !== 200) throw new Error(`open counter: ${opened.status} ${JSON.stringify(opened.body)}`);
    }

    const created = await fetch(`${origin}/api/v1/admin/consulates/${consulateId}/screen-tokens`, {
      method: 'POST',
      headers: as(adminToken),
      body: JSON.stringify({ label: 'Bench hall' }),
    });
    const { token: screenToken } = (await created.json()) as { token: string };
    input.log(`reception: ${screens} screens, rounds of ${counters} simultaneous calls for ${seconds} s`);
    // The CPU share spans the warm-up rounds too: the worker cannot say when they end.
    const stopCpu = measureCpu();
    const floor = await runFloorInWorker({
      staff,
      screenUrl: `${origin}/api/v1/screens/${screenToken}/events`,
      screens,
      seconds,
      warmupRounds: 3,
      counters: counterIds.map((counter, i) => ({ id: counter.id, token: agentTokens[i]! })),
      adminToken,
      serviceId,
      arrivalsDue,
    });
    const cpu = stopCpu(floor.generatorCpuSeconds);
    await app.close();
    const { latencies, screenLatencies } = floor;
    latencies.sort((a, b) => a - b);
    screenLatencies.sort((a, b) => a - b);
    return {
      counters,
      screens,
      seconds: round(floor.elapsedSeconds),
      ticketsQueued: queued,
      calls: floor.calls,
      callsPerSec: round(floor.calls / floor.elapsedSeconds),
      callNextP50Ms: percentile(latencies, 0.5),
      callNextP99Ms: percentile(latencies, 0.99),
      duplicates: floor.duplicates,
      refused: floor.refused,
      screenEventsExpected: floor.screenEventsExpected,
      screenEventsReceived: floor.screenEventsReceived,
      screenLatencyP50Ms: percentile(screenLatencies, 0.5),
      screenLatencyP99Ms: percentile(screenLatencies, 0.99),
      cpu,
    };
  } finally {
    await database.close();
    rmSync(config.DATA_DIR, { recursive: true, force: true });
  }
}
