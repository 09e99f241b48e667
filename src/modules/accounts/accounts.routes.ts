import { z } from 'zod';
import {
  clearSessionCookie,
  requirePrincipal,
  requireRole,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import {
  addPersonBody,
  changePasswordBody,
  confirmEmailBody,
  meSchema,
  passwordResetBody,
  passwordResetRequestBody,
  personParams,
  personSchema,
  registerBody,
  secondFactorStepSchema,
  signInBody,
  updatePersonBody,
} from './accounts.schemas.ts';
import { describeAccount } from './describe-account.ts';
import {
  changePassword,
  confirmEmail,
  requestPasswordReset,
  resendEmailCode,
  resetPassword,
} from './manage-password.ts';
import { addPerson, listPersons, updatePerson } from './manage-persons.ts';
import { registerCitizen } from './register-citizen.ts';
import { secondFactorRoutes } from './second-factor.routes.ts';
import { checkCredentials } from './sign-in.ts';

// Routes that guess or send secrets are throttled per address; sign-in is also throttled per
// account (sign-in.ts), so spreading guesses over many addresses does not help either.
const throttled = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const noContent = { 204: z.null().describe('No content') };

export function accountsRoutes(app: App, deps: AppDeps) {
  const { db, sessions, config, clock } = deps;

  const me = (accountId: string, departmentIds: string[]) => describeAccount(db, accountId, departmentIds);

  async function openSession(reply: Parameters<typeof setSessionCookie>[0], accountId: string) {
    const session = await sessions.create(accountId);
    setSessionCookie(reply, session.token, session.expiresAt, config.COOKIE_SECURE);
    return session;
  }

  app.post(
    '/api/v1/auth/register',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Create a citizen account; signs it in and e-mails a confirmation code',
        body: registerBody,
        response: { 201: meSchema, ...problems(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const { accountId } = await registerCitizen({ db, now: clock.now() }, request.body);
      await openSession(reply, accountId);
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
        description:
          'Citizens are signed in (200, the account). Staff get 202 and a session that opens only the ' +
          'second-factor routes until they enrol an authenticator app or give its code (`secondFactor`).',
        body: signInBody,
        response: { 200: meSchema, 202: secondFactorStepSchema, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const signedIn = await checkCredentials(db, request.body.email, request.body.password, clock.now());
      // A fresh session at every sign-in: a token planted before sign-in is worth nothing after.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await sessions.revoke(previous);
      if (signedIn.role !== 'citizen') {
        const session = await sessions.create(signedIn.accountId, db, { isSecondFactorPending: true });
        setSessionCookie(reply, session.token, session.expiresAt, config.COOKIE_SECURE);
        return reply.status(202).send({
          secondFactor: signedIn.isSecondFactorEnrolled ? ('verify' as const) : ('enrol' as const),
          expiresAt: session.expiresAt.toISOString(),
        });
      }
      const session = await openSession(reply, signedIn.accountId);
      const principal = await sessions.resolve(session.token);
      return reply.status(200).send(await me(signedIn.accountId, principal?.departmentIds ?? []));
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags: ['accounts'], summary: 'End the session', response: noContent } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await sessions.revoke(token);
      clearSessionCookie(reply, config.COOKIE_SECURE);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/email/confirm',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Confirm the e-mail address with the 6-digit code sent to it',
        body: confirmEmailBody,
        response: { 200: meSchema, ...problems(400, 401, 429) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      await confirmEmail({ db, now: clock.now() }, { accountId: principal.accountId, code: request.body.code });
      return me(principal.accountId, principal.departmentIds);
    },
  );

  app.post(
    '/api/v1/auth/email/resend',
    {
      config: { rateLimit: { max: 3, timeWindow: '10 minutes' } },
      schema: {
        tags: ['accounts'],
        summary: 'Send a new confirmation code',
        response: { ...noContent, ...problems(401, 429) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      await resendEmailCode({ db, now: clock.now() }, principal.accountId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
      schema: {
        tags: ['accounts'],
        summary: 'E-mail a reset code (the answer is the same whether the address has an account)',
        body: passwordResetRequestBody,
        response: { 202: z.object({ status: z.literal('sent-if-registered') }), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset({ db, now: clock.now() }, request.body.email);
      return reply.status(202).send({ status: 'sent-if-registered' as const });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Set a new password with the e-mailed code; every session ends',
        body: passwordResetBody,
        response: { ...noContent, ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      await resetPassword({ db, now: clock.now(), sessions }, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Change the password; every session ends and this one is renewed',
        body: changePasswordBody,
        response: { ...noContent, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      await changePassword({ db, now: clock.now(), sessions }, { accountId: principal.accountId, ...request.body });
      await openSession(reply, principal.accountId);
      return reply.status(204).send(null);
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

  app.get(
    '/api/v1/me/persons',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The account holder and the relatives they act for, with identity details',
        response: { 200: z.object({ persons: z.array(personSchema) }), ...problems(401) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      return { persons: await listPersons(db, principal.accountId) };
    },
  );

  app.post(
    '/api/v1/me/persons',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Add a relative (a child, a spouse, …) to act for',
        body: addPersonBody,
        response: { 201: personSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'citizen');
      const { relation, ...fields } = request.body;
      const id = await addPerson({ db, now: clock.now() }, { accountId: principal.accountId, relation, fields });
      const person = (await listPersons(db, principal.accountId)).find((p) => p.id === id);
      return reply.status(201).send(person!);
    },
  );

  app.patch(
    '/api/v1/me/persons/:personId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Complete or correct a person’s names and identity details',
        params: personParams,
        body: updatePersonBody,
        response: { 200: personSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(sessions, request);
      await updatePerson(
        { db, now: clock.now() },
        { accountId: principal.accountId, personId: request.params.personId, fields: request.body },
      );
      return (await listPersons(db, principal.accountId)).find((p) => p.id === request.params.personId)!;
    },
  );

  // Staff's second factor (and its reset by administrators) has its own file.
  secondFactorRoutes(app, deps);
}
