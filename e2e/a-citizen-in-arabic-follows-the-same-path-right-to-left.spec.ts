import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journey, launchChromium, phoneContext, settle } from './support/browser.ts';
import { acceptAsParisAgent, uploadEveryDocument } from './support/passport-path.ts';
import { type RunningServer, startServer } from './support/server.ts';

const path = journey('a-citizen-in-arabic-follows-the-same-path-right-to-left');
const arabicScript = /[\u0600-\u06FF]/;

describe('a citizen in Arabic follows the same path, right to left', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    context = await phoneContext(browser, { locale: 'ar-MA', timezoneId: 'Europe/Paris' });
    page = await context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const field = (name: string) => page.getByRole('textbox', { name, exact: true });

  /** The page reads right to left, in Arabic: `<html lang="ar" dir="rtl">` and the given title. */
  async function expectArabicPage(title: string | RegExp): Promise<void> {
    const html = page.locator('html');
    expect(await html.getAttribute('dir')).toBe('rtl');
    expect(await html.getAttribute('lang')).toBe('ar');
    const heading = (await page.locator('main h1').first().textContent()) ?? '';
    expect(heading).toMatch(arabicScript);
    if (typeof title === 'string') expect(heading.trim()).toBe(title);
    else expect(heading).toMatch(title);
  }

  it('finds Paris, signs up, opens a passport request, is accepted and books, all in Arabic', async () => {
    await page.goto(server.baseUrl);
    await settle(page);
    await expectArabicPage('ابحث عن قنصليتك');
    await page.getByLabel('البلد').selectOption({ label: 'فرنسا' });
    await page.getByLabel('المدينة').selectOption({ label: 'باريس' });
    await path.shot(page, 'find-paris', { axe: true });

    await page
      .getByRole('link', { name: /عرض الخدمات والرسوم/ })
      .first()
      .click();
    await settle(page);
    await expectArabicPage('القنصلية العامة للمملكة المغربية بباريس');
    await page.getByRole('button', { name: /جواز السفر البيومتري — طلب أول/ }).click();
    const start = page.getByRole('link', { name: /بدء طلب — جواز السفر البيومتري — طلب أول/ });
    await start.waitFor();
    await path.shot(page, 'consulate-passport', { axe: true });

    await start.click();
    await page.waitForURL(/\/sign-in/);
    await settle(page);
    await expectArabicPage('تسجيل الدخول');
    await path.shot(page, 'sign-in', { axe: true });
    await page.getByRole('link', { name: 'إنشاء حساب' }).last().click();
    await page.waitForURL(/\/sign-up/);
    await settle(page);
    await expectArabicPage('إنشاء حساب');
    const email = `muwatin.${Date.now()}@example.org`;
    await field('البريد الإلكتروني').fill(email);
    await field('كلمة المرور').fill('جملة طويلة بما يكفي');
    await field('الاسم الشخصي (بالحروف اللاتينية)').fill('Youssef');
    await field('الاسم العائلي (بالحروف اللاتينية)').fill('Alaoui');
    await path.shot(page, 'sign-up', { axe: true });
    await page.getByRole('button', { name: 'إنشاء حسابي' }).click();

    await page.waitForURL(/\/confirm-email/);
    await settle(page);
    await expectArabicPage('تأكيد بريدك الإلكتروني');
    await field('الرمز').fill(await server.emailCode(email));
    await path.shot(page, 'confirm-email', { axe: true });
    await page.getByRole('button', { name: 'تأكيد' }).click();

    await page.waitForURL(/\/requests\/new/);
    await settle(page);
    await expectArabicPage('فتح طلب');
    await path.shot(page, 'new-request', { axe: true });
    await page.getByRole('button', { name: 'فتح الطلب' }).click();
    await page.getByTestId('error-summary').waitFor();
    await page.getByRole('link', { name: 'إدخال تاريخ الازدياد' }).click();
    await page.waitForURL(/\/family\?edit=/);
    await settle(page);
    await page.locator('[id$="-birthDate"]').fill('1990-02-09');
    await page.getByRole('button', { name: 'حفظ', exact: true }).click();
    await page.waitForURL(/\/requests\/new\?.*personId=/);
    await settle(page);
    await page.getByRole('button', { name: 'فتح الطلب' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await settle(page);
    await expectArabicPage(/جواز السفر البيومتري/);
    const requestId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(await page.getByTestId('status-help').textContent()).toMatch(/^لم يُرسل بعد/);
    await path.shot(page, 'request-draft', { axe: true });

    await uploadEveryDocument(page);
    await page.getByRole('link', { name: 'متابعة' }).click();
    await page.waitForURL(/\/check$/);
    await settle(page);
    await expectArabicPage('راجع طلبك قبل إرساله');
    await path.shot(page, 'check-answers', { axe: true });
    await page.getByRole('button', { name: 'إرسال الطلب إلى القنصلية' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('status-help').textContent()).toMatch(/^أُرسل/);
    await path.shot(page, 'request-submitted', { axe: true });

    await acceptAsParisAgent(server.baseUrl, requestId);
    await page.reload();
    await settle(page);
    await expectArabicPage(/جواز السفر البيومتري/);
    await expect.poll(() => page.getByTestId('status-help').textContent()).toMatch(/^قُبل الطلب/);
    await path.shot(page, 'request-accepted', { axe: true });

    await page.getByRole('link', { name: 'اختيار موعد' }).click();
    await page.waitForURL(/\/appointment$/);
    await settle(page);
    await expectArabicPage('اختيار موعد');
    await page
      .getByRole('button', { name: /، أوقات متاحة$/ })
      .first()
      .click();
    await page.getByTestId('time-choice').getByRole('radio').first().click();
    await page.getByTestId('booking-summary').waitFor();
    expect(await page.getByTestId('booking-summary').textContent()).toMatch(/على الساعة/);
    await path.shot(page, 'booking-time-chosen', { axe: true });
    await page.getByRole('button', { name: 'حجز هذا الوقت' }).click();

    await page.waitForURL(/\/appointments$/);
    await settle(page);
    await expectArabicPage('مواعيدي');
    await page.getByRole('status').filter({ hasText: 'تم حجز موعدك' }).waitFor();
    await page.getByRole('link', { name: 'الاستدعاء (PDF)' }).first().waitFor();
    await path.shot(page, 'appointment-booked', { axe: true });
  });

  it('axe-core finds no serious or critical violation on any page of the path', () => {
    expect(path.checkedPages.length).toBeGreaterThanOrEqual(12);
    expect(path.violations).toEqual([]);
  });
});
