import { sql } from 'drizzle-orm';
import type { Database, Db, NotificationListener } from './db.ts';

/**
 * Events that must reach every server process (a ticket called to a counter, shown on waiting-room
 * screens wherever their browsers are connected). PostgreSQL carries them: `publish` runs
 * `pg_notify` in the caller's transaction, so an event leaves only if the change commits, and every
 * process holds one listening connection that fans them out to its in-process subscribers.
 * Delivery is at most once: a subscriber is told (`gap`) when the listener had to reconnect, and
 * re-reads the state it shows instead of trusting it missed nothing.
 */

// PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more.
const MAX_PAYLOAD_BYTES = 7_900;

/** Queues an event in the caller's transaction: delivered to every listening process at commit. */
export async function publish(tx: Db, channel: string, payload: unknown): Promise<void> {
  const text = JSON.stringify(payload);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new Error(`event on ${channel} too large for NOTIFY (${Buffer.byteLength(text)} bytes)`);
  }
  await tx.execute(sql`SELECT pg_notify(${channel}, ${text})`);
}

export interface Subscriber {
  message(payload: unknown): void;
  /** The listener reconnected: events may have been missed meanwhile. */
  gap?(): void;
}

interface Log {
  warn(object: object, message: string): void;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** One listener per process, opened at the first subscription and reopened after a loss. */
export class EventHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private listener: NotificationListener | undefined;
  private connecting: Promise<NotificationListener> | undefined;
  // The LISTEN of each channel on the current connection, so that no channel is listened twice
  // (PGlite would then deliver each event twice).
  private listening = new Map<string, Promise<void>>();
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private isClosed = false;

  constructor(private readonly deps: { database: Database; log?: Log; retryMs?: { first: number; max: number } }) {}

  /** Receives the channel's events until the returned function is called. Resolves once listening. */
  async subscribe(channel: string, subscriber: Subscriber): Promise<() => void> {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    if (this.isClosed) throw new Error('the event hub is closed');
    let set = this.subscribers.get(channel);
    if (!set) {
      set = new Set();
      this.subscribers.set(channel, set);
    }
    set.add(subscriber);
    try {
      await this.listenOn(await this.connect(), channel);
    } catch (error) {
      set.delete(subscriber);
      throw error;
    }
    return () => {
      set.delete(subscriber);
    };
  }

  /** How many subscribers this process holds. */
  get size(): number {
    let total = 0;
    for (const set of this.subscribers.values()) total += set.size;
    return total;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.retryTimer);
    this.subscribers.clear();
    const listener = this.listener ?? (await this.connecting?.catch(() => undefined));
    this.listener = undefined;
    await listener?.close();
  }

  private listenOn(listener: NotificationListener, channel: string): Promise<void> {
    let ready = this.listening.get(channel);
    if (!ready) {
      ready = listener.listen(channel);
      this.listening.set(channel, ready);
      ready.catch(() => this.listening.delete(channel));
    }
    return ready;
  }

  private connect(): Promise<NotificationListener> {
    if (this.listener) return Promise.resolve(this.listener);
    if (!this.connecting) {
      this.connecting = this.open().finally(() => {
        this.connecting = undefined;
      });
    }
    return this.connecting;
  }

  private async open(): Promise<NotificationListener> {
    let listener: NotificationListener | undefined;
    listener = await this.deps.database.openListener({
      notification: (channel, payload) => this.deliver(channel, payload),
      lost: (error) => {
        if (this.listener === listener) this.listener = undefined;
        this.deps.log?.warn({ err: error }, 'event listener lost its connection; reconnecting');
        this.scheduleReconnect();
      },
    });
    this.listening = new Map();
    try {
      // The channels of a lost connection are listened to again on the new one.
      for (const channel of this.subscribers.keys()) await this.listenOn(listener, channel);
      if (this.isClosed) throw new Error('the event hub is closed');
    } catch (error) {
      await listener.close();
      throw error;
    }
    this.listener = listener;
    this.failures = 0;
    return listener;
  }

  private scheduleReconnect(): void {
    if (this.isClosed || this.retryTimer) return;
    const { first, max } = this.deps.retryMs ?? { first: 200, max: 5_000 };
    const delay = Math.min(max, first * 2 ** this.failures);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.isClosed) return;
      this.connect().then(
        () => this.tellGap(),
        (error: unknown) => {
          this.failures++;
          this.deps.log?.warn({ err: error }, 'event listener could not reconnect; trying again');
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.retryTimer.unref();
  }

  private each(channel: string | null, visit: (subscriber: Subscriber) => void): void {
    const sets = channel === null ? [...this.subscribers.values()] : [this.subscribers.get(channel) ?? new Set()];
    for (const set of sets) {
      for (const subscriber of set) {
        try {
          visit(subscriber);
        } catch (error) {
          // One subscriber failing (a closed socket) must not keep the event from the others.
          this.deps.log?.warn({ err: error }, 'event subscriber failed');
        }
      }
    }
  }

  private tellGap(): void {
    this.each(null, (subscriber) => subscriber.gap?.());
  }

  private deliver(channel: string, text: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      // Only publish() writes to our channels; anything else is not ours to interpret.
      return;
    }
    this.each(channel, (subscriber) => subscriber.message(payload));
  }
}
