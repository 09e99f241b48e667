import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { accountsRoutes } from './modules/accounts/accounts.routes.ts';
import { callCenterRoutes } from './modules/callcenter/callcenter.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { historyRoutes } from './modules/history/index.ts';
import { adminRoutes } from './modules/network/admin/admin.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import { type MailCatcher, notificationsRoutes } from './modules/notifications/index.ts';
import { paymentsRoutes, stampsRoutes, treasuryRoutes } from './modules/payments/index.ts';
import { counterRoutes } from './modules/reception/counter.routes.ts';
import { receptionRoutes } from './modules/reception/reception.routes.ts';
import { screenRoutes } from './modules/reception/screen.routes.ts';
import { requestsRoutes } from './modules/requests/requests.routes.ts';
import { verificationRoutes } from './modules/requests/verification.routes.ts';
import { AvailabilityCache } from './modules/scheduling/availability.ts';
import { schedulingRoutes } from './modules/scheduling/index.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { SessionStore } from './platform/auth.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Database } from './platform/db.ts';
import { AppError } from './platform/errors.ts';
import { EventHub } from './platform/events.ts';
import { type App, type AppDeps, problems } from './platform/http.ts';
import { type Keys, loadKeys } from './platform/keys.ts';
import { registerProblemHandlers } from './platform/problem.ts';
import { registerWeb } from './platform/web.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  // Tests and the benchmark's hello-world baseline build the same app without request logs.
  logger?: boolean;
  // Tests pass ephemeral keys; otherwise they come from the configuration (or DATA_DIR in development).
  keys?: Keys;
  // The in-process development mail catcher, whose mailbox is served at /dev/mail.
  mailCatcher?: MailCatcher;
}

/** The whole HTTP application: the platform first, then each module's routes. */
export async function buildApp(options: BuildOptions): Promise<{ app: App; deps: AppDeps }> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            // Cookies carry session tokens: never in the logs.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
    // Requests behind a load balancer carry the client address in X-Forwarded-For.
    trustProxy: config.NODE_ENV === 'production',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);

  await app.register(helmet, {
    // The API docs page loads its own scripts and styles from this origin.
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // The portal posts the payment form to the card gateway's hosted page (the sandbox is this origin).
        'form-action': ["'self'", ...(config.CMI_GATEWAY_URL ? [new URL(config.CMI_GATEWAY_URL).origin] : [])],
        // Development serves plain http://localhost: upgrading its requests would break the page.
        'upgrade-insecure-requests': config.NODE_ENV === 'production' ? [] : null,
      },
    },
  });
  await app.register(cookie);
  // Uploads: one file per request, bounded by the document size limit; nothing is kept on disk
  // by the parser (the file is read into memory, checked, encrypted, then stored).
  await app.register(multipart, {
    limits: { files: 1, fileSize: config.MAX_DOCUMENT_BYTES, fields: 10, fieldSize: 1024, parts: 12 },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mawid API',
        version: '1',
        description:
          'Consular e-services: appointments and electronic fee stamps. Errors are RFC 9457 problem details with a stable `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mawid_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    clock,
    sessions: new SessionStore({ db: database.db, clock, ttlHours: config.SESSION_TTL_HOURS }),
    availability: new AvailabilityCache(config.AVAILABILITY_CACHE_SECONDS * 1000),
    keys: options.keys ?? loadKeys(config),
    events: new EventHub({ database, log: app.log }),
  };
  app.addHook('onClose', () => deps.events.close());

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'The database answers',
        response: { 200: z.object({ status: z.literal('ready'), database: z.string() }), ...problems(503) },
      },
    },
    async (request) => {
      try {
        await database.ping();
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        throw new AppError('SERVICE_UNAVAILABLE', 503, 'The database does not answer.');
      }
      return { status: 'ready' as const, database: database.kind };
    },
  );

  networkRoutes(app, deps);
  accountsRoutes(app, deps);
  schedulingRoutes(app, deps);
  adminRoutes(app, deps);
  callCenterRoutes(app, deps);
  requestsRoutes(app, deps);
  verificationRoutes(app, deps);
  documentsRoutes(app, deps);
  receptionRoutes(app, deps);
  counterRoutes(app, deps);
  staffRoutes(app, deps);
  screenRoutes(app, deps);
  historyRoutes(app, deps);
  notificationsRoutes(app, deps, { mailCatcher: options.mailCatcher });
  paymentsRoutes(app, deps);
  stampsRoutes(app, deps);
  treasuryRoutes(app, deps);
  await registerWeb(app);
  return { app, deps };
}
