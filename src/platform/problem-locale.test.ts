import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { createTestContext, signIn, type TestContext } from '../test/harness.ts';
import ar from './i18n/messages/ar.json' with { type: 'json' };
import en from './i18n/messages/en.json' with { type: 'json' };
import fr from './i18n/messages/fr.json' with { type: 'json' };

/** A problem's title is in the language the request asks for, else the signed-in account's. */
describe.each(engines)('the language of problem titles, on %s', (engine) => {
  let ctx: TestContext;
  let youssef: string;
  let amina: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    // Demo citizens: Youssef's account is in Arabic, Amina's in French.
    youssef = await signIn(ctx, 'youssef.elidrissi@example.org');
    amina = await signIn(ctx, 'amina.benali@example.org');
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  // A request that is not theirs: 404 REQUEST_NOT_FOUND, raised after the caller is known.
  const missingRequest = async (cookie: string | undefined, acceptLanguage?: string) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${randomUUID()}`,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
      },
    });
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json().code).toBe('REQUEST_NOT_FOUND');
    return response.json().title as string;
  };

  it('follows the account’s language when the request names none', async () => {
    expect(ar['error.REQUEST_NOT_FOUND']).not.toBe(fr['error.REQUEST_NOT_FOUND']);
    expect(await missingRequest(youssef)).toBe(ar['error.REQUEST_NOT_FOUND']);
    expect(await missingRequest(amina)).toBe(fr['error.REQUEST_NOT_FOUND']);
  });

  it('follows Accept-Language first, and the account when none of its languages is ours', async () => {
    expect(await missingRequest(youssef, 'fr')).toBe(fr['error.REQUEST_NOT_FOUND']);
    expect(await missingRequest(youssef, 'en-GB,en;q=0.9')).toBe(en['error.REQUEST_NOT_FOUND']);
    expect(await missingRequest(youssef, 'de-DE')).toBe(ar['error.REQUEST_NOT_FOUND']);
    expect(await missingRequest(amina, 'ar')).toBe(ar['error.REQUEST_NOT_FOUND']);
  });

  it('answers an anonymous caller in French, or in its Accept-Language', async () => {
    const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/v1/requests/${randomUUID()}` });
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED', title: fr['error.UNAUTHENTICATED'] });
    const arabic = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${randomUUID()}`,
      headers: { 'accept-language': 'ar' },
    });
    expect(arabic.json().title).toBe(ar['error.UNAUTHENTICATED']);
  });

  it('does not carry one caller’s language over to the next request', async () => {
    expect(await missingRequest(youssef)).toBe(ar['error.REQUEST_NOT_FOUND']);
    const next = await ctx.app.inject({ method: 'GET', url: `/api/v1/requests/${randomUUID()}` });
    expect(next.json().title).toBe(fr['error.UNAUTHENTICATED']);
  });
});
