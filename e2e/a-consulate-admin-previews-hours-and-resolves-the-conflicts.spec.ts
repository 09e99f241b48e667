import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/network/demo/seed-demo.ts';
import { signInThroughApi } from './support/api.ts';
import { journey, launchChromium, settle } from './support/browser.ts';
import { parisService } from './support/network.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { signInAsStaff } from './support/staff.ts';
import { desktopContext } from './support/staff-browser.ts';

const path = journey('a-consulate-admin-previews-hours-and-resolves-the-conflicts');

interface Booked {
  id: string;
  reference: string;
  departmentId: string;
  localDate: string;
  localTime: string;
}

interface Words {
  locale: string;
  citizen: string;
  counterLabel: string;
  reason: string;
  calendars: string;
  preview: string;
  save: string;
  toConflicts: string;
  cancelSelected: RegExp;
  continueLabel: string;
  confirm: RegExp;
  cancelledStatus: string;
  addCounter: string;
  chooseServices: string;
  saveServices: string;
  saveWalkIns: string;
}

const french: Words = {
  locale: 'fr-FR',
  citizen: 'amina.benali@example.org',
  counterLabel: 'Légalisations 9',
  reason: 'Le service des légalisations ferme ce matin-là pour une formation.',
  calendars: 'Calendriers',
  preview: 'Prévisualiser',
  save: 'Enregistrer les horaires',
  toConflicts: 'Résoudre les conflits',
  cancelSelected: /^Annuler et prévenir la sélection/,
  continueLabel: 'Continuer',
  confirm: /^Annuler les rendez-vous \(1\)/,
  cancelledStatus: 'Annulé par le consulat',
  addCounter: 'Ajouter le guichet',
  chooseServices: 'Choisir ses prestations',
  saveServices: 'Enregistrer ses prestations',
  saveWalkIns: 'Enregistrer les prestations sans rendez-vous',
};

const arabic: Words = {
  locale: 'ar-MA',
  citizen: 'youssef.elidrissi@example.org',
  counterLabel: 'المصادقة 10',
  reason: 'تُغلق مصلحة المصادقة في ذلك الوقت بسبب تكوين للموظفين.',
  calendars: 'الجداول الزمنية',
  preview: 'معاينة',
  save: 'حفظ الأوقات',
  toConflicts: 'معالجة التعارضات',
  cancelSelected: /^إلغاء المحدَّد وإبلاغ أصحابه/,
  continueLabel: 'متابعة',
  confirm: /^إلغاء المواعيد \(1\)/,
  cancelledStatus: 'ألغته القنصلية',
  addCounter: 'إضافة الشباك',
  chooseServices: 'اختيار خدماته',
  saveServices: 'حفظ خدماته',
  saveWalkIns: 'حفظ الخدمات المفتوحة بدون موعد',
};

describe('a consulate admin previews hours and resolves the conflicts, in French and in Arabic', {
  timeout: 400_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let consulateId: string;
  let copyServiceId: string;
  let copyNames: Record<string, string>;
  const copyName = (language: string) => copyNames[language] ?? copyNames.fr ?? '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    ({ consulateId, serviceId: copyServiceId } = await parisService(server.baseUrl, 'certified_copy'));
    const { services } = (await (
      await fetch(`${server.baseUrl}/api/v1/consulates/${consulateId}/services`)
    ).json()) as {
      services: { id: string; name: Record<string, string> }[];
    };
    copyNames = services.find((service) => service.id === copyServiceId)?.name ?? {};
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A demo citizen books the first free time of a certified copy in Paris (it needs no verification). */
  async function bookAsCitizen(email: string): Promise<Booked> {
    const citizen = await signInThroughApi(server.baseUrl, email, DEMO_PASSWORD);
    const from = new Date().toISOString().slice(0, 10);
    const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const free = await citizen.get<{ days: { times: { slotId: number; free: number }[] }[] }>(
      `/api/v1/consulates/${consulateId}/services/${copyServiceId}/availability?from=${from}&to=${to}`,
    );
    const slot = free.body.days.flatMap((day) => day.times).find((time) => time.free > 0);
    expect(slot, 'a free time of a certified copy in Paris').toBeDefined();
    const booked = await citizen.post<Booked>(
      '/api/v1/appointments',
      { consulateId, serviceId: copyServiceId, slotId: slot?.slotId },
      { 'idempotency-key': `admin-spec-${email}` },
    );
    expect(booked.status).toBe(201);
    return booked.body;
  }

  /**
   * A screenshot and axe's check of the page as it opens, scrolled to the top: scrolled down, the
   * sticky header covers part of what lies under it, which axe counts as targets too small.
   */
  async function check(page: Page, name: string, options: { axe: boolean }): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    await path.shot(page, name, options);
  }

  /** The page is in the language of the run: Arabic turns it right to left. */
  async function expectLanguage(page: Page, words: Words): Promise<void> {
    const language = words.locale.slice(0, 2);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
  }

  /** Removes the row of the weekly hours that holds the appointment's time (its weekday and period). */
  async function removeTheRowOf(page: Page, appointment: Booked): Promise<void> {
    const weekday = ((new Date(`${appointment.localDate}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const rows = page.getByTestId('hours-row');
    const count = await rows.count();
    for (let index = 0; index < count; index++) {
      const row = rows.nth(index);
      const day = await row.locator('select').inputValue();
      const [opens, closes] = await Promise.all([
        row.locator('input[type="time"]').nth(0).inputValue(),
        row.locator('input[type="time"]').nth(1).inputValue(),
      ]);
      if (Number(day) === weekday && opens <= appointment.localTime && appointment.localTime < closes) {
        await row.getByRole('button').click();
        return;
      }
    }
    throw new Error(`no row of the hours holds ${appointment.localDate} ${appointment.localTime}`);
  }

  async function run(words: Words): Promise<void> {
    const appointment = await bookAsCitizen(words.citizen);
    const context: BrowserContext = await desktopContext(browser, { locale: words.locale, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    const tag = words.locale.slice(0, 2);
    try {
      await signInAsStaff(page, server.baseUrl, 'admin.par@mawid.example');
      await expectLanguage(page, words);

      // Calendars: the department of the appointment, its period removed, previewed, then saved.
      await page.getByRole('navigation').getByRole('link', { name: words.calendars }).click();
      await page.waitForURL(/\/staff\/admin\/calendars/);
      await settle(page);
      await page.locator('#calendar-department').selectOption(appointment.departmentId);
      const table = page.locator(`[data-department="${appointment.departmentId}"]`);
      await table.getByTestId('hours-row').first().waitFor();
      const rowsBefore = await table.getByTestId('hours-row').count();
      await removeTheRowOf(page, appointment);
      expect(await table.getByTestId('hours-row').count()).toBe(rowsBefore - 1);
      await page.getByRole('button', { name: words.preview, exact: true }).click();
      const stranded = page.getByTestId('preview-stranded');
      await stranded.waitFor();
      expect(await stranded.textContent()).toContain(appointment.localTime);
      await check(page, `${tag}-calendars-preview`, { axe: true });

      await page.getByRole('button', { name: words.save, exact: true }).click();
      const saved = page.getByTestId('hours-saved');
      await saved.waitFor();
      expect(await saved.getByTestId('stranded-list').textContent()).toContain(appointment.localTime);
      await check(page, `${tag}-calendars-saved`, { axe: true });

      // Conflicts: nothing ticked is refused and said; then the appointment, a reason, a check, done.
      await saved.getByRole('link', { name: words.toConflicts }).click();
      await page.waitForURL(/\/staff\/admin\/conflicts/);
      await settle(page);
      const line = page.getByTestId(`stranded-${appointment.reference}`);
      await line.waitFor();
      await page.getByRole('button', { name: words.cancelSelected }).click();
      await page.getByTestId('error-summary').waitFor();
      await line.getByRole('checkbox').check();
      await check(page, `${tag}-conflicts`, { axe: true });
      await page.getByRole('button', { name: words.cancelSelected }).click();

      await page.waitForURL(/step=reason/);
      await page.getByRole('button', { name: words.continueLabel, exact: true }).click();
      await page.getByTestId('error-summary').waitFor();
      await check(page, `${tag}-conflicts-reason-missing`, { axe: true });
      await page.getByRole('textbox').fill(words.reason);
      await page.getByRole('button', { name: words.continueLabel, exact: true }).click();

      await page.waitForURL(/step=check/);
      expect(await page.getByTestId('check-people').textContent()).toContain('1');
      expect(await page.getByTestId('check-appointments').textContent()).toContain(appointment.reference);
      expect(await page.getByTestId('check-reason').textContent()).toContain(words.reason);
      await check(page, `${tag}-conflicts-check`, { axe: true });
      await page.getByRole('button', { name: words.confirm }).click();

      await page.waitForURL(/step=done/);
      const done = page.getByTestId('outcome-done');
      await done.waitFor();
      expect(await done.textContent()).toContain(appointment.reference);
      expect(await page.getByTestId('outcome-refused').count()).toBe(0);
      await check(page, `${tag}-conflicts-done`, { axe: true });

      // The day's list: the appointment, cancelled by the consulate; its PDF in the page's language.
      await page.goto(`${server.baseUrl}/staff/admin/day?date=${appointment.localDate}`);
      await settle(page);
      const dayLine = page.getByTestId(`day-${appointment.reference}`);
      await dayLine.waitFor();
      expect(await dayLine.textContent()).toContain(words.cancelledStatus);
      expect(await dayLine.textContent()).toContain(appointment.localTime);
      const pdfUrl = await page.getByTestId('day-pdf').getAttribute('href');
      expect(pdfUrl).toContain(`date=${appointment.localDate}`);
      expect(pdfUrl).toContain(`lang=${tag}`);
      const pdf = await page.request.get(`${server.baseUrl}${pdfUrl}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await check(page, `${tag}-day`, { axe: true });

      // Counters: a new one in the appointment's department, given the certified copy only.
      await page.goto(`${server.baseUrl}/staff/admin/counters?department=${appointment.departmentId}`);
      await settle(page);
      await page.locator('#new-counter-label').fill(words.counterLabel);
      await page.getByRole('button', { name: words.addCounter, exact: true }).click();
      const card = page.getByTestId(`counter-${words.counterLabel}`);
      await card.waitFor();
      await card.getByRole('button', { name: words.chooseServices }).click();
      expect(await card.getByTestId('counter-services').textContent()).not.toContain(copyName(tag));
      const copyBox = card.locator(`input[type="checkbox"][value="${copyServiceId}"]`);
      await copyBox.check();
      await card.getByRole('button', { name: words.saveServices }).click();
      await copyBox.waitFor({ state: 'detached' });
      expect(await card.getByTestId('counter-services').textContent()).toContain(copyName(tag));
      await check(page, `${tag}-counters`, { axe: true });

      // Floor settings: the certified copy's walk-ins turned the other way, saved, and still so once read again.
      await page.goto(`${server.baseUrl}/staff/admin/floor`);
      await settle(page);
      const walkIn = page.locator(`#main input[type="checkbox"][value="${copyServiceId}"]`);
      const wasOpen = await walkIn.isChecked();
      await walkIn.setChecked(!wasOpen);
      await page.getByRole('button', { name: words.saveWalkIns }).click();
      await page.getByTestId('walk-ins-saved').waitFor();
      await check(page, `${tag}-floor`, { axe: true });
      await page.reload();
      await settle(page);
      expect(await walkIn.isChecked()).toBe(!wasOpen);
      await expectLanguage(page, words);
    } catch (error) {
      // Where it stopped, beside the steps' screenshots.
      await path.shot(page, `${tag}-failure`);
      throw error;
    } finally {
      await context.close();
    }
  }

  it('in French: strands an appointment by changing the hours, cancels it with a reason, lists the day, adds a counter, opens walk-ins', async () => {
    await run(french);
  });

  it('in Arabic, right to left: the same path', async () => {
    await run(arabic);
    expect(path.checkedPages.length).toBe(18);
    expect(path.violations).toEqual([]);
  });
});
