import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Role, sessions, staffDepartments } from '../modules/accounts/accounts.tables.ts';
import type { Clock } from './clock.ts';
import { type Db, preparedRows } from './db.ts';
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

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

type Cached = { principal: Principal; expiresAt: number; cachedUntil: number };

/**
 * Server-side sessions. A session is looked up once and then kept in this process's memory for a
 * few seconds: every API call would otherwise pay a database round trip before doing its work.
 * Sign-out in this process removes it at once; another process notices within `cacheMs`.
 */
export class SessionStore {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly deps: { db: Db; clock: Clock; ttlHours: number; cacheMs?: number }) {}

  private get cacheMs() {
    return this.deps.cacheMs ?? 5_000;
  }

  /** Opens a session and returns the token for the cookie (never stored in clear). */
  async create(accountId: string, db: Db = this.deps.db): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.ttlHours * 3_600_000);
    await db.insert(sessions).values({ tokenHash: hashToken(token), accountId, expiresAt });
    return { token, expiresAt };
  }

  async revoke(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    this.cache.delete(tokenHash);
    await this.deps.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  /** Ends every session of an account (password changed or reset), in this process at once. */
  async revokeAll(db: Db, accountId: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.accountId, accountId));
    for (const [tokenHash, entry] of this.cache) {
      if (entry.principal.accountId === accountId) this.cache.delete(tokenHash);
    }
  }

  async resolve(token: string): Promise<Principal | null> {
    const tokenHash = hashToken(token);
    const nowMs = this.deps.clock.now().getTime();
    const hit = this.cache.get(tokenHash);
    if (hit && hit.cachedUntil > nowMs && hit.expiresAt > nowMs) return hit.principal;
    if (hit) this.cache.delete(tokenHash);

    const { db } = this.deps;
    // Prepared once per connection: every API call of a citizen not seen for a few seconds runs it.
    const [row] = await preparedRows<{
      accountId: string;
      role: Role;
      consulateId: string | null;
      locale: string;
      expiresAt: Date;
      selfPersonId: string | null;
    }>(
      db,
      'resolve_session',
      sql`SELECT a.id AS "accountId", a.role, a.consulate_id AS "consulateId", a.locale,
                 s.expires_at AS "expiresAt", p.id AS "selfPersonId"
          FROM sessions s
          JOIN accounts a ON a.id = s.account_id
          LEFT JOIN persons p ON p.account_id = a.id AND p.relation = 'self'
          WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${new Date(nowMs)}`,
    );
    if (!row) return null;
    const departmentIds =
      row.role === 'consular_agent'
        ? (
            await db
              .select({ id: staffDepartments.departmentId })
              .from(staffDepartments)
              .where(eq(staffDepartments.accountId, row.accountId))
          ).map((d) => d.id)
        : [];
    const principal: Principal = {
      accountId: row.accountId,
      role: row.role,
      consulateId: row.consulateId,
      departmentIds,
      selfPersonId: row.selfPersonId,
      locale: row.locale,
    };
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(tokenHash, {
      principal,
      expiresAt: new Date(row.expiresAt).getTime(),
      cachedUntil: nowMs + this.cacheMs,
    });
    return principal;
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

/** The signed-in caller, or 401. */
export async function requirePrincipal(store: SessionStore, request: FastifyRequest): Promise<Principal> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw unauthenticated();
  const principal = await store.resolve(token);
  if (!principal) throw unauthenticated();
  request.principal = principal;
  return principal;
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
