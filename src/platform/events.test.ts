import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, testDatabase } from '../test/databases.ts';
import { type Database, queryRows } from './db.ts';
import { EventHub, publish } from './events.ts';

/** A subscriber that keeps what it receives and lets a test wait for the n-th message or a gap. */
function collector() {
  const messages: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let gaps = 0;
  let onGap: (() => void) | undefined;
  return {
    messages,
    get gaps() {
      return gaps;
    },
    subscriber: {
      message(payload: unknown) {
        messages.push(payload);
        for (const waiter of waiters.filter((w) => messages.length >= w.count)) waiter.resolve();
      },
      gap() {
        gaps++;
        onGap?.();
      },
    },
    received(count: number): Promise<void> {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    nextGap(): Promise<void> {
      return new Promise((resolve) => {
        onGap = resolve;
      });
    },
  };
}

const channelName = () => `mawid_test_${randomBytes(4).toString('hex')}`;

describe.each(engines)('events through LISTEN/NOTIFY on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase(engine);
  });

  it('delivers what a transaction published when it commits, to every process’s hub, never what rolled back', async () => {
    const channel = channelName();
    const [one, two] = [new EventHub({ database }), new EventHub({ database })];
    const [a, b] = [collector(), collector()];
    const stopA = await one.subscribe(channel, a.subscriber);
    await two.subscribe(channel, b.subscriber);
    await expect(
      database.db.transaction(async (tx) => {
        await publish(tx, channel, { n: 1 });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await database.db.transaction(async (tx) => {
      await publish(tx, channel, { n: 2 });
      await tx.execute(sql`SELECT 1`);
    });
    await Promise.all([a.received(1), b.received(1)]);
    // Notifications arrive in commit order: had the first one left, it would be here before this one.
    expect(a.messages).toEqual([{ n: 2 }]);
    expect(b.messages).toEqual([{ n: 2 }]);

    stopA();
    await database.db.transaction((tx) => publish(tx, channel, { n: 3 }));
    await b.received(2);
    expect(b.messages).toEqual([{ n: 2 }, { n: 3 }]);
    expect(a.messages).toEqual([{ n: 2 }]);
    expect([one.size, two.size]).toEqual([0, 1]);
    await Promise.all([one.close(), two.close()]);
  });

  it('refuses a payload PostgreSQL could not carry', async () => {
    await expect(
      database.db.transaction((tx) => publish(tx, channelName(), { text: 'x'.repeat(8_000) })),
    ).rejects.toThrow(/too large/);
  });

  if (engine === 'postgres') {
    it('reconnects after losing its connection, tells its subscribers of the gap, and delivers again', async () => {
      const channel = channelName();
      const hub = new EventHub({ database, retryMs: { first: 10, max: 100 } });
      const seen = collector();
      await hub.subscribe(channel, seen.subscriber);
      const gap = seen.nextGap();
      const [terminated] = await queryRows<{ n: number }>(
        database.db,
        sql`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND query = ${`LISTEN "${channel}"`}`,
      );
      expect(terminated!.n).toBe(1);
      await gap;
      await database.db.transaction((tx) => publish(tx, channel, { after: 'reconnection' }));
      await seen.received(1);
      expect(seen.messages).toEqual([{ after: 'reconnection' }]);
      expect(seen.gaps).toBe(1);
      await hub.close();
    });
  }
});
