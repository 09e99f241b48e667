import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/network/demo/seed-demo.ts';
import ar from '../src/web/i18n/ar.json' with { type: 'json' };
import fr from '../src/web/i18n/fr.json' with { type: 'json' };
import { journey, launchChromium, phoneContext, settle } from './support/browser.ts';
import { parisService } from './support/network.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { focused } from './support/watch.ts';

const path = journey('a-citizen-chooses-a-time-with-the-keyboard');

// WAI-ARIA: left and right follow the reading direction, so in Arabic the left arrow goes forward.
const languages = [
  {
    name: 'French',
    locale: 'fr-FR',
    catalogue: fr,
    account: 'amina.benali@example.org',
    forward: 'ArrowRight',
    backward: 'ArrowLeft',
    freeDay: /, horaires libres$/,
    zoneTime: 'heure de Paris',
  },
  {
    name: 'Arabic',
    locale: 'ar-MA',
    catalogue: ar,
    account: 'youssef.elidrissi@example.org',
    forward: 'ArrowLeft',
    backward: 'ArrowRight',
    freeDay: /، أوقات متاحة$/,
    zoneTime: 'توقيت باريس',
  },
] as const;

/** The time chips of the chosen day, in order, with which one is chosen and which one is the tab stop. */
function timeChips(page: Page) {
  return page
    .getByTestId('time-choice')
    .getByRole('radio')
    .evaluateAll((chips) =>
      chips.map((chip) => ({
        time: chip.textContent?.trim() ?? '',
        isChecked: chip.getAttribute('aria-checked') === 'true',
        isTabStop: chip.getAttribute('tabindex') === '0',
      })),
    );
}

describe('a citizen chooses a time with the keyboard', { timeout: 180_000 }, () => {
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
    it(`in ${language.name}: one tab stop for the times, arrows to choose, Enter to book`, async () => {
      const { catalogue, name } = language;
      // A device in Toronto: times and the cancellation cut-off are said in Paris time, and named.
      const context = await phoneContext(browser, { locale: language.locale, timezoneId: 'America/Toronto' });
      const page = await context.newPage();
      const { consulateId, serviceId } = await parisService(server.baseUrl, 'certified_copy');

      await page.goto(`${server.baseUrl}/requests/new?consulateId=${consulateId}&serviceId=${serviceId}`);
      await page.waitForURL(/\/sign-in/);
      await settle(page);
      await page.getByRole('textbox', { name: catalogue.fields.email.label, exact: true }).fill(language.account);
      await page.getByRole('textbox', { name: catalogue.fields.password.label, exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: catalogue.signIn.submit }).click();
      await page.waitForURL(/\/requests\/new/);
      await settle(page);
      await page.getByRole('button', { name: catalogue.service.book }).click();
      await page.waitForURL(/\/book\//);
      await settle(page);
      await page.getByRole('button', { name: language.freeDay }).first().click();
      await page.getByTestId('time-choice').waitFor();
      const chips = await timeChips(page);
      expect(chips.length).toBeGreaterThan(2);
      expect(chips.filter((chip) => chip.isTabStop)).toEqual([chips[0]]);
      expect(chips.some((chip) => chip.isChecked)).toBe(false);

      // Tab lands once on the day's times — on the first — and the next Tab leaves them.
      for (let presses = 0; presses < 8 && (await focused(page)).role !== 'radio'; presses++) {
        await page.keyboard.press('Tab');
      }
      expect(await focused(page)).toMatchObject({ role: 'radio', text: chips[0]?.time, checked: 'false' });
      await page.keyboard.press('Tab');
      expect((await focused(page)).role).not.toBe('radio');
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toMatchObject({ role: 'radio', text: chips[0]?.time });

      // The arrows move and choose, in the reading direction; Home and End go to the ends.
      await page.keyboard.press(language.forward);
      expect(await focused(page)).toMatchObject({ text: chips[1]?.time, checked: 'true' });
      await page.keyboard.press('End');
      expect(await focused(page)).toMatchObject({ text: chips.at(-1)?.time, checked: 'true' });
      await page.keyboard.press(language.forward);
      expect(await focused(page)).toMatchObject({ text: chips[0]?.time, checked: 'true' });
      await page.keyboard.press(language.backward);
      expect(await focused(page)).toMatchObject({ text: chips.at(-1)?.time, checked: 'true' });
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowDown');
      const chosen = chips[1]?.time ?? '';
      expect(await focused(page)).toMatchObject({ text: chosen, checked: 'true' });
      const now = await timeChips(page);
      expect(now.filter((chip) => chip.isChecked).map((chip) => chip.time)).toEqual([chosen]);
      expect(now.filter((chip) => chip.isTabStop).map((chip) => chip.time)).toEqual([chosen]);
      expect(await page.getByTestId('booking-summary').textContent()).toContain(chosen);
      await path.shot(page, `${name}-time-chosen-by-keyboard`, { axe: true });

      // The next Tab reaches the booking button; Enter books.
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe(catalogue.booking.confirm);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/appointments$/);
      await settle(page);
      const card = page.locator('[data-testid^="appointment-"]').filter({ has: page.getByTestId('appointment-when') });
      expect(await card.getByTestId('appointment-when').textContent()).toContain(chosen);
      // The cut-off for changes is a time at the consulate too, named like the appointment's.
      const cutoff = (await card.getByTestId('appointment-cutoff').textContent()) ?? '';
      expect(cutoff).toContain(`(${language.zoneTime})`);
      await path.shot(page, `${name}-booked`, { axe: true });

      // Cancelled, it is listed as cancelled — not among past appointments.
      await card.getByRole('button', { name: catalogue.appointments.cancel }).click();
      await card.getByRole('button', { name: catalogue.appointments.cancelYes }).click();
      const cancelled = page.getByTestId('appointments-cancelled');
      await cancelled.waitFor();
      expect(await cancelled.getByRole('heading', { level: 2 }).textContent()).toBe(catalogue.appointments.cancelled);
      expect(await cancelled.getByTestId('appointment-when').textContent()).toContain(chosen);
      expect(await page.getByTestId('appointments-past').count()).toBe(0);
      await path.shot(page, `${name}-cancelled`, { axe: true });
      await context.close();
    });
  }

  it('axe-core finds no serious or critical violation on any page visited', () => {
    expect(path.checkedPages.length).toBe(6);
    expect(path.violations).toEqual([]);
  });
});
