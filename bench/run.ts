/**
 * Mawid benchmark: `npm run bench [-- --only=postgres|pglite] [--quick] [--pool=N] [--inline-load]`.
 * See bench/README.md for what each scenario measures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { type CommerceResult, runCommerce } from './commerce.ts';
import { setBenchDatabases, waitForQuiet } from './cpu.ts';
import { type Engine, type EnginePlan, type EngineResult, runEngine } from './engine.ts';
import { setInlineLoad } from './load.ts';
import { type PgbenchResult, runPgbench } from './pgbench.ts';
import { RECEPTION_DATABASE, type ReceptionResult, runReception } from './reception.ts';
import { evaluateReceptionTargets, evaluateTargets, renderReceptionTargets, renderTable, TARGETS } from './report.ts';
import { databaseNameOf, lockBenchRun, postgresVersion } from './setup-network.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
for (const a of args) {
  if (!/^--(quick|inline-load|no-pgbench|only=(postgres|pglite)|pool=\d+|citizens=\d+|wait=\d+)$/.test(a)) {
    process.stderr.write(
      `Unknown argument ${a}.\nUsage: npm run bench -- [--only=postgres|pglite] [--quick] [--pool=N] [--citizens=N] [--wait=SECONDS] [--inline-load] [--no-pgbench]\n`,
    );
    process.exit(2);
  }
}

const quick = flag('quick');
const only = option('only') as Engine | undefined;
const engines: Engine[] = only ? [only] : ['postgres', 'pglite'];
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mawid_bench';
const poolSize = Number(option('pool') ?? 24);
const inlineLoad = flag('inline-load');
// How long to wait for other processes to leave the CPUs alone before each engine and pgbench.
const maxWait = Number(option('wait') ?? (quick ? 0 : 120));
setInlineLoad(inlineLoad);

const connections = 64;
const PGBENCH_DATABASE = 'mawid_pgbench';
setBenchDatabases([databaseNameOf(url), PGBENCH_DATABASE, RECEPTION_DATABASE]);
const pgbenchPlan = {
  scale: quick ? 1 : 10,
  clients: 64,
  threads: 2,
  seconds: quick ? 3 : 15,
  database: PGBENCH_DATABASE,
};

const log = (message: string) => process.stdout.write(`  ${message}\n`);

function planFor(engine: Engine): EnginePlan {
  const citizens = option('citizens');
  const common = {
    engine,
    poolSize,
    connections,
    rush: { citizens: 2000, slots: 10, capacity: 50 },
    maxAttempts: quick ? 1 : 3,
    quiet: () => waitForQuiet(maxWait / 4, 0.25, (other) => log(`waiting: other processes use ${other} cores`)),
  };
  if (quick) {
    return {
      ...common,
      url: engine === 'postgres' ? url : undefined,
      bookingCitizens: Number(citizens ?? 12_000),
      bookingSeconds: 3,
      availabilitySeconds: 3,
      warmupSeconds: 1,
      diagnosticSeconds: 2,
    };
  }
  return engine === 'postgres'
    ? {
        ...common,
        url,
        bookingCitizens: Number(citizens ?? 40_000),
        bookingSeconds: 15,
        availabilitySeconds: 10,
        warmupSeconds: 2,
        diagnosticSeconds: 5,
      }
    : {
        // PGlite is one connection in this process: fewer citizens and a shorter booking run.
        ...common,
        bookingCitizens: Number(citizens ?? 10_000),
        bookingSeconds: 10,
        availabilitySeconds: 10,
        warmupSeconds: 2,
        diagnosticSeconds: 5,
      };
}

function packageVersion(name: string): string {
  try {
    const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

type Machine = Awaited<ReturnType<typeof describeMachine>>;

async function describeMachine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgresVersion: engines.includes('postgres') ? await postgresVersion(url) : null,
    pglite: packageVersion('@electric-sql/pglite'),
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
}

async function main() {
  const started = Date.now();
  const machine = await describeMachine();
  process.stdout.write(
    `Mawid bench${quick ? ' (quick)' : ''}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}` +
      `${machine.postgresVersion ? `, PostgreSQL ${machine.postgresVersion}` : ''}\n`,
  );

  const unlock = engines.includes('postgres')
    ? await lockBenchRun(url, 1800, () => log('waiting: another bench run is using this PostgreSQL server'))
    : async () => undefined;
  try {
    await measureAll(machine, started);
  } finally {
    await unlock();
  }
}

async function measureAll(machine: Machine, started: number) {
  const results: Partial<Record<Engine, EngineResult>> = {};
  const plans: Partial<Record<Engine, EnginePlan>> = {};
  let pgbench: PgbenchResult | null = null;
  let commerce: CommerceResult | undefined;
  let reception: ReceptionResult | undefined;
  const background: Record<string, { otherCores: number | null; waitedSeconds: number }> = {};
  const quiet = () =>
    waitForQuiet(maxWait, 0.25, (other) =>
      log(`waiting: other processes use ${other} cores (up to ${maxWait} s, --wait=N)`),
    );
  for (const engine of engines) {
    const plan = planFor(engine);
    plans[engine] = plan;
    process.stdout.write(
      `\n[${engine}]${engine === 'postgres' ? ` ${url.replace(/:[^:@/]*@/, ':***@')}, pool ${poolSize}` : ' in memory'}\n`,
    );
    background[engine] = await quiet();
    const t0 = Date.now();
    results[engine] = await runEngine(plan);
    if (engine === 'postgres' && !flag('no-pgbench')) {
      background.pgbench = await quiet();
      pgbench = await runPgbench(url, pgbenchPlan);
      process.stdout.write(
        `  pgbench -N -c ${pgbench.clients} -j ${pgbench.threads} -T ${pgbench.seconds} (scale ${pgbench.scale}): ${pgbench.tps} tps` +
          `${pgbench.cpu ? ` (other processes: ${pgbench.cpu.other} cores)` : ''}\n`,
      );
    }
    if (engine === 'postgres') {
      // Requests (issue 3) and e-Timbre (issue 4), on PostgreSQL only.
      commerce = await runCommerce({ url, quick, log: (line) => process.stdout.write(`  ${line}\n`) });
      process.stdout.write(
        `  requests: queue p99 ${commerce.requests.queueP99Ms} ms, list p99 ${commerce.requests.listP99Ms} ms, 5 MB upload ${commerce.requests.upload5MbMs} ms (median of ${commerce.requests.uploads})\n` +
          `  payments: ${commerce.payments.callbacksPerSec} callbacks/s (p99 ${commerce.payments.callbackP99Ms} ms), verify ${commerce.payments.verifyReqPerSec} req/s = ${commerce.payments.verifyRatio} × hello-world\n`,
      );
      // The reception floor (issue 9): counters calling at once, waiting-room screens.
      reception = await runReception({ url, quick, log: (line) => process.stdout.write(`  ${line}\n`) });
      process.stdout.write(
        `  reception: call-next p99 ${reception.callNextP99Ms} ms (p50 ${reception.callNextP50Ms}, ${reception.callsPerSec} calls/s from ${reception.counters} counters), ` +
          `screens p99 ${reception.screenLatencyP99Ms} ms (${reception.screenEventsReceived}/${reception.screenEventsExpected} events on ${reception.screens} screens)` +
          `${Object.keys(reception.refused).length ? `, refused: ${JSON.stringify(reception.refused)}` : ''}` +
          `${reception.cpu ? ` (other processes ${reception.cpu.other} cores)` : ''}\n`,
      );
    }
    process.stdout.write(`  ${engine} done in ${Math.round((Date.now() - t0) / 1000)} s\n`);
  }
  // The booking ratio compares with PostgreSQL's pgbench of this run (PGlite's too, for scale).
  for (const engine of engines) {
    const booking = results[engine]!.booking;
    booking.pgbenchTps = pgbench?.tps ?? null;
    booking.pgbenchOf = pgbench ? 'postgres' : null;
    booking.ratio = pgbench ? Math.round((booking.bookingsPerSec / pgbench.tps) * 1000) / 1000 : null;
  }

  const output = {
    machine,
    settings: {
      quick,
      loadGenerator: inlineLoad
        ? 'autocannon 9 on the main thread (shares the server event loop)'
        : 'autocannon 9 in a worker thread of the bench process; the server has the main thread',
      serverProcess:
        'buildApp + listen on 127.0.0.1:0 in the bench process, NODE_ENV=development, logger off, no in-process worker',
      poolSize: engines.includes('postgres') ? poolSize : null,
      // CPU cores used by other processes just before each part started (after waiting up to --wait).
      background,
      pgbench,
      plans: Object.fromEntries(
        Object.entries(plans).map(([engine, plan]) => [
          engine,
          { ...plan, url: plan.url ? plan.url.replace(/:[^:@/]*@/, ':***@') : undefined },
        ]),
      ),
      notes: [
        'pglite: one in-process connection; booking runs 10 s with 10,000 citizens (postgres: 15 s, 40,000).',
        'pglite booking.ratio divides by the PostgreSQL pgbench tps of the same run (there is no pgbench for PGlite).',
      ],
    },
    postgres: results.postgres
      ? { ...results.postgres, requests: commerce?.requests, payments: commerce?.payments, reception }
      : null,
    pglite: results.pglite ?? null,
    targets: {
      thresholds: TARGETS,
      results: [
        ...engines.flatMap((e) => evaluateTargets(e, results[e]!)),
        ...(reception ? evaluateReceptionTargets(reception) : []),
      ],
    },
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };

  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const stamp = machine.date.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(output, null, 2)}\n`;
  writeFileSync(new URL(`${quick ? 'quick-' : ''}${stamp}.json`, dir), json);
  // latest.json (committed) only holds complete runs: both engines, full durations.
  const complete = !quick && engines.length === 2;
  if (complete) writeFileSync(new URL('latest.json', dir), json);

  process.stdout.write(`\n${renderTable(results)}\n${reception ? `${renderReceptionTargets(reception)}\n` : ''}\n`);
  process.stdout.write(
    `Wrote bench/results/${quick ? 'quick-' : ''}${stamp}.json${complete ? ' and bench/results/latest.json' : ' (latest.json is only written by a full run of both engines)'}; total ${output.totalSeconds} s\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
