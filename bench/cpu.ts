import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the machine's CPU went during a measurement, from /proc (Linux; elsewhere nothing is
 * reported): the bench process's main thread (the Mawid server, and for PGlite its database too),
 * its other threads (the load generator, GC, libuv), PostgreSQL's processes, and everything else on
 * the machine. A large `other` means the numbers were taken on a busy machine.
 */
export interface CpuShare {
  seconds: number;
  /** All in cores (1.0 = one core busy for the whole interval). */
  serverThread: number;
  benchOtherThreads: number;
  postgres: number;
  other: number;
  idle: number;
}

interface Snapshot {
  at: number;
  busy: number;
  idle: number;
  main: number;
  process: number;
  postgres: number;
}

const TICKS = 100; // USER_HZ on Linux

function ticksOf(statLine: string): { comm: string; ticks: number } {
  // The command name is in parentheses and may hold spaces: split after the last ')'.
  const close = statLine.lastIndexOf(')');
  const comm = statLine.slice(statLine.indexOf('(') + 1, close);
  const fields = statLine.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return { comm, ticks: Number(fields[11]) + Number(fields[12]) };
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function snapshot(): Snapshot | null {
  const stat = read('/proc/stat');
  if (!stat) return null;
  const cpu = stat.split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu;
  let postgres = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const line = read(`/proc/${entry}/stat`);
    if (!line) continue;
    const { comm, ticks } = ticksOf(line);
    if (comm === 'postgres' || comm === 'pgbench') postgres += ticks;
  }
  const self = read(`/proc/${process.pid}/stat`);
  const main = read(`/proc/${process.pid}/task/${process.pid}/stat`);
  return {
    at: performance.now(),
    busy: user + nice + system + irq + softirq + steal,
    idle: idle + iowait,
    main: main ? ticksOf(main).ticks : 0,
    process: self ? ticksOf(self).ticks : 0,
    postgres,
  };
}

/** Starts measuring; call the returned function at the end of the interval. */
export function measureCpu(): () => CpuShare | null {
  const start = snapshot();
  return () => {
    const end = snapshot();
    if (!start || !end) return null;
    const seconds = (end.at - start.at) / 1000;
    const cores = (ticks: number) => Math.round((ticks / TICKS / seconds) * 100) / 100;
    const busy = end.busy - start.busy;
    const main = end.main - start.main;
    const process = end.process - start.process;
    const postgres = end.postgres - start.postgres;
    return {
      seconds: Math.round(seconds * 10) / 10,
      serverThread: cores(main),
      benchOtherThreads: cores(Math.max(0, process - main)),
      postgres: cores(postgres),
      // Postgres backends that exited during the interval take their ticks with them: clamp at 0.
      other: cores(Math.max(0, busy - process - postgres)),
      idle: cores(end.idle - start.idle),
    };
  };
}

/**
 * Waits (up to `maxSeconds`) until the rest of the machine uses less than `threshold` cores, so a
 * benchmark does not start while something else (a test run, a build) holds the CPUs. Returns the
 * last measured background load.
 */
export async function waitForQuiet(
  maxSeconds: number,
  threshold = 0.25,
  onBusy: (other: number) => void = () => undefined,
): Promise<{ otherCores: number | null; waitedSeconds: number }> {
  const started = performance.now();
  for (;;) {
    const stop = measureCpu();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const share = stop();
    const waitedSeconds = Math.round((performance.now() - started) / 1000);
    if (!share) return { otherCores: null, waitedSeconds };
    const other = Math.round((share.other + share.postgres) * 100) / 100;
    if (other < threshold || waitedSeconds >= maxSeconds) return { otherCores: other, waitedSeconds };
    onBusy(other);
  }
}
