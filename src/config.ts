import { z } from 'zod';

/**
 * The only reader of process.env. Every variable is validated once at start; a wrong value stops
 * the process with one line per fault naming the variable and what it expects.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  // development | production | test. Production refuses insecure defaults.
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Address and port the HTTP server listens on.
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(0)
    .max(65535, 'must be a TCP port (0-65535)')
    .default(3000),
  // postgres://user:pass@host:port/db — a PostgreSQL server. Unset: embedded PGlite in DATA_DIR.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // Connections kept open to PostgreSQL by one process.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  // Folder of the embedded database (and, later, stored documents).
  DATA_DIR: z.string().min(1).default('./data'),
  // pino level: fatal | error | warn | info | debug | trace | silent
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Mark the session cookie Secure. Browsers accept Secure cookies on http://localhost too.
  COOKIE_SECURE: booleanFromEnv.default(true),
  // How long a citizen or staff session lasts without being renewed, in hours.
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // Seed the demo network on first start of an empty database (embedded mode defaults to yes).
  SEED_DEMO: booleanFromEnv.optional(),
  // Seconds an availability answer may be served from this process's memory before it is re-read.
  // A booking in this process invalidates at once; other processes see it within this delay.
  AVAILABILITY_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(2),
  // How often the slot engine extends every department's calendar to the booking horizon, in minutes.
  SLOT_REFRESH_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
});

export type Config = Readonly<
  Omit<z.infer<typeof envSchema>, 'SEED_DEMO'> & {
    SEED_DEMO: boolean;
    databaseKind: 'pglite' | 'postgres';
  }
>;

export class ConfigError extends Error {
  constructor(readonly faults: string[]) {
    super(`Invalid configuration:\n${faults.map((f) => `  - ${f}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment (or the given record, for tests). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        return `${name}=${JSON.stringify(picked[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const value = parsed.data;
  const databaseKind = value.DATABASE_URL ? 'postgres' : 'pglite';
  return Object.freeze({
    ...value,
    databaseKind,
    SEED_DEMO: value.SEED_DEMO ?? databaseKind === 'pglite',
  });
}
