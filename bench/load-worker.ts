import { readFileSync } from 'node:fs';
import http from 'node:http';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { BurstJob, BurstResult, Job, Latency, LoadJob, LoadResult } from './load-types.ts';

/**
 * The load generator. It runs in a worker thread of the bench process (see load.ts), so the server
 * under test keeps the main thread's event loop to itself, as it would in production.
 * It can also be imported and called inline (`--inline-load`).
 */
export async function runJob(job: Job): Promise<LoadResult | BurstResult> {
  const before = threadCpuSeconds();
  const result = job.kind === 'load' ? await runLoad(job) : await runBurst(job);
  const after = threadCpuSeconds();
  return { ...result, generatorCpuSeconds: before === null || after === null ? null : round(after - before) };
}

/** CPU seconds of the calling thread (Linux), to tell the load generator's share from the server's. */
function threadCpuSeconds(): number | null {
  try {
    const line = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const aggregate = (
  autocannon as unknown as {
    aggregateResult(results: autocannon.Result[], options: object): autocannon.Result;
  }
).aggregateResult;

const problemKey = (status: number, body: string) => {
  let code = '?';
  try {
    code = String((JSON.parse(body) as { code?: unknown }).code ?? '?');
  } catch {
    code = 'unparsable';
  }
  return `${status} ${code}`;
};

async function runLoad(job: LoadJob): Promise<Omit<LoadResult, 'generatorCpuSeconds'>> {
  const problems: Record<string, number> = {};
  const onResponse = (status: number, body: string) => {
    if (status >= 300) {
      const key = problemKey(status, body);
      problems[key] = (problems[key] ?? 0) + 1;
    }
  };
  let next = job.booking?.startIndex ?? 0;
  let exhausted = false;
  let request: autocannon.Request;
  if (job.booking) {
    const { cookies, targets } = job.booking;
    request = {
      method: 'POST',
      path: '/api/v1/appointments',
      onResponse,
      setupRequest: (req: autocannon.Request) => {
        const i = next++;
        if (i >= cookies.length) {
          // Out of citizens: send something harmless rather than a duplicate booking.
          exhausted = true;
          return { ...req, method: 'GET', path: '/healthz', headers: {}, body: undefined } as autocannon.Request;
        }
        const target = targets[i % targets.length]!;
        const slotId = target.slotIds[Math.floor(i / targets.length) % target.slotIds.length]!;
        return {
          ...req,
          headers: { 'content-type': 'application/json', cookie: cookies[i]! },
          body: JSON.stringify({ consulateId: target.consulateId, serviceId: target.serviceId, slotId }),
        } as autocannon.Request;
      },
    } as autocannon.Request;
  } else {
    request = { method: 'GET', path: job.get ?? '/', onResponse } as autocannon.Request;
  }
  const options = {
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    requests: [request],
    timeout: 30,
  };
  const raw = await autocannon(options);
  // Off the main thread autocannon hands back its raw histograms: aggregate them as it would.
  const result = isMainThread ? raw : aggregate([raw], options);
  const statuses: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[status] = (stat as { count: number }).count;
  }
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    durationSeconds: result.duration,
    completed,
    reqPerSec: round(completed / result.duration),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    meanMs: round(result.latency.mean),
    statuses,
    problems,
    errors: result.errors,
    timeouts: result.timeouts,
    nextIndex: next,
    exhausted,
  };
}

/** Opens one connection per request first, then sends every request in the same tick. */
async function runBurst(job: BurstJob): Promise<Omit<BurstResult, 'generatorCpuSeconds'>> {
  const n = job.requests.length;
  const agent = new http.Agent({ keepAlive: true, maxSockets: n, maxFreeSockets: n, keepAliveMsecs: 60_000 });
  const target = new URL(job.url);
  const send = (options: http.RequestOptions, body?: string) =>
    new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const req = http.request({ host: target.hostname, port: target.port, agent, ...options }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  // Warm-up: n simultaneous cheap requests leave n idle keep-alive sockets in the agent.
  await Promise.all(Array.from({ length: n }, () => send({ method: 'GET', path: '/healthz' })));
  const opened = Object.values(agent.freeSockets).reduce((a, list) => a + (list?.length ?? 0), 0);
  if (opened < n) throw new Error(`burst: only ${opened} of ${n} connections stayed open after warm-up`);

  const started = performance.now();
  const settled = await Promise.allSettled(
    job.requests.map((r) =>
      send(
        {
          method: 'POST',
          path: '/api/v1/appointments',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(r.body),
            cookie: r.cookie,
          },
        },
        r.body,
      ),
    ),
  );
  const wallMs = performance.now() - started;
  agent.destroy();

  const statuses: Record<string, number> = {};
  const problems: Record<string, number> = {};
  const times: number[] = [];
  let errors = 0;
  for (const outcome of settled) {
    if (outcome.status === 'rejected') {
      errors++;
      continue;
    }
    const { status, body, ms } = outcome.value;
    times.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 300) {
      const key = problemKey(status, body);
      problems[key] = (problems[key] ?? 0) + 1;
    }
  }
  return { sent: n, wallMs: round(wallMs), statuses, problems, errors, ...latencyOf(times) };
}

function latencyOf(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return {
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

const data = workerData as { benchLoadWorker?: boolean; job?: Job } | undefined;
if (parentPort && data?.benchLoadWorker && data.job) {
  const port = parentPort;
  runJob(data.job).then(
    (result) => port.postMessage({ ok: true, result }),
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
  );
}
