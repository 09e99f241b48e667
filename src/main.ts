import pino from 'pino';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { seedDemo } from './modules/network/demo/seed-demo.ts';
import { materializeAllSlots } from './modules/scheduling/index.ts';
import { sealAuditLog } from './platform/audit.ts';
import { systemClock } from './platform/clock.ts';
import { type Database, openDatabase } from './platform/db.ts';

const HELP = `mawid — consular appointments and e-Timbre

Usage: mawid <command>

Commands:
  start     migrate, seed the demo network when the database is empty (embedded mode),
            then serve the API on HOST:PORT (default http://127.0.0.1:3000)
  migrate   apply the database migrations and exit
  seed      seed the demo network into an empty database and exit
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

async function start(config: Config) {
  const log = pino({ level: config.LOG_LEVEL });
  const database = await open(config);
  await database.migrate();
  if (config.SEED_DEMO) {
    const result = await seedDemo({ db: database.db, clock: systemClock });
    if (result.seeded) log.info(result, 'demo network seeded');
  }
  const { app, deps } = await buildApp({ config, database });
  // The calendar moves forward every day: extend each department to its horizon, and seal the audit log.
  const refresh = async () => {
    try {
      const generated = await materializeAllSlots({ db: database.db, clock: systemClock });
      const sealed = await sealAuditLog(database.db, systemClock.now());
      deps.availability.invalidateAll();
      log.info({ generated, sealed }, 'calendars extended, audit log sealed');
    } catch (error) {
      log.error({ err: error }, 'periodic refresh failed; retrying at the next tick');
    }
  };
  await refresh();
  const timer = setInterval(refresh, config.SLOT_REFRESH_MINUTES * 60_000);
  timer.unref();

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, 'stopping');
    clearInterval(timer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ host: config.HOST, port: config.PORT });
  log.info(
    { url: `http://${config.HOST}:${config.PORT}`, database: database.kind, docs: '/api/docs' },
    'Mawid is serving',
  );
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
    case 'migrate': {
      const database = await open(config);
      await database.migrate();
      await database.close();
      log.info({ database: database.kind }, 'migrations applied');
      return;
    }
    case 'seed': {
      const database = await open(config);
      await database.migrate();
      const result = await seedDemo({ db: database.db, clock: systemClock });
      await database.close();
      log.info(result, result.seeded ? 'demo network seeded' : 'database already has a network; nothing seeded');
      return;
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}`);
      process.exit(2);
  }
}
