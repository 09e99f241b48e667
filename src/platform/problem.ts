import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldFault } from './errors.ts';
import { negotiateLocale, translate } from './i18n/i18n.ts';

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

export function problemOf(error: AppError, request: FastifyRequest): Problem {
  const locale = negotiateLocale(request.headers['accept-language']);
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

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return sendProblem(reply, request, error);

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
