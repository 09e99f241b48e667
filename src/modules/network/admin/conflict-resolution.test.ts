import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db.ts';
import { engines } from '../../../test/databases.ts';
import { countRows, createTestContext, makeCitizens, slotRow, type TestContext } from '../../../test/harness.ts';
import { adminTestKit, expectProblem, UNKNOWN_UUID } from './admin.test-support.ts';

type Booked = Awaited<ReturnType<Awaited<ReturnType<typeof adminTestKit>>['book']>>;
type Result = {
  appointmentId: string;
  isDone: boolean;
  appointment: { id: string; status: string; slotId: number; localDate: string; localTime: string } | null;
  problem: { code: string; status: number; title: string } | null;
};
type Batch = { done: number; refused: number; results: Result[] };

const CLOSED = '2026-12-10';
const NAME = { ar: 'إغلاق استثنائي', fr: 'Fermeture exceptionnelle', en: 'Exceptional closure' };

describe.each(engines)('resolving conflicts in bulk on %s', (engine) => {
  let ctx: TestContext;
  let kit: Awaited<ReturnType<typeof adminTestKit>>;
  let citizens: Awaited<ReturnType<typeof makeCitizens>>;
  // a, b are cancelled; c moves, d meets a full slot, e moves inside the citizens' cut-off.
  let a: Booked, b: Booked, c: Booked, d: Booked, e: Booked, dubai: Booked;
  let freeSlotId: number;
  let fullSlotId: number;
  let cancellations: string;
  let moves: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    kit = await adminTestKit(ctx);
    cancellations = kit.adminUrl('PAR', '/appointments/cancellations');
    moves = kit.adminUrl('PAR', '/appointments/moves');
    citizens = await makeCitizens(ctx, 10);
    const at = async (service: 'passport' | 'copy', date: string, time: string) =>
      (await kit.timesOn('PAR', service, date)).find((t) => t.time === time)!.slotId;
    a = await kit.book(citizens[0]!.cookie, 'PAR', 'passport', await at('passport', CLOSED, '08:30'));
    b = await kit.book(citizens[1]!.cookie, 'PAR', 'copy', await at('copy', CLOSED, '08:30'));
    c = await kit.book(citizens[2]!.cookie, 'PAR', 'passport', await at('passport', CLOSED, '08:50'));
    d = await kit.book(citizens[3]!.cookie, 'PAR', 'passport', await at('passport', CLOSED, '09:10'));
    // Tomorrow 08:30 in Paris: 23 hours and a half from now, inside the 24-hour cut-off.
    e = await kit.book(citizens[4]!.cookie, 'PAR', 'passport', await at('passport', '2026-12-02', '08:30'));
    freeSlotId = await at('passport', '2026-12-11', '08:30');
    fullSlotId = await at('passport', '2026-12-14', '08:30');
    for (const filler of citizens.slice(5, 9)) await kit.book(filler.cookie, 'PAR', 'passport', fullSlotId);
    const dubaiSlot = (await kit.timesOn('DXB', 'legalization', '2026-12-14'))[0]!.slotId;
    dubai = await kit.book(citizens[9]!.cookie, 'DXB', 'legalization', dubaiSlot);

    const closure = await kit.call('POST', kit.adminUrl('PAR', '/closures'), kit.cookies.adminPar, {
      date: CLOSED,
      name: NAME,
    });
    expect(closure.statusCode, closure.body).toBe(201);
    expect(
      closure
        .json()
        .conflicts.flatMap((x: { appointmentIds: string[] }) => x.appointmentIds)
        .sort(),
    ).toEqual([a.id, b.id, c.id, d.id].sort());
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const messagesTo = (accountId: string, kind: string) =>
    queryRows<{ payload: Record<string, unknown> }>(
      ctx.db,
      sql`SELECT payload FROM outbox_messages WHERE account_id = ${accountId} AND kind = ${kind} ORDER BY id`,
    );
  const requestStatus = async (requestId: string | null) =>
    (await queryRows<{ status: string }>(ctx.db, sql`SELECT status FROM requests WHERE id = ${requestId}`))[0]?.status;
  const conflictIds = async () =>
    (
      (await kit.call('GET', kit.adminUrl('PAR', '/conflicts'), kit.cookies.adminPar)).json() as {
        conflicts: { appointmentIds: string[] }[];
      }
    ).conflicts
      .flatMap((x) => x.appointmentIds)
      .sort();

  it('cancels each appointment on its own, tells each citizen why, frees the seats and withdraws direct requests', async () => {
    const reason = 'The consulate is closed on 10 December';
    const response = await kit.call('POST', cancellations, kit.cookies.adminPar, {
      appointmentIds: [a.id, b.id, UNKNOWN_UUID, dubai.id],
      reason,
    });
    expect(response.statusCode, response.body).toBe(200);
    const batch = response.json() as Batch;
    expect(batch).toMatchObject({ done: 2, refused: 2 });
    expect(batch.results.map((r) => [r.appointmentId, r.isDone, r.appointment?.status, r.problem?.code])).toEqual([
      [a.id, true, 'cancelled_by_consulate', undefined],
      [b.id, true, 'cancelled_by_consulate', undefined],
      [UNKNOWN_UUID, false, undefined, 'APPOINTMENT_NOT_FOUND'],
      // Another consulate's appointment is as unknown as one that does not exist.
      [dubai.id, false, undefined, 'APPOINTMENT_NOT_FOUND'],
    ]);
    expect(batch.results[2]!.problem).toMatchObject({ status: 404, title: expect.any(String) });
    expect((await kit.appointmentRow(dubai.id)).status).toBe('booked');

    for (const [appointment, citizen] of [
      [a, citizens[0]!],
      [b, citizens[1]!],
    ] as const) {
      expect((await slotRow(ctx, appointment.slotId)).booked).toBe(0);
      expect(await messagesTo(citizen.accountId, 'appointment.cancelled')).toEqual([
        { payload: { appointmentId: appointment.id, byConsulate: true, reason } },
      ]);
      expect(await kit.lastAudit('appointment.cancelled', appointment.id)).toEqual({
        actor_account_id: kit.accountIds['admin.par@mawid.example'],
        on_behalf_of_account_id: citizen.accountId,
        consulate_id: ctx.ids.consulates.PAR,
        reason,
        before: { status: 'booked' },
        after: { status: 'cancelled_by_consulate' },
      });
    }
    // The passport request was verified: it stays accepted, bookable again. The certified copy's
    // request was opened by its booking: it goes with it.
    expect(await requestStatus(a.requestId)).toBe('accepted');
    expect(await requestStatus(b.requestId)).toBe('withdrawn');
    expect(await conflictIds()).toEqual([c.id, d.id].sort());

    // Again: refused item by item, nothing sent twice.
    const outboxBefore = await countRows(ctx, 'outbox_messages');
    const again = (
      await kit.call('POST', cancellations, kit.cookies.adminPar, { appointmentIds: [a.id], reason })
    ).json() as Batch;
    expect(again).toMatchObject({ done: 0, refused: 1 });
    expect(again.results[0]!.problem).toMatchObject({ code: 'APPOINTMENT_TRANSITION_REFUSED', status: 409 });
    expect(await countRows(ctx, 'outbox_messages')).toBe(outboxBefore);
  });

  it('moves each appointment on its own: the new seat taken, the old freed, the citizen told; a full slot leaves it where it was', async () => {
    // The citizen can no longer move tomorrow's appointment themself…
    const own = await kit.call('POST', `/api/v1/appointments/${e.id}/move`, citizens[4]!.cookie, {
      slotId: freeSlotId,
    });
    expectProblem(own, 422, 'CANCELLATION_TOO_LATE');
    const tomorrowLater = (await kit.timesOn('PAR', 'passport', '2026-12-03'))[0]!.slotId;
    const freeBefore = (await slotRow(ctx, freeSlotId)).booked;
    const reason = 'Moved because of the closure';

    // … the consulate can.
    const response = await kit.call('POST', moves, kit.cookies.adminPar, {
      moves: [
        { appointmentId: c.id, slotId: freeSlotId },
        { appointmentId: d.id, slotId: fullSlotId },
        { appointmentId: e.id, slotId: tomorrowLater },
        { appointmentId: dubai.id, slotId: freeSlotId },
      ],
      reason,
    });
    expect(response.statusCode, response.body).toBe(200);
    const batch = response.json() as Batch;
    expect(batch).toMatchObject({ done: 2, refused: 2 });
    expect(batch.results.map((r) => [r.appointmentId, r.isDone, r.problem?.code])).toEqual([
      [c.id, true, undefined],
      [d.id, false, 'SLOT_FULL'],
      [e.id, true, undefined],
      [dubai.id, false, 'APPOINTMENT_NOT_FOUND'],
    ]);
    expect(batch.results[0]!.appointment).toMatchObject({
      id: c.id,
      status: 'booked',
      slotId: freeSlotId,
      localDate: '2026-12-11',
      localTime: '08:30',
    });

    // c: the new seat is taken, the withdrawn one freed, the citizen told, the admin audited for them.
    expect((await slotRow(ctx, freeSlotId)).booked).toBe(freeBefore + 1);
    expect(await slotRow(ctx, c.slotId)).toMatchObject({ booked: 0, status: 'withdrawn' });
    expect((await kit.appointmentRow(c.id)).slot_id).toBe(freeSlotId);
    expect(await messagesTo(citizens[2]!.accountId, 'appointment.moved')).toEqual([
      { payload: { appointmentId: c.id, previousStartsAt: c.startsAt } },
    ]);
    expect(await kit.lastAudit('appointment.moved', c.id)).toMatchObject({
      actor_account_id: kit.accountIds['admin.par@mawid.example'],
      on_behalf_of_account_id: citizens[2]!.accountId,
      consulate_id: ctx.ids.consulates.PAR,
      reason,
      before: { slotId: c.slotId },
      after: { slotId: freeSlotId },
    });
    // d: still where it was, the full slot still full, nothing sent.
    expect((await kit.appointmentRow(d.id)).slot_id).toBe(d.slotId);
    expect((await slotRow(ctx, d.slotId)).booked).toBe(1);
    expect((await slotRow(ctx, fullSlotId)).booked).toBe(4);
    expect(await messagesTo(citizens[3]!.accountId, 'appointment.moved')).toEqual([]);
    // e: moved inside the citizens' cut-off.
    expect((await kit.appointmentRow(e.id)).slot_id).toBe(tomorrowLater);
    expect((await slotRow(ctx, e.slotId)).booked).toBe(0);

    expect(await conflictIds()).toEqual([d.id]);
  });

  it('refuses a batch without a reason, empty, or naming an appointment twice, changing nothing', async () => {
    const before = { audit: await countRows(ctx, 'audit_events'), outbox: await countRows(ctx, 'outbox_messages') };
    const refused = [
      await kit.call('POST', cancellations, kit.cookies.adminPar, { appointmentIds: [d.id] }),
      await kit.call('POST', cancellations, kit.cookies.adminPar, { appointmentIds: [d.id], reason: ' x ' }),
      await kit.call('POST', cancellations, kit.cookies.adminPar, { appointmentIds: [], reason: 'Closed that day' }),
      await kit.call('POST', cancellations, kit.cookies.adminPar, {
        appointmentIds: [d.id, d.id],
        reason: 'Closed that day',
      }),
      await kit.call('POST', moves, kit.cookies.adminPar, {
        moves: [
          { appointmentId: d.id, slotId: freeSlotId },
          { appointmentId: d.id, slotId: freeSlotId },
        ],
        reason: 'Closed that day',
      }),
      await kit.call('POST', moves, kit.cookies.adminPar, {
        moves: [{ appointmentId: d.id, slotId: -1 }],
        reason: 'Closed that day',
      }),
    ];
    for (const response of refused) expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(refused[0]!.json().fields.map((f: { path: string }) => f.path)).toEqual(['body.reason']);
    expect({ audit: await countRows(ctx, 'audit_events'), outbox: await countRows(ctx, 'outbox_messages') }).toEqual(
      before,
    );
    expect((await kit.appointmentRow(d.id)).status).toBe('booked');
  });

  it('answers 404 to another consulate’s admin, 403 to agents, the call center and citizens, 401 without a session', async () => {
    const before = { audit: await countRows(ctx, 'audit_events'), outbox: await countRows(ctx, 'outbox_messages') };
    const attempts = [
      { url: cancellations, payload: { appointmentIds: [d.id], reason: 'Not yours to cancel' } },
      { url: moves, payload: { moves: [{ appointmentId: d.id, slotId: freeSlotId }], reason: 'Not yours to move' } },
    ];
    for (const { url, payload } of attempts) {
      expectProblem(await kit.call('POST', url, kit.cookies.adminDxb, payload), 404, 'CONSULATE_NOT_FOUND');
      for (const cookie of [kit.cookies.agentPar, kit.cookies.callCenter, kit.cookies.citizen]) {
        expectProblem(await kit.call('POST', url, cookie, payload), 403, 'FORBIDDEN');
      }
      expectProblem(await kit.call('POST', url, undefined, payload), 401, 'UNAUTHENTICATED');
    }
    expect({ audit: await countRows(ctx, 'audit_events'), outbox: await countRows(ctx, 'outbox_messages') }).toEqual(
      before,
    );
    expect(await kit.appointmentRow(d.id)).toMatchObject({ status: 'booked', slot_id: d.slotId });
  });
});
