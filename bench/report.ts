import type { CpuShare } from './cpu.ts';
import type { EngineResult } from './engine.ts';
import type { ReceptionResult } from './reception.ts';

/** `0.95/0.30/0.10/0.60/0.05`: server thread / load generator / GC+helpers / postgres / other (cores). */
const cpuText = (c: CpuShare | null) =>
  c
    ? [c.serverThread, c.loadGenerator ?? '?', c.helperThreads, c.postgres, c.other]
        .map((x) => (typeof x === 'number' ? x.toFixed(2) : x))
        .join(' / ')
    : '—';

export interface Target {
  name: string;
  engine: string;
  pass: boolean | null; // null: not measurable in this run
  detail: string;
}

export const TARGETS = {
  overbooked: 0,
  bookingRatio: 0.5,
  bookingP99Ms: 250,
  availabilityRatio: 0.3,
  availabilityP99Ms: 50,
  callNextP99Ms: 20,
  screenLatencyP99Ms: 500,
};

export function evaluateTargets(engine: string, r: EngineResult): Target[] {
  const b = r.booking;
  const a = r.availability;
  return [
    {
      name: 'rush: overbooked = 0',
      engine,
      pass: r.rush.overbooked === 0 && r.rush.bookedMismatches === 0 && b.db.overbooked === 0,
      detail: `overbooked ${r.rush.overbooked} (rush), ${b.db.overbooked} (booking); booked≠active on ${r.rush.bookedMismatches + b.db.bookedMismatches} slots`,
    },
    {
      name: `booking: ratio ≥ ${TARGETS.bookingRatio}, p99 < ${TARGETS.bookingP99Ms} ms`,
      engine,
      pass: b.ratio === null ? null : b.ratio >= TARGETS.bookingRatio && b.p99Ms < TARGETS.bookingP99Ms,
      detail: `ratio ${b.ratio ?? 'n/a (no pgbench in this run)'}, p99 ${b.p99Ms} ms`,
    },
    {
      name: `availability: ratio ≥ ${TARGETS.availabilityRatio}, p99 < ${TARGETS.availabilityP99Ms} ms`,
      engine,
      pass:
        a.ratio >= TARGETS.availabilityRatio &&
        a.p99Ms < TARGETS.availabilityP99Ms &&
        Object.keys(a.non200).length === 0,
      detail: `ratio ${a.ratio}, p99 ${a.p99Ms} ms${Object.keys(a.non200).length ? `, non-200: ${JSON.stringify(a.non200)}` : ''}`,
    },
  ];
}

const mark = (pass: boolean | null) => (pass === null ? 'n/a ' : pass ? 'PASS' : 'MISS');
const fmt = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : Number.isInteger(x) ? String(x) : Math.abs(x) < 1 ? x.toFixed(3) : x.toFixed(2);

/** The human table: one column per engine that ran. */
export function renderTable(results: Partial<Record<'postgres' | 'pglite', EngineResult>>): string {
  const engines = (['postgres', 'pglite'] as const).filter((e) => results[e]);
  const rows: [string, ...(string | number | null)[]][] = [];
  const add = (label: string, pick: (r: EngineResult) => number | string | null) =>
    rows.push([label, ...engines.map((e) => pick(results[e]!))]);
  add('booking: connections', (r) => r.booking.connections);
  add('booking: seconds measured', (r) => r.booking.seconds);
  add('booking: confirmed (201)', (r) => r.booking.confirmed);
  add('booking: bookings/s', (r) => r.booking.bookingsPerSec);
  add('booking: p50 ms', (r) => r.booking.p50Ms);
  add('booking: p99 ms', (r) => r.booking.p99Ms);
  add('booking: non-201', (r) =>
    Object.keys(r.booking.nonCreated).length ? JSON.stringify(r.booking.nonCreated) : 'none',
  );
  add(
    'booking: DB appointments in run',
    (r) =>
      `${r.booking.db.appointments} (${r.booking.db.matchesResponses ? 'ok' : 'MISMATCH'}: +${r.booking.db.cutOffAtEnd} cut off)`,
  );
  add('booking: CPU cores*', (r) => cpuText(r.booking.cpu));
  add('pgbench -N tps', (r) => r.booking.pgbenchTps);
  add('booking: ratio to pgbench', (r) => r.booking.ratio);
  add('rush: citizens / seats', (r) => `${r.rush.citizens} / ${r.rush.seats}`);
  add('rush: confirmed', (r) => r.rush.confirmed);
  add('rush: refused SLOT_FULL', (r) => r.rush.refusedFull);
  add('rush: other', (r) => r.rush.other);
  add('rush: overbooked (DB)', (r) => r.rush.overbooked);
  add('rush: booked ≠ active slots', (r) => r.rush.bookedMismatches);
  add('rush: p99 ms', (r) => r.rush.p99Ms);
  add('rush: wall ms', (r) => r.rush.wallMs);
  add('rush: CPU cores*', (r) => cpuText(r.rush.cpu));
  add('availability: req/s', (r) => r.availability.reqPerSec);
  add('availability: p99 ms', (r) => r.availability.p99Ms);
  add('availability: response bytes', (r) => r.availability.responseBytes);
  add('availability: CPU cores*', (r) => cpuText(r.availability.cpu));
  add('hello-world: req/s', (r) => r.availability.helloReqPerSec);
  add('hello-world: p99 ms', (r) => r.availability.helloP99Ms);
  add('hello-world: CPU cores*', (r) => cpuText(r.availability.helloCpu));
  add('availability: ratio to hello', (r) => r.availability.ratio);
  add('diag SELECT 1 route: req/s', (r) => r.diagnostics.select1ReqPerSec);
  add('diag SELECT 1 route: p99 ms', (r) => r.diagnostics.select1P99Ms);
  add('diag same body, bare route: req/s', (r) => r.diagnostics.sameBodyReqPerSec);
  add('diag same body, bare route: p99', (r) => r.diagnostics.sameBodyP99Ms);

  const cells = rows.map((row) => row.map((c) => (typeof c === 'number' || c === null ? fmt(c) : c)));
  const header = ['', ...engines];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => String(row[i]).length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map((r) => line(r.map(String)))];

  out.push('* cores used: server thread / load generator / GC+helper threads / postgres / other processes');
  const busy = engines.flatMap((e) => {
    const r = results[e]!;
    const shares: [string, CpuShare | null][] = [
      ['booking', r.booking.cpu],
      ['rush', r.rush.cpu],
      ['availability', r.availability.cpu],
      ['hello-world', r.availability.helloCpu],
    ];
    return shares.filter(([, c]) => (c?.other ?? 0) > 0.3).map(([name, c]) => `${e} ${name} (${c!.other} cores)`);
  });
  if (busy.length > 0)
    out.push(`! Other processes took CPU during: ${busy.join(', ')}. Those numbers are low; rerun on a quiet machine.`);
  const targets = engines.flatMap((e) => evaluateTargets(e, results[e]!));
  out.push('', 'Targets:');
  for (const t of targets) out.push(`  ${mark(t.pass)}  ${t.engine.padEnd(8)}  ${t.name.padEnd(46)}  ${t.detail}`);
  return out.join('\n');
}

/** The reception floor (PostgreSQL only): calls handed out once, fast, and on every screen in time. */
export function evaluateReceptionTargets(r: ReceptionResult): Target[] {
  return [
    {
      name: `reception: call-next p99 < ${TARGETS.callNextP99Ms} ms, no ticket twice`,
      engine: 'postgres',
      pass: r.callNextP99Ms < TARGETS.callNextP99Ms && r.duplicates === 0,
      detail: `p99 ${r.callNextP99Ms} ms (p50 ${r.callNextP50Ms}) over ${r.counters} counters, ${r.calls} calls, ${r.duplicates} twice`,
    },
    {
      name: `reception: screen p99 < ${TARGETS.screenLatencyP99Ms} ms, every event`,
      engine: 'postgres',
      pass: r.screenLatencyP99Ms < TARGETS.screenLatencyP99Ms && r.screenEventsReceived === r.screenEventsExpected,
      detail: `p99 ${r.screenLatencyP99Ms} ms (p50 ${r.screenLatencyP50Ms}) on ${r.screens} screens, ${r.screenEventsReceived}/${r.screenEventsExpected} events`,
    },
  ];
}

export function renderReceptionTargets(r: ReceptionResult): string {
  return evaluateReceptionTargets(r)
    .map((t) => `  ${mark(t.pass)}  ${t.engine.padEnd(8)}  ${t.name.padEnd(46)}  ${t.detail}`)
    .join('\n');
}
