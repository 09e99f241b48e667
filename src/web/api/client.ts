import { apiErrorFromProblem, networkError } from './api-error.ts';

// The language of the answers' translated parts (problem titles, decision reasons); set by the
// i18n layer whenever the person changes language.
let acceptLanguage = 'fr';
export function setApiLanguage(locale: string) {
  acceptLanguage = locale;
}
export const apiLanguage = () => acceptLanguage;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * One call to the API, with the session cookie. Resolves with the parsed JSON (undefined for 204);
 * rejects with an ApiError built from the problem details, or NETWORK_ERROR when nothing answered.
 */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': acceptLanguage,
    ...options.headers,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const body: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) throw apiErrorFromProblem(response.status, body);
  return body as T;
}

/**
 * A fresh Idempotency-Key for one attempt at a change (a retry of the same attempt reuses it):
 * 128 random bits in hex. (crypto.randomUUID exists only on https and localhost pages.)
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
