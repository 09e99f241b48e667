import { z } from 'zod';
import {
  assertConsulateScope,
  requirePendingSecondFactor,
  requirePrincipal,
  requireRole,
  setSessionCookie,
} from '../../platform/auth.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import {
  confirmSecondFactorBody,
  consulateStaffParams,
  meSchema,
  recoveryCodesSchema,
  resetSecondFactorBody,
  secondFactorEnrolmentSchema,
  secondFactorStepSchema,
  staffParams,
  verifySecondFactorBody,
} from './accounts.schemas.ts';
import { confirmSecondFactorEnrolment } from './confirm-second-factor-enrolment.ts';
import { describeAccount } from './describe-account.ts';
import { resetSecondFactor } from './reset-second-factor.ts';
import { startSecondFactorEnrolment } from './start-second-factor-enrolment.ts';
import { verifySecondFactor } from './verify-second-factor.ts';

// Codes are guessed here: throttled per address, and counted per account (second-factor-attempts.ts).
const throttled = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const noContent = { 204: z.null().describe('No content') };

/**
 * Staff's second factor: the steps of a half-open session (after the right password) and the
 * administrators' reset. Citizens never see these.
 */
export function secondFactorRoutes(app: App, deps: AppDeps) {
  const { db, sessions, config, clock, keys } = deps;
  const masterKey = keys.documentMasterKey;

  app.get(
    '/api/v1/auth/second-factor',
    {
      schema: {
        tags: ['accounts'],
        summary: 'What this half-open staff session still needs: enrolment, or a code',
        response: { 200: secondFactorStepSchema, ...problems(401, 409) },
      },
    },
    async (request) => {
      const { step, expiresAt } = await requirePendingSecondFactor(sessions, request);
      return { secondFactor: step, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/auth/second-factor/enrolment',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Start enrolling an authenticator app: a new secret, shown this once (URL and QR code)',
        description: 'Again before the confirmation, it issues another secret and the first one is void.',
        response: { 200: secondFactorEnrolmentSchema, ...problems(401, 409, 429) },
      },
    },
    async (request, reply) => {
      const { principal } = await requirePendingSecondFactor(sessions, request);
      // The secret must not stay in any cache between here and the person's screen.
      reply.header('cache-control', 'no-store');
      return startSecondFactorEnrolment({ db, masterKey }, principal.accountId);
    },
  );

  app.post(
    '/api/v1/auth/second-factor/enrolment/confirm',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Confirm the enrolment with a first code; signs in and gives the 10 recovery codes, this once',
        body: confirmSecondFactorBody,
        response: { 200: recoveryCodesSchema, ...problems(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      const { principal, token } = await requirePendingSecondFactor(sessions, request);
      const { recoveryCodes, session } = await confirmSecondFactorEnrolment(
        { db, now: clock.now(), sessions, masterKey },
        { accountId: principal.accountId, pendingToken: token, code: request.body.code },
      );
      setSessionCookie(reply, session.token, session.expiresAt, config.COOKIE_SECURE);
      reply.header('cache-control', 'no-store');
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/second-factor/verify',
    {
      config: throttled,
      schema: {
        tags: ['accounts'],
        summary: 'Finish signing in with the code of the app, or a recovery code (each works once)',
        body: verifySecondFactorBody,
        response: { 200: meSchema, ...problems(400, 401, 409, 429) },
      },
    },
    async (request, reply) => {
      const { principal, token } = await requirePendingSecondFactor(sessions, request);
      const { code, recoveryCode } = request.body;
      const proof = code !== undefined ? { code } : { recoveryCode: recoveryCode ?? '' };
      const session = await verifySecondFactor(
        { db, now: clock.now(), sessions, masterKey },
        { accountId: principal.accountId, pendingToken: token, ...proof },
      );
      setSessionCookie(reply, session.token, session.expiresAt, config.COOKIE_SECURE);
      return describeAccount(db, principal.accountId, principal.departmentIds);
    },
  );

  app.post(
    '/api/v1/admin/consulates/:consulateId/staff/:accountId/second-factor/reset',
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Reset the second factor of an agent of this consulate (lost phone); their sessions end',
        params: consulateStaffParams,
        body: resetSecondFactorBody,
        response: { ...noContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'consulate_admin', 'hq_admin');
      assertConsulateScope(principal, request.params.consulateId);
      await resetSecondFactor(
        { db, now: clock.now(), sessions },
        {
          actor: principal,
          consulateId: request.params.consulateId,
          targetAccountId: request.params.accountId,
          reason: request.body.reason,
        },
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/hq/staff/:accountId/second-factor/reset',
    {
      schema: {
        tags: ['headquarters'],
        summary: 'Reset the second factor of any staff member (a consulate admin’s included); their sessions end',
        params: staffParams,
        body: resetSecondFactorBody,
        response: { ...noContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = await requirePrincipal(sessions, request);
      requireRole(principal, 'hq_admin');
      await resetSecondFactor(
        { db, now: clock.now(), sessions },
        { actor: principal, consulateId: null, targetAccountId: request.params.accountId, reason: request.body.reason },
      );
      return reply.status(204).send(null);
    },
  );
}
