import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { App } from '../../platform/http.ts';
import { ephemeralKeys } from '../../platform/keys.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import { cmiHashVer3 } from './cmi-hash.ts';
import { acceptedRequest } from './payments.testkit.ts';

/** With PAYMENT_GATEWAY=cmi: forms go to the CMI, and the sandbox does not exist at all. */
describe.each(engines)('the CMI configuration on %s', (engine) => {
  let ctx: TestContext;
  let app: App;
  let dataDir: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    dataDir = mkdtempSync(join(tmpdir(), 'mawid-cmi-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://rdv.example.ma',
      PAYMENT_GATEWAY: 'cmi',
      CMI_CLIENT_ID: '600000000',
      CMI_STORE_KEY: 'CMI-TEST-STORE-KEY',
      CMI_GATEWAY_URL: 'https://testpayment.cmi.co.ma/fim/est3Dgate',
      CMI_API_URL: 'https://testpayment.cmi.co.ma/fim/api',
      CMI_API_USER: 'mawid-api',
      CMI_API_PASSWORD: 'not-a-real-password',
    });
    ({ app } = await buildApp({
      config,
      database: ctx.database,
      clock: ctx.clock,
      logger: false,
      keys: ephemeralKeys(),
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await ctx.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands out a form for the CMI’s hosted page, signed with the CMI store key', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!);
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${requestId}/payments`,
      headers: { cookie: citizen!.cookie },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { form } = response.json();
    expect(form.action).toBe('https://testpayment.cmi.co.ma/fim/est3Dgate');
    expect(form.fields).toMatchObject({
      clientid: '600000000',
      callbackUrl: 'https://rdv.example.ma/api/v1/payments/callback/cmi',
      okUrl: 'https://rdv.example.ma/api/v1/payments/return/ok',
    });
    expect(form.fields.HASH).toBe(cmiHashVer3(form.fields, 'CMI-TEST-STORE-KEY'));
  });

  it('serves no sandbox route, and takes callbacks on the CMI’s address only', async () => {
    for (const url of ['/sandbox/cmi/est3Dgate', '/sandbox/cmi/pay', '/sandbox/cmi/switches', '/sandbox/cmi/api']) {
      const response = await app.inject({ method: 'POST', url, payload: {} });
      expect(response.statusCode, url).toBe(404);
    }
    const sandboxCallback = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/callback/sandbox',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'oid=ET-PAR-X&HASH=x',
    });
    expect(sandboxCallback.statusCode).toBe(404);
    expect(sandboxCallback.json().code).toBe('GATEWAY_NOT_ENABLED');
    const forged = await app.inject({
      method: 'POST',
      url: '/api/v1/payments/callback/cmi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'oid=ET-PAR-X&amount=1.00&HASH=x',
    });
    expect(forged.statusCode).toBe(200);
    expect(forged.body).toBe('FAILURE');
  });
});
