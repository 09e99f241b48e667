import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/network/demo/seed-demo.ts';
import ar from '../src/web/i18n/ar.json' with { type: 'json' };
import fr from '../src/web/i18n/fr.json' with { type: 'json' };
import { journey, launchChromium, phoneContext, settle } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { focused, watchPage } from './support/watch.ts';

const path = journey('a-citizen-who-makes-a-mistake-in-a-form-is-told-what-and-where');
const arabicFont = /noto-naskh-arabic/;

// The same journey in French and in Arabic (right to left): the words a person reads, each time.
const languages = [
  {
    name: 'French',
    locale: 'fr-FR',
    catalogue: fr,
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    givenName: 'Prénom (lettres latines)',
    familyName: 'Nom (lettres latines)',
    givenNameArabic: 'Prénom (caractères arabes)',
    signUp: 'Créer mon compte',
    signIn: 'Se connecter',
    account: 'amina.benali@example.org',
  },
  {
    name: 'Arabic',
    locale: 'ar-MA',
    catalogue: ar,
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    givenName: 'الاسم الشخصي (بالحروف اللاتينية)',
    familyName: 'الاسم العائلي (بالحروف اللاتينية)',
    givenNameArabic: 'الاسم الشخصي (بالحروف العربية)',
    signUp: 'إنشاء حسابي',
    signIn: 'تسجيل الدخول',
    account: 'youssef.elidrissi@example.org',
  },
] as const;

describe('a citizen who makes a mistake in a form is told what and where', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The inline message of a field (Mantine writes it at `<field id>-error`). */
  const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`).textContent();

  for (const language of languages) {
    it(`in ${language.name}: a first visit, a refused sign-up and a refused sign-in`, async () => {
      const { catalogue, name } = language;
      const context = await phoneContext(browser, { locale: language.locale, timezoneId: 'Europe/Paris' });
      const page = await context.newPage();
      const seen = watchPage(page);
      const field = (label: string) => page.getByRole('textbox', { name: label, exact: true });
      const summary = page.getByTestId('error-summary');

      // An anonymous first visit asks nobody's session, so the console stays clean (no 401); the
      // Arabic font comes only with Arabic text.
      await page.goto(server.baseUrl);
      await settle(page);
      await page.evaluate(() => document.fonts.ready);
      expect(seen.requests.filter((url) => url.includes('/api/v1/me'))).toEqual([]);
      expect(seen.consoleErrors).toEqual([]);
      const fontRequests = seen.requests.filter((url) => arabicFont.test(url));
      if (name === 'French') expect(fontRequests).toEqual([]);
      else expect(fontRequests.length).toBeGreaterThan(0);
      await path.shot(page, `${name}-first-visit`, { axe: true });

      // Sign-up sent empty: the summary takes the focus and lists each missing field in its words.
      await page.goto(`${server.baseUrl}/sign-up`);
      await settle(page);
      await page.getByRole('button', { name: language.signUp }).click();
      await summary.waitFor();
      expect((await focused(page)).testId).toBe('error-summary');
      expect(await summary.getByRole('heading').textContent()).toBe(catalogue.form.summaryTitle);
      const missing = {
        'sign-up-email': catalogue.fields.email.required,
        'sign-up-password': catalogue.fields.password.required,
        'sign-up-givenNameLatin': catalogue.fields.givenNameLatin.required,
        'sign-up-familyNameLatin': catalogue.fields.familyNameLatin.required,
      };
      for (const [id, message] of Object.entries(missing)) expect(await fieldError(page, id), id).toBe(message);
      expect(new Set(Object.values(missing)).size).toBe(4);
      expect(await summary.getByRole('link').allTextContents()).toEqual(Object.values(missing));
      await path.shot(page, `${name}-sign-up-empty`, { axe: true });

      // Each link of the summary moves the focus to its field.
      await summary.getByRole('link', { name: catalogue.fields.password.required }).click();
      expect((await focused(page)).id).toBe('sign-up-password');
      await summary.getByRole('link', { name: catalogue.fields.familyNameLatin.required }).click();
      expect((await focused(page)).id).toBe('sign-up-familyNameLatin');

      // Wrong values: each field says what is wrong with it (format, length, script).
      await field(language.email).fill('amina.example.org');
      await field(language.password).fill('court');
      await field(language.givenName).fill('Amina2');
      await field(language.familyName).fill('Benali');
      await field(language.givenNameArabic).fill('Amina');
      await page.getByRole('button', { name: language.signUp }).click();
      await expect.poll(async () => (await focused(page)).testId).toBe('error-summary');
      const wrong = {
        'sign-up-email': catalogue.fields.email.format,
        'sign-up-password': catalogue.fields.password.tooShort.replace('{{min}}', '10'),
        'sign-up-givenNameLatin': catalogue.fields.givenNameLatin.invalid,
        'sign-up-givenNameArabic': catalogue.fields.givenNameArabic.format,
      };
      for (const [id, message] of Object.entries(wrong)) expect(await fieldError(page, id), id).toBe(message);
      expect(await page.locator('#sign-up-familyNameLatin-error').count()).toBe(0);
      expect(await summary.getByRole('link').allTextContents()).toEqual(Object.values(wrong));
      await path.shot(page, `${name}-sign-up-wrong`, { axe: true });

      // A refused sign-in: the focus goes to the summary, which says so and leads to the password.
      await page.goto(`${server.baseUrl}/sign-in`);
      await settle(page);
      await field(language.email).fill(language.account);
      await field(language.password).fill(`${DEMO_PASSWORD}-not`);
      await page.getByRole('button', { name: language.signIn }).click();
      await summary.waitFor();
      await expect.poll(async () => (await focused(page)).testId).toBe('error-summary');
      const refusal = catalogue.errors.INVALID_CREDENTIALS;
      expect(await summary.getByRole('link').allTextContents()).toEqual([refusal]);
      await summary.getByRole('link', { name: refusal }).click();
      expect((await focused(page)).id).toBe('sign-in-password');
      await path.shot(page, `${name}-sign-in-refused`, { axe: true });

      // …and the right password goes through.
      await field(language.password).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: language.signIn }).click();
      await page.waitForURL(/\/requests$/);
      await settle(page);
      await context.close();
    });
  }

  it('axe-core finds no serious or critical violation on any page visited', () => {
    expect(path.checkedPages.length).toBe(8);
    expect(path.violations).toEqual([]);
  });
});
