import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decorateRequestWithPrincipal } from './auth.ts';
import { AppError, type FieldFault, pgErrorOf } from './errors.ts';
import { isLocale, type Locale, negotiateLocale, translate } from './i18n/i18n.ts';
import { CONTROL_CHARACTER_MESSAGE, isSafeText } from './text-input.ts';

/** RFC 9457 problem details, as every error leaves the API. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string().describe('Translated for the caller (Accept-Language)'),
    status: z.number().int(),
    code: z.string().describe('Stable SCREAMING_SNAKE code; clients translate it'),
    detail: z.string(),
    instance: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/**
 * The language of a problem's title: the best of Accept-Language; when the request names none of
 * ours, the signed-in caller's account language (known once requirePrincipal ran); else French.
 */
function localeOf(request: FastifyRequest): Locale {
  const accountLocale = request.principal?.locale;
  return negotiateLocale(request.headers['accept-language'], isLocale(accountLocale) ? accountLocale : 'fr');
}

export function problemOf(error: AppError, request: FastifyRequest): Problem {
  const locale = localeOf(request);
  // Extra members first: they can never overwrite the standard ones (a `status` of a request...).
  return {
    ...error.extra,
    type: `urn:mawid:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: translate(locale, `error.${error.code}`, stringParams(error.extra)),
    status: error.status,
    code: error.code,
    detail: error.detail,
    instance: request.url,
  };
}

function stringParams(extra: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(extra)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}

function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  return reply
    .status(error.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problemOf(error, request));
}

// Fastify's own 4xx errors, mapped onto our stable codes.
const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
};

function zodPath(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const where = context ?? 'body';
  return path ? `${where}.${path}` : where;
}

// PostgreSQL refusing a value as sent (SQLSTATE class 22): a character it cannot store (NUL in text
// is 22021, in jsonb 22P05), or text it cannot read as a uuid, a number or a date. The schemas are
// meant to refuse these first; one getting through is still the caller's bad input, never a 500.
const refusedCharacters = new Set(['22021', '22P05']);
const refusedRepresentations = new Set(['22P02', '22007', '22008']);

// Parsed JSON, forms and query strings only: never a Buffer or a stream's bytes one by one.
const isPlainData = (value: unknown): value is object =>
  Array.isArray(value) ||
  (typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value)));

/** Where in the request text the rule of text-input.ts refuses sits (`body.reason`…), if anywhere. */
function unsafeTextPaths(request: FastifyRequest): FieldFault[] {
  const faults: FieldFault[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (typeof value === 'string') {
      if (!isSafeText(value)) faults.push({ path, message: CONTROL_CHARACTER_MESSAGE });
    } else if (isPlainData(value) && depth < 8 && faults.length < 20) {
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`, depth + 1);
    }
  };
  walk(request.params, 'params', 0);
  walk(request.query, 'querystring', 0);
  walk(request.body, 'body', 0);
  return faults;
}

function databaseRefusalOf(error: unknown, request: FastifyRequest): AppError | undefined {
  const code = pgErrorOf(error)?.code;
  if (code === undefined) return undefined;
  if (refusedCharacters.has(code)) {
    const fields = unsafeTextPaths(request);
    return new AppError('VALIDATION_FAILED', 400, 'A text holds a character that cannot be stored.', { fields });
  }
  if (refusedRepresentations.has(code)) {
    return new AppError('VALIDATION_FAILED', 400, 'A value is not a valid identifier, number or date.', {
      fields: [],
    });
  }
  return undefined;
}

export function registerProblemHandlers(app: FastifyInstance) {
  decorateRequestWithPrincipal(app);
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, request, error);

    const refusal = databaseRefusalOf(error, request);
    if (refusal) {
      // Worth a look: an input schema let this value through.
      request.log.warn({ err: error, sqlState: pgErrorOf(error)?.code }, 'the database refused a value as sent');
      return sendProblem(reply, request, refusal);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: FieldFault[] = error.validation.map((v) => ({
        path: zodPath(v.instancePath, (error as { validationContext?: string }).validationContext),
        message: v.message ?? 'is not valid',
      }));
      return sendProblem(
        reply,
        request,
        new AppError('VALIDATION_FAILED', 400, fields.map((f) => `${f.path}: ${f.message}`).join('; '), {
          fields,
        }),
      );
    }

    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (status === 429) {
      return sendProblem(reply, request, new AppError('RATE_LIMITED', 429, 'Too many requests; slow down.'));
    }
    if (status >= 400 && status < 500) {
      const code = fastifyCodes[fastifyError.code ?? ''] ?? 'BAD_REQUEST';
      return sendProblem(reply, request, new AppError(code, status, fastifyError.message));
    }

    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return sendProblem(
      reply,
      request,
      new AppError('INTERNAL_ERROR', 500, 'An internal error occurred. Nothing was changed.'),
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, new AppError('ROUTE_NOT_FOUND', 404, `No route ${request.method} ${request.url}.`)),
  );
}
