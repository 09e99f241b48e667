import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/network/demo/seed-demo.ts';
import { signInThroughApi } from './support/api.ts';
import { journey, launchChromium, phoneContext, settle } from './support/browser.ts';
import { leaveOneSeat, type RunningServer, startServer } from './support/server.ts';

const path = journey('a-citizen-who-loses-the-last-seat-is-told-and-picks-another-time');

interface Availability {
  days: { date: string; times: { slotId: number; time: string; free: number }[] }[];
}

/** The last time of the first free day, as the calendar offers it (Paris, certified copy). */
async function lastTimeOfFirstFreeDay(baseUrl: string, consulateId: string, serviceId: string) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const to = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
  const answer = await fetch(
    `${baseUrl}/api/v1/consulates/${consulateId}/services/${serviceId}/availability?from=${today}&to=${to}`,
  );
  expect(answer.status).toBe(200);
  const availability = (await answer.json()) as Availability;
  const firstDay = availability.days
    .map((day) => ({ ...day, times: day.times.filter((time) => time.free > 0) }))
    .filter((day) => day.times.length > 1)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  const time = firstDay?.times.at(-1);
  if (!firstDay || !time) throw new Error('no free day with two free times for the certified copy in Paris');
  return time;
}

describe('a citizen who loses the last seat is told and picks another time', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    context = await phoneContext(browser, { locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sees "this time was just taken" and books another time', async () => {
    const { consulates } = (await (await fetch(`${server.baseUrl}/api/v1/consulates`)).json()) as {
      consulates: { id: string; code: string }[];
    };
    const paris = consulates.find((consulate) => consulate.code === 'PAR');
    if (!paris) throw new Error('the demo network has no Paris consulate');
    const { services } = (await (await fetch(`${server.baseUrl}/api/v1/consulates/${paris.id}/services`)).json()) as {
      services: { id: string; code: string; requiresVerification: boolean }[];
    };
    const copy = services.find((service) => service.code === 'certified_copy');
    if (!copy) throw new Error('Paris offers no certified copy');
    expect(copy.requiresVerification).toBe(false);

    const contested = await lastTimeOfFirstFreeDay(server.baseUrl, paris.id, copy.id);
    await leaveOneSeat(server.db, contested.slotId);

    // The citizen signs in on the way to the calendar, and picks the contested time.
    await page.goto(`${server.baseUrl}/requests/new?consulateId=${paris.id}&serviceId=${copy.id}`);
    await page.waitForURL(/\/sign-in/);
    await settle(page);
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill('amina.benali@example.org');
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/requests\/new/);
    await settle(page);
    await path.shot(page, 'new-request');
    await page.getByRole('button', { name: 'Choisir une date' }).click();
    await page.waitForURL(/\/book\//);
    await settle(page);
    await page
      .getByRole('button', { name: /, horaires libres$/ })
      .first()
      .click();
    const chips = page.getByTestId('time-choice').getByRole('radio');
    const contestedChip = chips.filter({ hasText: new RegExp(`^${contested.time}$`) });
    await contestedChip.click();
    expect(await page.getByTestId('booking-summary').textContent()).toContain(contested.time);
    await path.shot(page, 'contested-time-chosen');

    // Meanwhile another citizen takes the last seat.
    const other = await signInThroughApi(server.baseUrl, 'youssef.elidrissi@example.org', DEMO_PASSWORD);
    const taken = await other.post('/api/v1/appointments', {
      consulateId: paris.id,
      serviceId: copy.id,
      slotId: contested.slotId,
    });
    expect(taken.status).toBe(201);

    await page.getByRole('button', { name: 'Réserver cet horaire' }).click();
    const refusal = page.getByTestId('error-message');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Cet horaire vient d’être pris par quelqu’un d’autre. Choisissez-en un autre.',
    );
    // The lost time is taken off the list; the day keeps its other times.
    await expect.poll(() => contestedChip.count()).toBe(0);
    expect(page.url()).toMatch(/\/book\//);
    await path.shot(page, 'time-just-taken');

    const another = chips.first();
    const anotherTime = ((await another.textContent()) ?? '').trim();
    expect(anotherTime).not.toBe(contested.time);
    await another.click();
    await page.getByTestId('booking-summary').waitFor();
    await page.getByRole('button', { name: 'Réserver cet horaire' }).click();
    await page.waitForURL(/\/appointments$/);
    await settle(page);
    await page.getByRole('status').filter({ hasText: 'Votre rendez-vous est réservé' }).waitFor();
    expect(await page.getByTestId('appointment-when').first().textContent()).toContain(anotherTime);
    await path.shot(page, 'another-time-booked');
  });
});
