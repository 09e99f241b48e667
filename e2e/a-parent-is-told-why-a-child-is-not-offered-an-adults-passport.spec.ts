import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/network/demo/seed-demo.ts';
import ar from '../src/web/i18n/ar.json' with { type: 'json' };
import fr from '../src/web/i18n/fr.json' with { type: 'json' };
import { signInThroughApi } from './support/api.ts';
import { journey, launchChromium, phoneContext, settle } from './support/browser.ts';
import { parisService } from './support/network.ts';
import { type RunningServer, startServer } from './support/server.ts';

const path = journey('a-parent-is-told-why-a-child-is-not-offered-an-adults-passport');

const languages = [
  { name: 'French', locale: 'fr-FR', catalogue: fr, account: 'amina.benali@example.org', child: 'Rayan' },
  { name: 'Arabic', locale: 'ar-MA', catalogue: ar, account: 'youssef.elidrissi@example.org', child: 'Lina' },
] as const;

describe('a parent is told why a child is not offered an adult’s passport', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const language of languages) {
    it(`in ${language.name}: the child is left out of the adult passport with a sentence, and offered the minor's`, async () => {
      const { catalogue, name } = language;
      // An eleven-year-old on the account, added as the family page would.
      const api = await signInThroughApi(server.baseUrl, language.account, DEMO_PASSWORD);
      const added = await api.post<{ id: string }>('/api/v1/me/persons', {
        relation: 'child',
        givenNameLatin: language.child,
        familyNameLatin: 'Test',
        birthDate: '2015-03-01',
      });
      expect(added.status).toBe(201);

      const context = await phoneContext(browser, { locale: language.locale, timezoneId: 'Europe/Paris' });
      const page = await context.newPage();
      const adult = await parisService(server.baseUrl, 'passport_adult_new');
      await page.goto(`${server.baseUrl}/sign-in`);
      await settle(page);
      await page.getByRole('textbox', { name: catalogue.fields.email.label, exact: true }).fill(language.account);
      await page.getByRole('textbox', { name: catalogue.fields.password.label, exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: catalogue.signIn.submit }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

      await page.goto(`${server.baseUrl}/requests/new?consulateId=${adult.consulateId}&serviceId=${adult.serviceId}`);
      await settle(page);
      const child = page.getByRole('radio', { name: new RegExp(language.child) });
      expect(await child.isDisabled()).toBe(true);
      const sentence = catalogue.newRequest.eligibility.tooYoung
        .replace('{{name}}', `${language.child} Test`)
        .replace('{{age}}', '11')
        .replace('{{min}}', '18');
      expect(await page.locator('main').textContent()).toContain(sentence);
      // The account holder is the one chosen.
      expect(await page.getByRole('radio', { checked: true }).count()).toBe(1);
      await path.shot(page, `${name}-adult-passport-for-whom`, { axe: true });

      const minor = await parisService(server.baseUrl, 'passport_minor');
      await page.goto(`${server.baseUrl}/requests/new?consulateId=${minor.consulateId}&serviceId=${minor.serviceId}`);
      await settle(page);
      expect(await page.getByRole('radio', { name: new RegExp(language.child) }).isDisabled()).toBe(false);
      expect(await page.getByRole('radio', { name: new RegExp(language.child) }).isChecked()).toBe(true);
      await path.shot(page, `${name}-minor-passport-for-whom`, { axe: true });
      await context.close();
    });
  }

  it('finds no serious accessibility fault on any page it checked', () => {
    expect(path.checkedPages.length).toBe(4);
    expect(path.violations).toEqual([]);
  });
});
