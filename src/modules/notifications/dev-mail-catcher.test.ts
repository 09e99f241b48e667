import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { App } from '../../platform/http.ts';
import { registerProblemHandlers } from '../../platform/problem.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { createChannels } from './channels.ts';
import { type MailCatcher, startMailCatcher } from './dev-mail-catcher.ts';
import { createEmailChannel, messageIdOf } from './email-channel.ts';
import { decodeEncodedWords } from './mail-headers.ts';
import { notificationsRoutes } from './notifications.routes.ts';

describe('the development mail catcher', () => {
  let ctx: TestContext;
  let catcher: MailCatcher;
  let app: App;
  beforeAll(async () => {
    ctx = await createTestContext(engines[0]!);
    catcher = await startMailCatcher();
    app = Fastify().withTypeProvider<ZodTypeProvider>() as unknown as App;
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerProblemHandlers(app);
    notificationsRoutes(app, ctx.deps, { mailCatcher: catcher });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await catcher.close();
    await ctx.app.close();
  });

  it('receives what the e-mail channel sends, and lists it newest first with its headers decoded', async () => {
    const email = createEmailChannel({
      smtpUrl: catcher.smtpUrl,
      from: 'Mawid <no-reply@mawid.example>',
      transport: { ignoreTLS: true },
    });
    const base = { to: 'amina@example.org', html: '<p>x</p>', text: 'x' };
    await email.send({ ...base, outboxId: 41, locale: 'ar', subject: 'تأكيد الموعد: الأربعاء' });
    await email.send({ ...base, outboxId: 42, locale: 'fr', subject: '<script>alert(1)</script> Rendez-vous' });
    await email.close();

    const [newest, oldest] = catcher.messages();
    expect(newest).toMatchObject({ index: 2, messageId: messageIdOf(42), to: 'amina@example.org' });
    expect(oldest).toMatchObject({ index: 1, messageId: messageIdOf(41), subject: 'تأكيد الموعد: الأربعاء' });
    expect(oldest!.from).toBe('Mawid <no-reply@mawid.example>');

    const page = await app.inject({ method: 'GET', url: '/dev/mail' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Rendez-vous');
    expect(page.body).not.toContain('<script>');
    expect(page.body.indexOf('Rendez-vous')).toBeLessThan(page.body.indexOf('تأكيد الموعد'));
    expect(page.body).toContain('href="/dev/mail/1"');

    const source = await app.inject({ method: 'GET', url: '/dev/mail/1' });
    expect(source.headers['content-type']).toContain('text/plain');
    expect(source.body).toContain(`Message-ID: ${messageIdOf(41)}`);
    expect((await app.inject({ method: 'GET', url: '/dev/mail/99' })).statusCode).toBe(404);
  });

  it('decodes encoded words, Base64 and quoted-printable, joined across spaces', () => {
    expect(decodeEncodedWords('=?UTF-8?B?2YXZiNi52K8=?= =?UTF-8?Q?_=C3=A0_Paris?=')).toBe('موعد à Paris');
    expect(decodeEncodedWords('plain subject')).toBe('plain subject');
  });

  it('is what the channels use without SMTP_URL outside production, and never in production', async () => {
    const development = await createChannels(loadConfig({ NODE_ENV: 'development' }), ctx.db);
    expect(development.mailCatcher?.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(development.sms).toBeDefined();
    await development.close();

    const configured = await createChannels(
      loadConfig({ NODE_ENV: 'development', SMTP_URL: 'smtp://127.0.0.1:2525' }),
      ctx.db,
    );
    expect(configured.mailCatcher).toBeUndefined();
    await configured.close();

    // What createChannels reads of a production configuration (the rest of its rules are config.ts's).
    const productionConfig = {
      ...loadConfig({ NODE_ENV: 'development', SMTP_URL: 'smtps://mailer:secret@smtp.example.org:465' }),
      NODE_ENV: 'production' as const,
    };
    const production = await createChannels(productionConfig, ctx.db);
    expect(production.mailCatcher).toBeUndefined();
    // No SMS gateway is configured yet: production sends e-mail only rather than pretend.
    expect(production.sms).toBeUndefined();
    expect(production.email.fromAddress).toBe('no-reply@mawid.example');
    await production.close();
  });

  it('registers no /dev/mail route when the process does not catch its own mail', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/dev/mail' });
    expect(response.statusCode).toBe(404);
  });
});
