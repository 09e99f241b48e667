/** A field the API refused, as problem details list it (`body.email`, `query.from`, …). */
export interface FieldFault {
  path: string;
  message: string;
}

/**
 * Any failure of a call to the API, carrying the problem's stable `code` (SLOT_FULL, …), the HTTP
 * status, the fields at fault and the problem's other members (used to fill messages: `max`, …).
 * A network failure has status 0 and the code NETWORK_ERROR.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    // The server's translated title: a fallback for codes the catalogues do not know yet.
    readonly title: string | undefined,
    readonly fields: FieldFault[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

const standardMembers = new Set(['type', 'title', 'status', 'code', 'detail', 'instance', 'fields']);

/** Turns an RFC 9457 problem (already parsed JSON, or anything else) into an ApiError. */
export function apiErrorFromProblem(status: number, body: unknown): ApiError {
  if (typeof body !== 'object' || body === null) return new ApiError(status, fallbackCode(status), undefined);
  const problem = body as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : fallbackCode(status);
  const title = typeof problem.title === 'string' ? problem.title : undefined;
  const fields = Array.isArray(problem.fields)
    ? problem.fields.flatMap((f: unknown) => {
        const fault = f as { path?: unknown; message?: unknown };
        return typeof fault.path === 'string' ? [{ path: fault.path, message: String(fault.message ?? '') }] : [];
      })
    : [];
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) {
    if (standardMembers.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return new ApiError(status, code, title, fields, params);
}

function fallbackCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL_ERROR';
  return 'BAD_REQUEST';
}

export const networkError = () => new ApiError(0, 'NETWORK_ERROR', undefined);

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** The session is gone (expired, signed out elsewhere, password changed). */
export const isSessionExpired = (error: unknown): boolean =>
  isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED';
