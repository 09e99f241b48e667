import { asc, eq } from 'drizzle-orm';
import { SESSION_COOKIE, clearSessionCookie, requirePrincipal, setSessionCookie } from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { accounts, persons } from './accounts.tables.ts';
import { meSchema, registerBody, signInBody } from './accounts.schemas.ts';
import { registerCitizen } from './register-citizen.ts';
import { checkCredentials } from './sign-in.ts';

// Sign-in and registration are throttled per address: guessing passwords must stay slow.
const throttled = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export function accountsRoutes(app: App, deps: AppDeps) {
  const { db, sessions, config } = deps;

  async function me(accountId: string, departmentIds: string[]) {
    const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
    const people = await db
      .select({
        id: persons.id,
        relation: persons.relation,
        givenNameLatin: persons.givenNameLatin,
        familyNameLatin: persons.familyNameLatin,
        givenNameArabic: persons.givenNameArabic,
        familyNameArabic: persons.familyNameArabic,
      })
      .from(persons)
      .where(eq(persons.accountId, accountId))
      .orderBy(asc(persons.createdAt));
    return {
      id: account!.id,
      email: account!.email,
      role: account!.role,
      consulateId: account!.consulateId,
      departmentIds,
      locale: account!.locale,
      persons: people,
    };
  }

  app.post(
    '/api/v1/auth/register',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Create a citizen account; signs it in',
        body: registerBody,
        response: { 201: meSchema, ...problems(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { accountId } = await registerCitizen({ db, now: deps.clock.now() }, request.body);
      const session = await sessions.create(accountId);
      setSessionCookie(reply, session.token, session.expiresAt, config.COOKIE_SECURE);
      return reply.status(201).send(await me(accountId, []));
    },
  );

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with e-mail and password; sets an HTTP-only session cookie',
        body: signInBody,
        response: { 200: meSchema, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { accountId } = await checkCredentials(db, request.body.email, request.body.password);
      // A fresh session at every sign-in: a token planted before sign-in is worth nothing after.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await sessions.revoke(previous);
      const session = await sessions.create(accountId);
      setSessionCookie(reply, session.token, session.expiresAt, config.COOKIE_SECURE);
      const principal = await sessions.resolve(session.token);
      return me(accountId, principal?.departmentIds ?? []);
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags: ['accounts'], summary: 'End the session (204, no body)' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await sessions.revoke(token);
      clearSessionCookie(reply, config.COOKIE_SECURE);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags: ['accounts'], summary: 'The signed-in account', response: { 200: meSchema, ...problems(401) } } },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return me(principal.accountId, principal.departmentIds);
    },
  );
}
