import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../platform/auth.ts';
import { queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import { consumeStamp } from './consume-stamp.ts';
import { accountBalances, postEntry } from './ledger.ts';
import { refundPayment } from './refund-payment.ts';
import { type PaidStamp, paidStamp, unbalancedEntries } from './stamps.test-support.ts';

type Where = 'PAR' | 'DXB';
type Command =
  | {
      kind: 'pay';
      where: Where;
      service: 'passport' | 'legalization';
      channel: 'online' | 'counter';
      amountMinor: number;
    }
  | { kind: 'consume'; pick: number; isElsewhere: boolean }
  | { kind: 'refund'; pick: number; share: number; isStale: boolean };

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    where: fc.constantFrom<Where>('PAR', 'DXB'),
    service: fc.constantFrom('passport' as const, 'legalization' as const),
    channel: fc.constantFrom('online' as const, 'counter' as const),
    amountMinor: fc.integer({ min: 1, max: 90_000 }),
  }),
  fc.record({ kind: fc.constant('consume' as const), pick: fc.nat(), isElsewhere: fc.boolean() }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    share: fc.double({ min: 0.05, max: 1.2, noNaN: true }),
    isStale: fc.boolean(),
  }),
);

/** What the model knows of a payment. */
interface Modeled {
  paid: PaidStamp;
  channel: 'online' | 'counter';
  refundedMinor: number;
  stamp: 'valid' | 'consumed' | 'refunded';
}

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`);

describe.each(engines)('the ledger on %s', (engine) => {
  let ctx: TestContext;
  let citizenId: string;
  const agents = {} as Record<Where, Principal>;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    citizenId = (await makeCitizens(ctx, 1))[0]!.accountId;
    for (const where of ['PAR', 'DXB'] as const) {
      const [agent] = await queryRows<{ id: string }>(
        ctx.db,
        sql`SELECT id FROM accounts WHERE email = ${`agent.${where.toLowerCase()}@mawid.example`}`,
      );
      agents[where] = {
        accountId: agent!.id,
        role: 'consular_agent',
        consulateId: ctx.ids.consulates[where],
        departmentIds: [],
        selfPersonId: null,
        locale: 'fr',
      };
    }
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('refuses an entry whose postings do not balance, at commit', async () => {
    const entry = (amounts: number[]) =>
      ctx.db.transaction(async (tx) => {
        await postEntry(tx, {
          kind: 'reversal',
          consulateId: ctx.ids.consulates.PAR,
          currency: 'EUR',
          businessDate: '2026-12-01',
          createdAt: ctx.clock.now(),
          postings: amounts.map((amountMinor, i) => ({
            account: i === 0 ? 'treasury_bank' : 'gateway_receivable',
            amountMinor,
          })),
        });
      });
    await expect(entry([100, -99])).rejects.toThrow();
    await expect(entry([100])).rejects.toThrow();
    await expect(entry([100, -100])).resolves.toBeUndefined();
    expect(await unbalancedEntries(ctx)).toEqual([]);
  });

  it('refuses any UPDATE or DELETE of postings and entries', async () => {
    const [posting] = await queryRows<{ id: number; entry_id: number }>(
      ctx.db,
      sql`SELECT id, entry_id FROM ledger_postings ORDER BY id LIMIT 1`,
    );
    expect(posting).toBeDefined();
    await expect(
      ctx.db.execute(sql`UPDATE ledger_postings SET amount_minor = amount_minor + 1 WHERE id = ${posting!.id}`),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`DELETE FROM ledger_postings WHERE id = ${posting!.id}`)).rejects.toThrow();
    await expect(
      ctx.db.execute(sql`UPDATE ledger_entries SET memo = 'edited' WHERE id = ${posting!.entry_id}`),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`DELETE FROM ledger_entries WHERE id = ${posting!.entry_id}`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`TRUNCATE ledger_postings`)).rejects.toThrow();
    const [still] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM ledger_postings WHERE id = ${posting!.id}`,
    );
    expect(still!.n).toBe(1);
  });

  it('refuses to change a stamp’s amount, or its status once final', async () => {
    const stamp = await paidStamp(ctx, { accountId: citizenId });
    await expect(
      ctx.db.execute(sql`UPDATE stamps SET amount_minor = amount_minor + 1 WHERE id = ${stamp.stampId}`),
    ).rejects.toThrow();
    await consumeStamp({ db: ctx.db, now: ctx.clock.now() }, { principal: agents.PAR, number: stamp.number });
    await expect(
      ctx.db.execute(
        sql`UPDATE stamps SET status = 'valid', consumed_at = NULL, consumed_by = NULL WHERE id = ${stamp.stampId}`,
      ),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`DELETE FROM stamps WHERE id = ${stamp.stampId}`)).rejects.toThrow();
  });

  it('keeps every entry balanced and every balance as a model of payments, consumptions and refunds expects', async () => {
    const keyOf = (consulateId: string, kind: string, serviceId: string | null) =>
      `${consulateId}|${kind}|${serviceId ?? '-'}`;
    const balances = async () => {
      const out = new Map<string, number>();
      for (const where of ['PAR', 'DXB'] as const) {
        const consulateId = ctx.ids.consulates[where];
        const [consulate] = await queryRows<{ currency: string }>(
          ctx.db,
          sql`SELECT currency FROM consulates WHERE id = ${consulateId}`,
        );
        for (const row of await accountBalances(ctx.db, consulateId, consulate!.currency)) {
          out.set(keyOf(consulateId, row.kind, row.service_id), Number(row.balance));
        }
      }
      return out;
    };

    await fc.assert(
      fc.asyncProperty(fc.array(commandArbitrary, { minLength: 1, maxLength: 8 }), async (commands) => {
        const before = await balances();
        const expected = new Map(before);
        const move = (consulateId: string, kind: string, serviceId: string | null, amount: number) => {
          const key = keyOf(consulateId, kind, serviceId);
          expected.set(key, (expected.get(key) ?? 0) + amount);
        };
        const payments: Modeled[] = [];
        const now = () => ctx.clock.now();
        for (const command of commands) {
          if (command.kind === 'pay') {
            const paid = await paidStamp(ctx, {
              accountId: citizenId,
              consulate: command.where,
              service: command.service,
              channel: command.channel,
              amountMinor: command.amountMinor,
            });
            payments.push({ paid, channel: command.channel, refundedMinor: 0, stamp: 'valid' });
            const receivable = command.channel === 'online' ? 'gateway_receivable' : 'terminal_receivable';
            move(paid.consulateId, receivable, null, command.amountMinor);
            move(paid.consulateId, 'stamp_liability', null, -command.amountMinor);
            continue;
          }
          const target = payments[command.pick % Math.max(payments.length, 1)];
          if (!target) continue;
          const { paid } = target;
          if (command.kind === 'consume') {
            const where: Where = paid.consulateId === ctx.ids.consulates.PAR ? 'PAR' : 'DXB';
            const principal = agents[command.isElsewhere ? (where === 'PAR' ? 'DXB' : 'PAR') : where];
            const outcome = await consumeStamp({ db: ctx.db, now: now() }, { principal, number: paid.number }).then(
              (done) => ({ code: 'OK', revenue: done.revenueMinor }),
              (error: unknown) => ({ code: codeOf(error), revenue: 0 }),
            );
            const expectedCode = command.isElsewhere
              ? 'STAMP_NOT_FOUND'
              : target.stamp === 'consumed'
                ? 'STAMP_ALREADY_CONSUMED'
                : target.stamp === 'refunded'
                  ? 'STAMP_REFUNDED'
                  : 'OK';
            expect(outcome.code).toBe(expectedCode);
            if (expectedCode === 'OK') {
              const revenue = paid.amountMinor - target.refundedMinor;
              expect(outcome.revenue).toBe(revenue);
              target.stamp = 'consumed';
              move(paid.consulateId, 'stamp_liability', null, revenue);
              move(paid.consulateId, 'fee_revenue', paid.serviceId, -revenue);
            }
            continue;
          }
          const refundable = paid.amountMinor - target.refundedMinor;
          const amountMinor = Math.max(1, Math.ceil(refundable * command.share));
          const expectedRefundableMinor = command.isStale ? refundable + 1 : refundable;
          const outcome = await refundPayment(
            { db: ctx.db, now: now() },
            {
              actorAccountId: citizenId,
              paymentId: paid.paymentId,
              amountMinor,
              expectedRefundableMinor,
              reason: 'model',
            },
          ).then(
            () => 'OK',
            (error: unknown) => codeOf(error),
          );
          const expectedCode =
            target.stamp === 'consumed'
              ? 'STAMP_ALREADY_CONSUMED'
              : target.stamp === 'refunded'
                ? 'PAYMENT_ALREADY_REFUNDED'
                : command.isStale
                  ? 'REFUNDABLE_AMOUNT_CHANGED'
                  : amountMinor > refundable
                    ? 'REFUND_EXCEEDS_REFUNDABLE'
                    : 'OK';
          expect(outcome).toBe(expectedCode);
          if (expectedCode === 'OK') {
            target.refundedMinor += amountMinor;
            if (target.refundedMinor === paid.amountMinor) target.stamp = 'refunded';
            move(paid.consulateId, 'stamp_liability', null, amountMinor);
            move(
              paid.consulateId,
              target.channel === 'online' ? 'gateway_receivable' : 'terminal_receivable',
              null,
              -amountMinor,
            );
          }
        }
        expect(await unbalancedEntries(ctx)).toEqual([]);
        const after = await balances();
        for (const key of new Set([...after.keys(), ...expected.keys()])) {
          expect(after.get(key) ?? 0, key).toBe(expected.get(key) ?? 0);
        }
        // Each payment's own story: at most what was paid came back, and the stamp matches.
        for (const { paid, refundedMinor, stamp } of payments) {
          const [row] = await queryRows<{ refunded_minor: number; status: string }>(
            ctx.db,
            sql`SELECT p.refunded_minor, s.status FROM payments p JOIN stamps s ON s.payment_id = p.id WHERE p.id = ${paid.paymentId}`,
          );
          expect({ refunded: Number(row!.refunded_minor), status: row!.status }).toEqual({
            refunded: refundedMinor,
            status: stamp,
          });
        }
      }),
      { numRuns: 50 },
    );
  });
});
