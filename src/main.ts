import pino, { type Logger } from 'pino';
import { buildApp } from './app.ts';
import { auditCommand } from './cli/audit-verify.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { startBackgroundWork } from './jobs.ts';
import { seedDemo } from './modules/network/demo/seed-demo.ts';
import { createChannels } from './modules/notifications/index.ts';
import { systemClock } from './platform/clock.ts';
import { type Database, openDatabase } from './platform/db.ts';
import { loadKeys } from './platform/keys.ts';
import { buildWebIfMissing } from './platform/web.ts';

const HELP = `mawid — consular appointments and e-Timbre

Usage: mawid <command>

Commands:
  start     migrate, seed the demo network when the database is empty (embedded mode),
            then serve the application on HOST:PORT (default http://127.0.0.1:3000);
            in embedded mode it also runs the notification worker and the scheduled jobs
  worker    deliver notifications (e-mail, SMS) and run the scheduled jobs: calendars,
            reminders, no-shows, payment expiry, audit sealing (run one or more beside
            the app servers when they use PostgreSQL)
  migrate   apply the database migrations and exit
  seed      seed the demo network into an empty database and exit
  audit verify [--last N]
            check the audit log (each event's hash, the seals' chain; the newest N seals
            only with --last): exit 0 when intact, 1 naming the first broken link
  help      print this help

Configuration comes from the environment (see README.md, "Configuration"):
  DATABASE_URL   postgres://… for a PostgreSQL server; unset: embedded PGlite in DATA_DIR (./data)
  HOST, PORT     where the server listens (127.0.0.1, 3000)
  LOG_LEVEL      info | debug | warn | error | silent
`;

async function open(config: Config): Promise<Database> {
  return openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
}

/** Stops everything in order on SIGINT/SIGTERM: no new work, finish what runs, close connections. */
function onShutdown(log: Logger, steps: (() => Promise<unknown>)[]) {
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, 'stopping');
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        log.error({ err: error }, 'error while stopping');
      }
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function start(config: Config) {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await open(config);
  await database.migrate();
  // One set of keys for the seed and the app: demo staff are enrolled with the demo authenticator
  // secret, sealed with the master key the app opens it with.
  const keys = loadKeys(config);
  if (config.SEED_DEMO) {
    const result = await seedDemo({ db: database.db, clock: systemClock, keys });
    if (result.seeded) log.info(result, 'demo network seeded');
  }
  await buildWebIfMissing(log);
  const channels = await createChannels(config, database.db);
  const { app, deps } = await buildApp({ config, database, mailCatcher: channels.mailCatcher, keys });
  const background = config.WORKER_IN_PROCESS ? await startBackgroundWork(deps, log, channels) : undefined;
  onShutdown(log, [() => app.close(), async () => background?.stop(), () => channels.close(), () => database.close()]);
  await app.listen({ host: config.HOST, port: config.PORT });
  log.info(
    {
      url: `http://${config.HOST}:${config.PORT}`,
      database: database.kind,
      docs: '/api/docs',
      mailbox: channels.mailCatcher ? '/dev/mail' : undefined,
      worker: config.WORKER_IN_PROCESS ? 'in-process' : 'run `mawid worker`',
    },
    'Mawid is serving',
  );
}

async function worker(config: Config) {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await open(config);
  await database.migrate();
  const channels = await createChannels(config, database.db);
  // The app is built (not served) for the dependencies the jobs share with it: keys, the gateway.
  const { app, deps } = await buildApp({ config, database, mailCatcher: channels.mailCatcher, logger: false });
  await app.ready();
  const background = await startBackgroundWork(deps, log, channels);
  onShutdown(log, [() => background.stop(), () => app.close(), () => channels.close(), () => database.close()]);
  log.info({ database: database.kind }, 'Mawid worker is running');
}

export async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'help';
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.LOG_LEVEL });
  switch (command) {
    case 'start':
      await start(config);
      return;
    case 'worker':
      await worker(config);
      return;
    case 'migrate': {
      const database = await open(config);
      await database.migrate();
      await database.close();
      log.info({ database: database.kind }, 'migrations applied');
      return;
    }
    case 'audit': {
      const database = await open(config);
      const io = {
        out: (text: string) => process.stdout.write(text),
        err: (text: string) => process.stderr.write(text),
      };
      process.exitCode = await auditCommand(database.db, argv.slice(1), io);
      await database.close();
      return;
    }
    case 'seed': {
      const database = await open(config);
      await database.migrate();
      const result = await seedDemo({ db: database.db, clock: systemClock, keys: loadKeys(config) });
      await database.close();
      log.info(result, result.seeded ? 'demo network seeded' : 'database already has a network; nothing seeded');
      return;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
      process.exit(2);
  }
}
