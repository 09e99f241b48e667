import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchChromium, phoneContext, settle } from './support/browser.ts';
import { acceptAsParisAgent, uploadEveryDocument } from './support/passport-path.ts';
import { type RunningServer, startServer } from './support/server.ts';

const path = journey('a-citizen-in-french-books-and-pays-a-passport-appointment');

describe('a citizen in French books and pays a passport appointment', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    // A device in Toronto: the times must still be the consulate's, named "heure de Paris".
    context = await phoneContext(browser, { locale: 'fr-FR', timezoneId: 'America/Toronto' });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const field = (name: string) => page.getByRole('textbox', { name, exact: true });

  it('finds Paris, signs up, is accepted, books, pays and downloads the convocation', async () => {
    await page.goto(server.baseUrl);
    await settle(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByLabel('Pays').selectOption({ label: 'France' });
    await page.getByLabel('Ville').selectOption({ label: 'Paris' });
    await path.shot(page, 'find-paris', { axe: true });

    await page
      .getByRole('link', { name: /Voir les services et tarifs/ })
      .first()
      .click();
    await settle(page);
    await page.getByRole('button', { name: /Passeport biométrique — première demande/ }).click();
    const start = page.getByRole('link', { name: /Commencer une demande — Passeport biométrique — première demande/ });
    await start.waitFor();
    await path.shot(page, 'consulate-passport', { axe: true });

    // Not signed in yet: the portal asks to sign in, and offers to create an account.
    await start.click();
    await page.waitForURL(/\/sign-in/);
    await settle(page);
    await path.shot(page, 'sign-in', { axe: true });
    await page.getByRole('link', { name: 'Créer un compte' }).last().click();
    await page.waitForURL(/\/sign-up/);
    await settle(page);
    const email = `citoyenne.${Date.now()}@example.org`;
    await field('Adresse e-mail').fill(email);
    await field('Mot de passe').fill('une phrase assez longue');
    await field('Prénom (lettres latines)').fill('Amina');
    await field('Nom (lettres latines)').fill('Benali');
    await path.shot(page, 'sign-up', { axe: true });
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await page.waitForURL(/\/confirm-email/);
    await settle(page);
    await field('Code').fill(await server.emailCode(email));
    await path.shot(page, 'confirm-email', { axe: true });
    await page.getByRole('button', { name: 'Confirmer' }).click();

    await page.waitForURL(/\/requests\/new/);
    await settle(page);
    await path.shot(page, 'new-request', { axe: true });
    // An adult's passport depends on age: the consulate needs the date of birth first, and the
    // error summary leads there; once it is saved, the citizen is back on the request.
    await page.getByRole('button', { name: 'Ouvrir la demande' }).click();
    await page.getByTestId('error-summary').waitFor();
    await page.getByRole('link', { name: 'Indiquer la date de naissance' }).click();
    await page.waitForURL(/\/family\?edit=/);
    await settle(page);
    await page.locator('[id$="-birthDate"]').fill('1992-06-14');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL(/\/requests\/new\?.*personId=/);
    await settle(page);
    await page.getByRole('button', { name: 'Ouvrir la demande' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await settle(page);
    const requestId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    await path.shot(page, 'request-draft', { axe: true });

    const kinds = await uploadEveryDocument(page);
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    await path.shot(page, 'documents-uploaded', { axe: true });
    await page.getByRole('link', { name: 'Continuer' }).click();
    await page.waitForURL(/\/check$/);
    await settle(page);
    await path.shot(page, 'check-answers', { axe: true });
    await page.getByRole('button', { name: 'Envoyer la demande au consulat' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('status-help').textContent()).toMatch(/^Envoyée/);
    await path.shot(page, 'request-submitted');

    await acceptAsParisAgent(server.baseUrl, requestId);
    await page.reload();
    await settle(page);
    await expect.poll(() => page.getByTestId('status-help').textContent()).toMatch(/^Acceptée/);
    await path.shot(page, 'request-accepted', { axe: true });

    await page.getByRole('link', { name: 'Choisir une date' }).click();
    await page.waitForURL(/\/appointment$/);
    await settle(page);
    expect(await page.getByTestId('zone-note').textContent()).toMatch(/heure de Paris/);
    await page
      .getByRole('button', { name: /, horaires libres$/ })
      .first()
      .click();
    await page.getByTestId('time-choice').getByRole('radio').first().click();
    await page.getByTestId('booking-summary').waitFor();
    await path.shot(page, 'booking-time-chosen', { axe: true });
    await page.getByRole('button', { name: 'Réserver cet horaire' }).click();
    await page.waitForURL(/\/appointments$/);
    await settle(page);
    await page.getByRole('status').filter({ hasText: 'Votre rendez-vous est réservé' }).waitFor();
    expect(await page.getByTestId('appointment-when').first().textContent()).toMatch(/ à \d{2}:\d{2}/);
    await path.shot(page, 'appointment-booked', { axe: true });

    await page.goto(`${server.baseUrl}/requests/${requestId}`);
    await settle(page);
    await page.getByRole('button', { name: /^Payer .* par carte$/ }).click();
    await page.waitForURL(/\/sandbox\//);
    await page.locator('#cardNumber').waitFor();
    await path.shot(page, 'sandbox-gateway');
    await page.locator('#cardNumber').fill('4000000000000002');
    await page.locator('#expiry').fill('12/30');
    await page.locator('#cvv').fill('123');
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}\/payment/);
    const stamp = page.getByTestId('stamp-number').first();
    await stamp.waitFor({ timeout: 60_000 });
    expect((await stamp.textContent())?.trim()).not.toBe('');
    await settle(page);
    await path.shot(page, 'fee-paid', { axe: true });

    await page.goto(`${server.baseUrl}/appointments`);
    await settle(page);
    const [convocation] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Convocation (PDF)' }).first().click(),
    ]);
    const bytes = await readFile(await convocation.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await path.shot(page, 'appointments', { axe: true });
  });

  it('axe-core finds no serious or critical violation on any page of the path', () => {
    expect(path.checkedPages.length).toBeGreaterThanOrEqual(11);
    expect(path.violations).toEqual([]);
  });
});
