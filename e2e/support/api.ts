import { totpCode } from '../../src/modules/accounts/totp.ts';
import { DEMO_TOTP_SECRET } from '../../src/modules/network/demo/seed-demo.ts';
/** A signed-in API caller outside the browser: a consular agent, or a second citizen. */
export interface ApiSession {
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  get<T>(path: string): Promise<{ status: number; body: T }>;
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');

export async function signInThroughApi(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const answer = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!answer.ok) throw new Error(`sign-in of ${email}: ${answer.status} ${await answer.text()}`);
  let cookie = cookieOf(answer);
  // Staff owe a second factor (202): the demo authenticator's current code finishes the sign-in.
  if (answer.status === 202) {
    const verify = async () =>
      fetch(`${baseUrl}/api/v1/auth/second-factor/verify`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ code: await totpCode(DEMO_TOTP_SECRET, new Date()) }),
      });
    let verified = await verify();
    if (verified.status === 400) {
      // This account used the current code a moment ago (a code works once): the next one.
      await new Promise((resolve) => setTimeout(resolve, 30_500 - (Date.now() % 30_000)));
      verified = await verify();
    }
    if (!verified.ok) throw new Error(`second factor of ${email}: ${verified.status} ${await verified.text()}`);
    cookie = cookieOf(verified);
  }
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    post: (path, body, headers) => call('POST', path, body, headers),
    get: (path) => call('GET', path),
  };
}
