import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/**
 * The reception floor's load (see reception.ts): the counters, the desks and the waiting-room
 * screens, in a worker thread of the bench process. Calls and screens share this thread's clock,
 * so a call's send time and its events' arrivals compare directly.
 */
export interface FloorJob {
  staff: string;
  screenUrl: string;
  screens: number;
  seconds: number;
  // Rounds first run and not measured: connections prepare their statements, the JIT warms up.
  warmupRounds: number;
  counters: { id: string; token: string }[];
  adminToken: string;
  serviceId: string;
  arrivalsDue: string[];
}

export interface FloorResult {
  elapsedSeconds: number;
  // This thread's CPU during the measured rounds (null off Linux), to tell it from the server's.
  generatorCpuSeconds: number | null;
  calls: number;
  duplicates: number;
  refused: Record<string, number>;
  latencies: number[];
  screenLatencies: number[];
  screenEventsExpected: number;
  screenEventsReceived: number;
}

/** CPU seconds of the calling thread (Linux). */
function threadCpuSeconds(): number | null {
  try {
    const line = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** One screen's browser: calls `onCall(ticketId)` as each `call` event arrives. */
function openScreen(url: string, onCall: (ticketId: string) => void): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { agent: false }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`screen: ${response.statusCode}`));
      let buffer = '';
      let isReady = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        if (!isReady && buffer.includes('retry:')) {
          isReady = true;
          resolve(() => request.destroy());
        }
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: call\n')) {
            onCall((JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { ticketId: string }).ticketId);
          }
          end = buffer.indexOf('\n\n');
        }
      });
    });
    request.on('error', reject);
    request.end();
  });
}

export async function runFloor(job: FloorJob): Promise<FloorResult> {
  const headers = (token: string) => ({ cookie: `mawid_session=${token}`, 'content-type': 'application/json' });
  const post = async (path: string, token: string, body: object = {}) => {
    const response = await fetch(`${job.staff}${path}`, {
      method: 'POST',
      headers: headers(token),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const arrivals = new Map<string, number[]>();
  const closers = await Promise.all(
    Array.from({ length: job.screens }, () =>
      openScreen(job.screenUrl, (ticketId) => {
        const at = performance.now();
        const list = arrivals.get(ticketId);
        if (list) list.push(at);
        else arrivals.set(ticketId, [at]);
      }),
    ),
  );

  // Rounds: the counters call at the same instant; then each finishes its person (a walk-in
  // served, an appointment not served: its fee is not settled) while the desks issue as many
  // tickets (half check-ins, half walk-ins), so the waiting room stays as full.
  const sentAt = new Map<string, number>();
  const seen = new Set<string>();
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  const count = (key: string) => {
    refused[key] = (refused[key] ?? 0) + 1;
  };
  let duplicates = 0;
  let nextArrival = 0;
  let isMeasuring = false;
  let started = performance.now();
  let cpuAtStart: number | null = null;
  let deadline = Number.POSITIVE_INFINITY;
  for (let round = 0; performance.now() < deadline; round++) {
    if (round === job.warmupRounds) {
      isMeasuring = true;
      cpuAtStart = threadCpuSeconds();
      started = performance.now();
      deadline = started + job.seconds * 1000;
    }
    const calls = await Promise.all(
      job.counters.map(async (counter) => {
        const t0 = performance.now();
        const answer = await post(`/counters/${counter.id}/call-next`, counter.token);
        if (isMeasuring) latencies.push(performance.now() - t0);
        if (answer.status !== 200) {
          count(String(answer.body.code ?? answer.status));
          return null;
        }
        const id = answer.body.id as string;
        if (seen.has(id)) duplicates++;
        seen.add(id);
        if (isMeasuring) sentAt.set(id, t0);
        return { token: counter.token, id, isWalkIn: answer.body.isWalkIn === true };
      }),
    );
    await Promise.all([
      ...calls.map(async (call) => {
        if (!call) return;
        const done = call.isWalkIn
          ? await post(`/tickets/${call.id}/serve`, call.token)
          : await post(`/tickets/${call.id}/not-served`, call.token, { reason: 'documents_missing' });
        if (done.status !== 200) count(`finish ${String(done.body.code ?? done.status)}`);
      }),
      ...calls.map(async (_, i) => {
        const reference = i % 2 === 0 ? job.arrivalsDue[nextArrival++] : undefined;
        const issued = reference
          ? await post('/check-ins', job.adminToken, { reference })
          : await post('/walk-ins', job.adminToken, { serviceId: job.serviceId });
        if (issued.status !== 200 && issued.status !== 201) count(`desk ${String(issued.body.code ?? issued.status)}`);
      }),
    ]);
  }
  const elapsedSeconds = (performance.now() - started) / 1000;
  const cpuAtEnd = threadCpuSeconds();
  const generatorCpuSeconds = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart;
  // Events still in flight reach the screens within moments; stop waiting after 2 seconds.
  const expected = sentAt.size * job.screens;
  const received = () => [...sentAt.keys()].reduce((sum, id) => sum + (arrivals.get(id)?.length ?? 0), 0);
  for (let waited = 0; received() < expected && waited < 2_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const screenLatencies: number[] = [];
  for (const [ticketId, t0] of sentAt) for (const at of arrivals.get(ticketId) ?? []) screenLatencies.push(at - t0);
  for (const close of closers) close();
  return {
    elapsedSeconds,
    generatorCpuSeconds,
    calls: sentAt.size,
    duplicates,
    refused,
    latencies,
    screenLatencies,
    screenEventsExpected: expected,
    screenEventsReceived: received(),
  };
}

if (!isMainThread && (workerData as { benchFloorWorker?: boolean } | null)?.benchFloorWorker) {
  runFloor((workerData as { job: FloorJob }).job).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
  );
}
