/**
 * The one error vocabulary. A use case throws AppError(code, status, detail); the error handler
 * turns it into RFC 9457 problem details. Codes are stable: clients and the web UI translate them.
 */
export type FieldFault = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly extra: { fields?: FieldFault[]; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, code = 'NOT_FOUND') => new AppError(code, 404, `${what} was not found.`);

/** The PostgreSQL error behind a driver or ORM error (drizzle wraps it in `cause`). */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
      };
    }
    current = candidate.cause;
  }
  return undefined;
}

/** True when the error is a violation of the named unique index or constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}
