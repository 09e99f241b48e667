import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../src/modules/documents/documents.fixtures.ts';
import { DEMO_PASSWORD } from '../src/modules/network/demo/seed-demo.ts';
import ar from '../src/web/i18n/ar.json' with { type: 'json' };
import fr from '../src/web/i18n/fr.json' with { type: 'json' };
import { journey, launchChromium, phoneContext, settle } from './support/browser.ts';
import { parisService } from './support/network.ts';
import { uploadEveryDocument } from './support/passport-path.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { focused } from './support/watch.ts';

const path = journey('a-citizen-checks-the-request-before-sending-it');

// The same journey in French and in Arabic (right to left), each by a demo citizen for a relative
// added on the way.
const languages = [
  {
    name: 'French',
    locale: 'fr-FR',
    catalogue: fr,
    account: 'amina.benali@example.org',
    relative: { given: 'Karim', family: 'Benali', birthDate: '1984-03-02' },
    service: /Passeport biométrique — première demande/,
  },
  {
    name: 'Arabic',
    locale: 'ar-MA',
    catalogue: ar,
    account: 'youssef.elidrissi@example.org',
    relative: { given: 'Salma', family: 'El Idrissi', birthDate: '1990-07-21' },
    service: /جواز السفر البيومتري — طلب أول/,
  },
] as const;

describe('a citizen checks the request before sending it', { timeout: 240_000 }, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The "change" link of one row of the check page (its name ends with the row's question). */
  const changeLink = (page: Page, testId: string) => page.getByTestId(testId).getByRole('link');

  for (const language of languages) {
    it(`in ${language.name}: adds a relative on the way, checks, changes two answers and sends`, async () => {
      const { catalogue, name, relative } = language;
      const context = await phoneContext(browser, { locale: language.locale, timezoneId: 'Europe/Paris' });
      const page = await context.newPage();
      const { consulateId, serviceId } = await parisService(server.baseUrl, 'passport_adult_new');

      await page.goto(`${server.baseUrl}/requests/new?consulateId=${consulateId}&serviceId=${serviceId}`);
      await page.waitForURL(/\/sign-in/);
      await settle(page);
      await page.getByRole('textbox', { name: catalogue.fields.email.label, exact: true }).fill(language.account);
      await page.getByRole('textbox', { name: catalogue.fields.password.label, exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: catalogue.signIn.submit }).click();
      await page.waitForURL(/\/requests\/new/);
      await settle(page);

      // "For whom?" offers to add a relative; once added, the citizen is back with them chosen.
      await page.getByRole('link', { name: catalogue.newRequest.addRelative }).click();
      await page.waitForURL(/\/family\?add=1/);
      await settle(page);
      await expect.poll(async () => (await focused(page)).id).toBe('person-new-relation');
      await page.getByLabel(catalogue.fields.relation.label).selectOption('spouse');
      await page.locator('#person-new-givenNameLatin').fill(relative.given);
      await page.locator('#person-new-familyNameLatin').fill(relative.family);
      await page.locator('#person-new-birthDate').fill(relative.birthDate);
      await path.shot(page, `${name}-relative-added-on-the-way`, { axe: true });
      await page.getByRole('button', { name: catalogue.family.add, exact: true }).click();
      await page.waitForURL(/\/requests\/new\?.*personId=/);
      await settle(page);
      const chosen = page.getByRole('radio', { checked: true });
      expect(await chosen.count()).toBe(1);
      expect(await chosen.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent)).toContain(
        `${relative.given} ${relative.family}`,
      );
      await path.shot(page, `${name}-relative-chosen`, { axe: true });
      await page.getByRole('button', { name: catalogue.newRequest.open }).click();
      await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
      await settle(page);
      const requestId = new URL(page.url()).pathname.split('/').at(-1) ?? '';

      // The documents, then "Continue" to the check page (the request page sends nothing itself).
      await uploadEveryDocument(page);
      expect(await page.getByRole('button', { name: catalogue.request.submit }).count()).toBe(0);
      await page.getByRole('link', { name: catalogue.request.continue }).click();
      await page.waitForURL(/\/check$/);
      await settle(page);
      expect(await page.locator('main h1').textContent()).toBe(catalogue.checkAnswers.title);
      expect(await page.getByTestId('check-person').textContent()).toContain(`${relative.given} ${relative.family}`);
      expect(await page.getByTestId('check-service').textContent()).toMatch(language.service);
      expect(await page.getByTestId('check-consulate').textContent()).toContain(name === 'French' ? 'Paris' : 'باريس');
      expect(await page.getByTestId('check-document-cnie_copy').textContent()).toContain('cnie_copy.pdf');
      expect(await page.getByTestId('check-document-id_photos_biometric').textContent()).toContain('photo.png');
      await path.shot(page, `${name}-check-answers`, { axe: true });

      // Change a document: back to its upload button; a file that is not what its name says is
      // refused in those words; a real PDF replaces the first one.
      await changeLink(page, 'check-document-cnie_copy').click();
      await page.waitForURL(/#document-cnie_copy$/);
      await settle(page);
      await expect.poll(async () => (await focused(page)).id).toBe('document-cnie_copy');
      const cnie = page.getByTestId('checklist-cnie_copy');
      await page.locator('#document-file-cnie_copy').setInputFiles({
        name: 'cnie-scan.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('A letter, not a scan of an identity card.'),
      });
      const refusal = cnie.getByTestId('error-message');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(catalogue.upload.notReal.pdf);
      await path.shot(page, `${name}-not-a-real-pdf`, { axe: true });
      await page.locator('#document-file-cnie_copy').setInputFiles({
        name: 'cnie-recto-verso.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf({ text: 'recto verso' }),
      });
      await cnie.getByText(catalogue.upload.done.replace('{{document}}', catalogue.document.cnie_copy)).waitFor();
      await page.getByRole('link', { name: catalogue.request.continue }).click();
      await page.waitForURL(/\/check$/);
      await settle(page);
      expect(await page.getByTestId('check-document-cnie_copy').textContent()).toContain('cnie-recto-verso.pdf');

      // Change the person's details: the family page opens their form, and comes back here.
      await changeLink(page, 'check-person').click();
      await page.waitForURL(/\/family\?edit=/);
      await settle(page);
      await expect.poll(async () => (await focused(page)).id).toMatch(/^person-.*-givenNameLatin$/);
      await page.locator('[id$="-birthPlace"]').fill(name === 'French' ? 'Casablanca' : 'الرباط');
      await page.getByRole('button', { name: catalogue.family.save, exact: true }).click();
      await page.waitForURL(/\/check$/);
      await settle(page);

      // Send: the request goes to the consulate.
      await page.getByRole('button', { name: catalogue.request.submit }).click();
      await page.waitForURL(new RegExp(`/requests/${requestId}$`));
      await settle(page);
      await expect
        .poll(() => page.getByTestId('status-help').textContent())
        .toBe(catalogue.request.statusHelp.submitted);
      await path.shot(page, `${name}-request-sent`, { axe: true });
      await context.close();
    });
  }

  it('axe-core finds no serious or critical violation on any page visited', () => {
    expect(path.checkedPages.length).toBe(10);
    expect(path.violations).toEqual([]);
  });
});
