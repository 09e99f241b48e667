import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type CpuShare, measureCpu } from './cpu.ts';
import { dropPostgresDatabase, recreatePostgresDatabase, withDatabase } from './setup-network.ts';

const run = promisify(execFile);
const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

export interface PgbenchResult {
  tps: number;
  scale: number;
  clients: number;
  threads: number;
  seconds: number;
  mode: string;
  latencyAverageMs: number | null;
  /** During the -T run; `postgres` includes the pgbench client itself. */
  cpu: CpuShare | null;
}

/**
 * The database's own ceiling on this machine for short write transactions: pgbench's simple-update
 * mode (-N: three statements and an insert per transaction, no contention on the branch rows) in a
 * throwaway database next to the bench one.
 */
export async function runPgbench(
  url: string,
  options: { scale: number; clients: number; threads: number; seconds: number; database?: string },
): Promise<PgbenchResult> {
  const target = withDatabase(url, options.database ?? 'mawid_pgbench');
  const parsed = new URL(target);
  const connection = [
    '-h',
    parsed.hostname || '127.0.0.1',
    '-p',
    parsed.port || '5432',
    '-U',
    decodeURIComponent(parsed.username || 'postgres'),
  ];
  const env = { ...process.env, ...(parsed.password ? { PGPASSWORD: decodeURIComponent(parsed.password) } : {}) };
  const name = decodeURIComponent(parsed.pathname.slice(1));
  await recreatePostgresDatabase(target);
  try {
    await run(PGBENCH, [...connection, '-i', '-q', '-s', String(options.scale), name], { env, maxBuffer: 16 << 20 });
    const cpu = measureCpu();
    const { stdout } = await run(
      PGBENCH,
      [
        ...connection,
        '-N',
        '-c',
        String(options.clients),
        '-j',
        String(options.threads),
        '-T',
        String(options.seconds),
        name,
      ],
      { env, maxBuffer: 16 << 20 },
    );
    // PostgreSQL 15: "tps = 2913.861 (without initial connection time)"; older: "(excluding connections establishing)".
    const cpuShare = cpu();
    const tps = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(
      stdout,
    );
    if (!tps?.[1]) throw new Error(`pgbench: no tps in output:\n${stdout}`);
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    return {
      tps: Math.round(Number(tps[1])),
      scale: options.scale,
      clients: options.clients,
      threads: options.threads,
      seconds: options.seconds,
      mode: 'simple-update (-N)',
      latencyAverageMs: latency?.[1] ? Number(latency[1]) : null,
      cpu: cpuShare,
    };
  } finally {
    await dropPostgresDatabase(target);
  }
}
