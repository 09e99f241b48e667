import { assertConsulateScope, requirePrincipal, requireRole } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, type AppDeps, problems } from '../../platform/http.ts';
import { createScreenToken } from './create-screen-token.ts';
import { type EventStream, openEventStream } from './event-stream.ts';
import { FLOOR_CHANNEL, isFloorEvent } from './floor-events.ts';
import { findScreen, getScreenState, showsDepartment } from './get-screen-state.ts';
import { listScreenTokens } from './list-screen-tokens.ts';
import { revokeScreenToken } from './revoke-screen-token.ts';
import {
  createdScreenTokenSchema,
  createScreenTokenBody,
  screenParams,
  screenQuery,
  screenStateSchema,
  screenTokenListSchema,
  screenTokenParams,
  screenTokenSchema,
  screenTokensParams,
} from './screen.schemas.ts';

// A comment this often keeps proxies from closing an idle stream (most cut at 60 s).
const HEARTBEAT_MS = 15_000;
// How long a browser waits before reconnecting a dropped stream.
const RETRY_MS = 3_000;

/** Waiting-room screens: their tokens (the consulate's admin) and what they show (a token, no sign-in). */
export function screenRoutes(app: App, deps: AppDeps) {
  const { db, clock, sessions, events } = deps;
  const admin = async (request: Parameters<typeof requirePrincipal>[1], consulateId: string) => {
    const principal = await requirePrincipal(sessions, request);
    requireRole(principal, 'consulate_admin');
    assertConsulateScope(principal, consulateId);
    return principal;
  };
  const tokens = '/api/v1/admin/consulates/:consulateId/screen-tokens';

  app.post(
    tokens,
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'A waiting-room screen’s token (shown once)',
        params: screenTokensParams,
        body: createScreenTokenBody,
        response: { 201: createdScreenTokenSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = await admin(request, request.params.consulateId);
      const created = await createScreenToken(
        { db, clock },
        { principal, consulateId: request.params.consulateId, ...request.body },
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    tokens,
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'The consulate’s screen tokens (never the tokens themselves)',
        params: screenTokensParams,
        response: { 200: screenTokenListSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      await admin(request, request.params.consulateId);
      return { screenTokens: await listScreenTokens(db, request.params.consulateId) };
    },
  );

  app.delete(
    `${tokens}/:screenTokenId`,
    {
      schema: {
        tags: ['consulate admin'],
        summary: 'Revoke a screen’s token: the screens open with it close at once',
        params: screenTokenParams,
        response: { 200: screenTokenSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await admin(request, request.params.consulateId);
      return revokeScreenToken({ db, clock }, { principal, ...request.params });
    },
  );

  app.get(
    '/api/v1/screens/:token',
    {
      schema: {
        tags: ['screens'],
        summary: 'What a waiting-room screen shows: the last tickets called in each department today',
        params: screenParams,
        querystring: screenQuery,
        response: { 200: screenStateSchema, ...problems(400, 404, 410) },
      },
    },
    async (request) => {
      const screen = await findScreen(db, request.params.token);
      return getScreenState(db, screen, { now: clock.now(), last: request.query.last });
    },
  );

  // Streams still open when the app closes are ended first, or the server would wait on them.
  const open = new Set<EventStream>();
  app.addHook('preClose', async () => {
    for (const stream of open) stream.close();
  });

  app.get(
    '/api/v1/screens/:token/events',
    {
      schema: {
        tags: ['screens'],
        summary:
          'Server-sent events: `call` and `recall` (data: ticketId, code, departmentId, counterId, counterLabel, callCount, calledAt), `resync` (re-read the state), `revoked`',
        params: screenParams,
        response: problems(400, 404, 410, 503),
      },
    },
    async (request, reply) => {
      const screen = await findScreen(db, request.params.token);
      let stream: EventStream | undefined;
      // Subscribed before the stream opens: whatever is called after the first byte is sent.
      const unsubscribe = await events
        .subscribe(FLOOR_CHANNEL, {
          message(payload) {
            if (!stream || !isFloorEvent(payload) || payload.consulateId !== screen.consulateId) return;
            if (payload.type === 'screen.revoked') {
              if (payload.screenTokenId !== screen.id) return;
              stream.send('revoked', {});
              stream.close();
              return;
            }
            if (!showsDepartment(screen, payload.departmentId)) return;
            const { type: _type, consulateId: _consulate, ...call } = payload;
            stream.send(
              payload.type === 'ticket.called' ? 'call' : 'recall',
              call,
              `${call.ticketId}:${call.callCount}`,
            );
          },
          gap() {
            // Events were missed: the screen re-reads its state, and a revocation missed meanwhile closes it.
            stream?.send('resync', {});
            findScreen(db, request.params.token).catch(() => {
              stream?.send('revoked', {});
              stream?.close();
            });
          },
        })
        .catch((error: unknown) => {
          request.log.warn({ err: error }, 'screen events unavailable');
          throw new AppError(
            'SERVICE_UNAVAILABLE',
            503,
            'Live calls are unavailable for a moment; the screen retries.',
          );
        });
      const opened = openEventStream(reply, {
        retryMs: RETRY_MS,
        heartbeatMs: HEARTBEAT_MS,
        onClose: () => {
          unsubscribe();
          open.delete(opened);
        },
      });
      stream = opened;
      open.add(opened);
    },
  );
}
