import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { startBackgroundWork } from '../../src/jobs.ts';
import { seedDemo } from '../../src/modules/network/demo/seed-demo.ts';
import { createChannels } from '../../src/modules/notifications/index.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { type Db, openPglite } from '../../src/platform/db.ts';
import { ephemeralKeys } from '../../src/platform/keys.ts';
import { buildWebIfMissing } from '../../src/platform/web.ts';

export interface RunningServer {
  /** http://127.0.0.1:<port>, also the PUBLIC_URL the sandbox gateway calls back. */
  baseUrl: string;
  db: Db;
  /** The confirmation code of the newest e-mail sent to this address (waits for the worker). */
  emailCode(to: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

// The text part is quoted-printable (Latin scripts) or base64 (Arabic): decode base64 parts first.
function readableText(raw: string): string {
  return raw.replace(/Content-Transfer-Encoding: base64\s+([A-Za-z0-9+/=\s]+?)\r?\n--/g, (_, encoded: string) =>
    Buffer.from(encoded.replace(/\s/g, ''), 'base64').toString('utf8'),
  );
}

/**
 * What `mawid start` does in embedded mode, in this process: a fresh in-memory PGlite, migrated and
 * seeded with the demo network, the portal (built once with Vite when dist/web is missing), the
 * in-process mail catcher, the notification worker and the scheduled jobs; listening on a free port.
 */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'mawid-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
  });
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openPglite(undefined);
  await database.migrate();
  // The demo staff are enrolled with the demo authenticator secret, as `mawid start` seeds them.
  const keys = ephemeralKeys();
  await seedDemo({ db: database.db, clock: systemClock, keys });
  await buildWebIfMissing(log);
  const channels = await createChannels(config, database.db);
  const { app, deps } = await buildApp({ config, database, mailCatcher: channels.mailCatcher, keys });
  const background = await startBackgroundWork(deps, log, channels);
  await app.listen({ host: config.HOST, port });

  const mailCatcher = channels.mailCatcher;
  return {
    baseUrl,
    db: database.db,
    async emailCode(to) {
      if (!mailCatcher) throw new Error('no mail catcher: SMTP_URL is set');
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        for (const mail of mailCatcher.messages()) {
          if (!mail.to.includes(to)) continue;
          const code = /^\s{4}(\d{6})\s*$/m.exec(readableText(mail.raw));
          if (code?.[1]) return code[1];
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`no e-mail with a code reached ${to} within 30 s`);
    },
    async stop() {
      await app.close();
      await background.stop();
      await channels.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Leaves one seat on a slot: the next booking takes the last one. */
export async function leaveOneSeat(db: Db, slotId: number): Promise<void> {
  await db.execute(sql`UPDATE slots SET capacity = booked + 1 WHERE id = ${slotId}`);
}
