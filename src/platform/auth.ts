import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Role, sessions, staffDepartments } from '../modules/accounts/accounts.tables.ts';
import type { Clock } from './clock.ts';
import { type Db, preparedRows, queryRows } from './db.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'mawid_session';

/** Who is calling, as every policy check needs it. */
export interface Principal {
  accountId: string;
  role: Role;
  // Set for consular agents and consulate admins: the only consulate they may see.
  consulateId: string | null;
  departmentIds: string[];
  // The account holder's own person record (citizens).
  selfPersonId: string | null;
  locale: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller once requirePrincipal has resolved it; null before and for anonymous calls. */
    principal: Principal | null;
  }
}

/**
 * Declares `request.principal` on the root instance (before any route), so every request starts
 * with the same shape. The error handler reads it: a problem's title follows the caller's account
 * language when the request names none.
 */
export function decorateRequestWithPrincipal(app: FastifyInstance): void {
  if (!app.hasRequestDecorator('principal')) app.decorateRequest('principal', null);
}

/** The stored form of a session token: only its SHA-256 is kept. */
export const sessionTokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

// Staff sessions (every role but citizen) end after this long in all, and after this long idle.
export const STAFF_SESSION_HOURS = 10;
export const STAFF_IDLE_MINUTES = 30;
// Between the right password and the second factor: time to scan a QR code and type a code, and no
// more, so a half-open session does not linger.
export const PENDING_SECOND_FACTOR_MINUTES = 15;
// A session's last_seen_at is kept to the minute: an active staff member costs one write a minute.
const LAST_SEEN_PRECISION_MS = 60_000;

/** What a staff session still needs before it opens anything: enrolment, or a code. */
export type SecondFactorStep = 'enrol' | 'verify';

export interface ResolvedSession {
  principal: Principal;
  // null once the second factor was given (and always for citizens).
  pendingSecondFactor: SecondFactorStep | null;
  // The absolute end (the idle limit may end it sooner).
  expiresAt: Date;
}

type Cached = {
  session: ResolvedSession;
  expiresAt: number;
  idleUntil: number;
  // When the session's last_seen_at is due for its next write (never for sessions without an idle limit).
  lastSeenDue: number;
  cachedUntil: number;
};

/**
 * Server-side sessions. A session is looked up once and then kept in this process's memory for a
 * few seconds: every API call would otherwise pay a database round trip before doing its work.
 * Sign-out in this process removes it at once; another process notices within `cacheMs`.
 *
 * Citizens' sessions last `ttlHours`. Staff sessions last STAFF_SESSION_HOURS and end after
 * STAFF_IDLE_MINUTES without a request; they open only once the second factor was given.
 */
export class SessionStore {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly deps: { db: Db; clock: Clock; ttlHours: number; cacheMs?: number }) {}

  private get cacheMs() {
    return this.deps.cacheMs ?? 5_000;
  }

  /**
   * Opens a session and returns the token for the cookie (never stored in clear). The caller has
   * checked every factor the account needs, unless it opens a staff session with only the password
   * checked (`isSecondFactorPending`): that one opens nothing but the second-factor routes.
   */
  async create(
    accountId: string,
    db: Db = this.deps.db,
    options: { isSecondFactorPending?: boolean } = {},
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    const after = (ms: number) => new Date(now.getTime() + ms);
    const isPending = options.isSecondFactorPending === true;
    const staffEnd = isPending ? after(PENDING_SECOND_FACTOR_MINUTES * 60_000) : after(STAFF_SESSION_HOURS * 3_600_000);
    // One statement: the account's role decides the limits, so no caller can open a staff session
    // with a citizen's (and the other way round).
    const [row] = await queryRows<{ expiresAt: Date | string }>(
      db,
      sql`INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at, idle_minutes, second_factor_at)
          SELECT ${sessionTokenHash(token)}, a.id, ${now}, ${now},
                 CASE WHEN a.role = 'citizen' THEN ${after(this.deps.ttlHours * 3_600_000)}::timestamptz
                      ELSE ${staffEnd}::timestamptz END,
                 CASE WHEN a.role = 'citizen' THEN NULL ELSE ${STAFF_IDLE_MINUTES}::smallint END,
                 CASE WHEN a.role = 'citizen' THEN NULL ELSE ${isPending ? null : now}::timestamptz END
          FROM accounts a WHERE a.id = ${accountId}
          RETURNING expires_at AS "expiresAt"`,
    );
    if (!row) throw new Error(`No account ${accountId} to open a session for.`);
    return { token, expiresAt: new Date(row.expiresAt) };
  }

  /** Ends one session; true when there was one to end. */
  async revoke(token: string, db: Db = this.deps.db): Promise<boolean> {
    const tokenHash = sessionTokenHash(token);
    this.cache.delete(tokenHash);
    const ended = await queryRows<{ tokenHash: string }>(
      db,
      sql`DELETE FROM sessions WHERE token_hash = ${tokenHash} RETURNING token_hash AS "tokenHash"`,
    );
    return ended.length > 0;
  }

  /** Ends every session of an account (password changed or reset), in this process at once. */
  async revokeAll(db: Db, accountId: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.accountId, accountId));
    for (const [tokenHash, entry] of this.cache) {
      if (entry.session.principal.accountId === accountId) this.cache.delete(tokenHash);
    }
  }

  /** The signed-in caller, or null (no session, ended, or still waiting for its second factor). */
  async resolve(token: string): Promise<Principal | null> {
    const session = await this.resolveSession(token);
    return session && session.pendingSecondFactor === null ? session.principal : null;
  }

  /** The live session behind a token, with what it still needs; null when there is none. */
  async resolveSession(token: string): Promise<ResolvedSession | null> {
    const tokenHash = sessionTokenHash(token);
    const now = this.deps.clock.now();
    const nowMs = now.getTime();
    const hit = this.cache.get(tokenHash);
    // An entry is served only while the session is alive by both limits, whatever the cache delay,
    // and until its last_seen_at is due (activity served from the cache must still count).
    const isFresh = hit && Math.min(hit.cachedUntil, hit.expiresAt, hit.idleUntil, hit.lastSeenDue) > nowMs;
    if (hit && isFresh) return hit.session;
    if (hit) this.cache.delete(tokenHash);

    const { db } = this.deps;
    // Prepared once per connection: every API call of a citizen not seen for a few seconds runs it.
    const [row] = await preparedRows<{
      accountId: string;
      role: Role;
      consulateId: string | null;
      locale: string;
      expiresAt: Date | string;
      lastSeenAt: Date | string;
      idleMinutes: number | null;
      isPending: boolean;
      isEnrolled: boolean;
      selfPersonId: string | null;
    }>(
      db,
      'resolve_session_v2',
      sql`SELECT a.id AS "accountId", a.role, a.consulate_id AS "consulateId", a.locale,
                 s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt", s.idle_minutes AS "idleMinutes",
                 (a.role <> 'citizen' AND s.second_factor_at IS NULL) AS "isPending",
                 (a.totp_enrolled_at IS NOT NULL) AS "isEnrolled",
                 p.id AS "selfPersonId"
          FROM sessions s
          JOIN accounts a ON a.id = s.account_id
          LEFT JOIN persons p ON p.account_id = a.id AND p.relation = 'self'
          WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now}
            AND (s.idle_minutes IS NULL
                 OR s.last_seen_at > ${now}::timestamptz - s.idle_minutes * interval '1 minute')`,
    );
    if (!row) return null;
    let lastSeenMs = new Date(row.lastSeenAt).getTime();
    if (row.idleMinutes !== null && nowMs - lastSeenMs >= LAST_SEEN_PRECISION_MS) {
      // Conditional: of several processes seeing the same session in the same minute, one writes.
      await db.execute(
        sql`UPDATE sessions SET last_seen_at = ${now}
            WHERE token_hash = ${tokenHash} AND last_seen_at <= ${new Date(nowMs - LAST_SEEN_PRECISION_MS)}`,
      );
      lastSeenMs = nowMs;
    }
    const departmentIds =
      row.role === 'consular_agent'
        ? (
            await db
              .select({ id: staffDepartments.departmentId })
              .from(staffDepartments)
              .where(eq(staffDepartments.accountId, row.accountId))
          ).map((d) => d.id)
        : [];
    const resolved: ResolvedSession = {
      principal: {
        accountId: row.accountId,
        role: row.role,
        consulateId: row.consulateId,
        departmentIds,
        selfPersonId: row.selfPersonId,
        locale: row.locale,
      },
      pendingSecondFactor: row.isPending ? (row.isEnrolled ? 'verify' : 'enrol') : null,
      expiresAt: new Date(row.expiresAt),
    };
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(tokenHash, {
      session: resolved,
      expiresAt: resolved.expiresAt.getTime(),
      idleUntil: row.idleMinutes === null ? Number.POSITIVE_INFINITY : lastSeenMs + row.idleMinutes * 60_000,
      lastSeenDue: row.idleMinutes === null ? Number.POSITIVE_INFINITY : lastSeenMs + LAST_SEEN_PRECISION_MS,
      cachedUntil: nowMs + this.cacheMs,
    });
    return resolved;
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure, sameSite: 'lax', path: '/' });
}

export const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', 401, 'Sign in first: no valid session cookie was sent.');

export const secondFactorRequired = (step: SecondFactorStep) =>
  new AppError(
    'SECOND_FACTOR_REQUIRED',
    401,
    step === 'enrol'
      ? 'Staff sign in with a second factor: enrol an authenticator app first (POST /api/v1/auth/second-factor/enrolment).'
      : 'Staff sign in with a second factor: give the code of your authenticator app (POST /api/v1/auth/second-factor/verify).',
    { secondFactor: step },
  );

/** The signed-in caller, or 401 (UNAUTHENTICATED; SECOND_FACTOR_REQUIRED while a staff session waits for it). */
export async function requirePrincipal(store: SessionStore, request: FastifyRequest): Promise<Principal> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw unauthenticated();
  const session = await store.resolveSession(token);
  if (!session) throw unauthenticated();
  if (session.pendingSecondFactor) throw secondFactorRequired(session.pendingSecondFactor);
  request.principal = session.principal;
  return session.principal;
}

/**
 * The caller of a second-factor route: a staff session that gave its password and still owes its
 * second factor. 401 without a session, 409 SECOND_FACTOR_NOT_PENDING when nothing is owed.
 */
export async function requirePendingSecondFactor(
  store: SessionStore,
  request: FastifyRequest,
): Promise<{ principal: Principal; step: SecondFactorStep; token: string; expiresAt: Date }> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw unauthenticated();
  const session = await store.resolveSession(token);
  if (!session) throw unauthenticated();
  if (!session.pendingSecondFactor) {
    throw new AppError('SECOND_FACTOR_NOT_PENDING', 409, 'This session does not wait for a second factor.');
  }
  return { principal: session.principal, step: session.pendingSecondFactor, token, expiresAt: session.expiresAt };
}

export function requireRole(principal: Principal, ...allowed: Role[]): void {
  if (!allowed.includes(principal.role)) {
    throw new AppError('FORBIDDEN', 403, `This action needs one of the roles: ${allowed.join(', ')}.`);
  }
}

/**
 * Staff may only act inside their consulate. Out of scope answers 404, exactly as if the consulate
 * did not exist, so nothing about another consulate leaks.
 */
export function assertConsulateScope(principal: Principal, consulateId: string): void {
  const networkWide = principal.role === 'hq_admin' || principal.role === 'call_center_agent';
  if (networkWide) return;
  if (principal.consulateId !== consulateId) {
    throw new AppError('CONSULATE_NOT_FOUND', 404, 'No such consulate in your scope.');
  }
}
