import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the machine's CPU went during a measurement, from /proc (Linux; elsewhere nothing is
 * reported): the bench process's main thread (the Mawid server, and for PGlite its database too),
 * the load generator's worker thread, the process's other threads (V8's GC helpers, libuv),
 * PostgreSQL's processes, and everything else on the machine. A large `other` means the numbers were taken on a busy machine.
 */
export interface CpuShare {
  seconds: number;
  /** All in cores (1.0 = one core busy for the whole interval). */
  serverThread: number;
  /** The load generator's thread (worker), when it reported its own CPU time. */
  loadGenerator: number | null;
  /** The bench process's remaining threads: V8's GC helpers, libuv, worker start-up. */
  helperThreads: number;
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
  /** pid -> CPU ticks of the PostgreSQL processes serving the bench (see benchDatabases). */
  postgres: Map<number, number>;
}

const TICKS = 100; // USER_HZ on Linux

let benchDatabases: string[] = [];

/**
 * The databases the bench uses: their backends count as `postgres`, together with the server's
 * background processes (WAL writer, checkpointer...). Backends of other databases count as `other`.
 */
export function setBenchDatabases(names: string[]): void {
  benchDatabases = names;
}

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

/**
 * A backend's title is `postgres: [15/main: ]user database host(port) state`; background processes
 * (`postgres: 15/main: checkpointer`) have no client address and always count.
 */
function servesBench(pid: string): boolean {
  const title = read(`/proc/${pid}/cmdline`)?.replaceAll('\0', ' ').trim() ?? '';
  const backend = /^postgres: (?:\S+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(title);
  return !backend || benchDatabases.includes(backend[1] ?? '');
}

function snapshot(): Snapshot | null {
  const stat = read('/proc/stat');
  if (!stat) return null;
  const cpu = stat.split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu;
  const postgres = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const line = read(`/proc/${entry}/stat`);
    if (!line) continue;
    const { comm, ticks } = ticksOf(line);
    if ((comm === 'postgres' || comm === 'pgbench') && servesBench(entry)) postgres.set(Number(entry), ticks);
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

/**
 * Starts measuring; call the returned function at the end of the interval. PostgreSQL processes are
 * also sampled every second, so backends that exit before the end (pgbench's) keep their time.
 */
export function measureCpu(): (generatorCpuSeconds?: number | null) => CpuShare | null {
  const start = snapshot();
  const lastSeen = new Map<number, number>();
  const sample = () => {
    const now = snapshot();
    for (const [pid, ticks] of now?.postgres ?? []) lastSeen.set(pid, ticks);
  };
  const timer = setInterval(sample, 1000);
  timer.unref();
  return (generatorCpuSeconds = null) => {
    clearInterval(timer);
    const end = snapshot();
    if (!start || !end) return null;
    for (const [pid, ticks] of end.postgres) lastSeen.set(pid, ticks);
    const seconds = (end.at - start.at) / 1000;
    const cores = (ticks: number) => Math.round((ticks / TICKS / seconds) * 100) / 100;
    const busy = end.busy - start.busy;
    const main = end.main - start.main;
    const process = end.process - start.process;
    // Per process: one that started during the interval counts whole.
    let postgres = 0;
    for (const [pid, ticks] of lastSeen) postgres += ticks - (start.postgres.get(pid) ?? 0);
    return {
      seconds: Math.round(seconds * 10) / 10,
      serverThread: cores(main),
      loadGenerator: generatorCpuSeconds === null ? null : Math.round((generatorCpuSeconds / seconds) * 100) / 100,
      helperThreads: cores(Math.max(0, process - main - (generatorCpuSeconds ?? 0) * TICKS)),
      postgres: cores(postgres),
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
  if (maxSeconds <= 0) return { otherCores: null, waitedSeconds: 0 };
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
