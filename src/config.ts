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
  // The address citizens use, for links in e-mails (https://rdv.example.ma). Default: http://HOST:PORT.
  PUBLIC_URL: z.url({ error: 'must be an absolute URL' }).optional(),
  // smtp://user:pass@host:port or smtps://… Unset outside production: an in-process mail catcher
  // receives every message and lists it at /dev/mail.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  // The From: of every e-mail.
  MAIL_FROM: z.string().min(3).default('Mawid <no-reply@mawid.example>'),
  // 32 random bytes, base64: wraps the per-document data keys (AES-256-GCM). Required in production;
  // elsewhere one is generated once and kept in DATA_DIR/keys.json.
  DOCUMENT_MASTER_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64')
    .optional(),
  // Ed25519 private key (PKCS#8 PEM, or its base64) signing convocation QR codes and, later,
  // stamps. Required in production; elsewhere generated once and kept in DATA_DIR/keys.json.
  SIGNING_PRIVATE_KEY: z.string().min(40).optional(),
  // Where encrypted documents are stored (local disk). Default: DATA_DIR/documents.
  DOCUMENTS_DIR: z.string().min(1).optional(),
  MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  MAX_DOCUMENTS_PER_REQUEST: z.coerce.number().int().min(1).max(200).default(20),
  // An appointment not checked in this many minutes after its time becomes a no-show.
  NO_SHOW_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(30),
  // A ticket called this many times without the person coming to the counter may be marked absent
  // (their appointment becomes a no-show); before that the agent calls again.
  TICKET_ABSENT_AFTER_CALLS: z.coerce.number().int().min(1).max(10).default(2),
  // Idle requests expire, so none stays open forever: a draft never submitted, a "more information"
  // never answered, an accepted request with no appointment (its clock restarts when one ends).
  REQUEST_DRAFT_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  REQUEST_MORE_INFO_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
  REQUEST_ACCEPTED_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  // The card gateway for online payments: the sandbox served by Mawid itself (development, tests,
  // demos) or the CMI (Morocco's interbank gateway). Production refuses the sandbox.
  PAYMENT_GATEWAY: z.enum(['sandbox', 'cmi']).default('sandbox'),
  // CMI merchant settings (given by the bank under contract). The store key signs every exchange.
  CMI_CLIENT_ID: z.string().min(1).optional(),
  CMI_STORE_KEY: z.string().min(8).optional(),
  CMI_GATEWAY_URL: z.url().optional(),
  CMI_API_URL: z.url().optional(),
  CMI_API_USER: z.string().min(1).optional(),
  CMI_API_PASSWORD: z.string().min(1).optional(),
  // The sandbox's own store key (it is not a secret: the sandbox moves no money).
  SANDBOX_STORE_KEY: z.string().min(8).default('SANDBOX-STORE-KEY'),
  // An unfinished online payment expires after this many minutes (a late success still wins).
  PAYMENT_EXPIRY_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  // Public stamp checks (by number or QR code) one client address may make per minute. A load test
  // from one address raises it; behind a proxy the address is the X-Forwarded-For one.
  STAMP_VERIFY_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(120),
  // Run the notification worker in this process (default: yes in embedded mode; `mawid worker` otherwise).
  WORKER_IN_PROCESS: booleanFromEnv.optional(),
});

export type Config = Readonly<
  Omit<z.infer<typeof envSchema>, 'SEED_DEMO' | 'WORKER_IN_PROCESS' | 'PUBLIC_URL' | 'DOCUMENTS_DIR'> & {
    SEED_DEMO: boolean;
    WORKER_IN_PROCESS: boolean;
    PUBLIC_URL: string;
    DOCUMENTS_DIR: string;
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
  if (value.NODE_ENV === 'production') {
    const missing = (['DOCUMENT_MASTER_KEY', 'SIGNING_PRIVATE_KEY', 'SMTP_URL', 'PUBLIC_URL'] as const).filter(
      (name) => !value[name],
    );
    const faults = missing.map((name) => `${name}: is required when NODE_ENV=production`);
    if (value.PAYMENT_GATEWAY === 'sandbox') {
      faults.push('PAYMENT_GATEWAY: the sandbox moves no money and is refused when NODE_ENV=production');
    }
    if (faults.length > 0) throw new ConfigError(faults);
  }
  if (value.PAYMENT_GATEWAY === 'cmi') {
    const cmiMissing = (
      ['CMI_CLIENT_ID', 'CMI_STORE_KEY', 'CMI_GATEWAY_URL', 'CMI_API_URL', 'CMI_API_USER', 'CMI_API_PASSWORD'] as const
    ).filter((name) => !value[name]);
    if (cmiMissing.length > 0) {
      throw new ConfigError(cmiMissing.map((name) => `${name}: is required when PAYMENT_GATEWAY=cmi`));
    }
  }
  return Object.freeze({
    ...value,
    databaseKind,
    // The demo accounts share a published password: never seeded in production unless asked for.
    SEED_DEMO: value.SEED_DEMO ?? (databaseKind === 'pglite' && value.NODE_ENV !== 'production'),
    WORKER_IN_PROCESS: value.WORKER_IN_PROCESS ?? databaseKind === 'pglite',
    PUBLIC_URL: (
      value.PUBLIC_URL ?? `http://${value.HOST === '0.0.0.0' ? 'localhost' : value.HOST}:${value.PORT}`
    ).replace(/\/$/, ''),
    DOCUMENTS_DIR: value.DOCUMENTS_DIR ?? `${value.DATA_DIR.replace(/\/$/, '')}/documents`,
  });
}
