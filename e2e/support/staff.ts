import type { Page } from 'playwright-core';
import { totpCode } from '../../src/modules/accounts/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/modules/network/demo/seed-demo.ts';
import { settle } from './browser.ts';

const PERIOD_MS = 30_000;

/**
 * Signs a demo staff member in through the staff app's own page, as a person would: the demo
 * password, then the current code of the demo authenticator secret. A code is accepted once per
 * account and time step: when this account already used the current one (two sign-ins within 30 s),
 * it waits for the next step.
 */
export async function signInAsStaff(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in`);
  await settle(page);
  await page.locator('#staff-sign-in-email').fill(email);
  await page.locator('#staff-sign-in-password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  const codeField = page.locator('#staff-verify-totpCode');
  await codeField.waitFor();
  for (let attempt = 0; attempt < 2; attempt++) {
    await codeField.fill(await totpCode(DEMO_TOTP_SECRET, new Date()));
    await page.locator('form button[type="submit"]').click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith('/staff/sign-in')).then(() => 'in' as const),
      page
        .getByTestId('error-summary')
        .first()
        .waitFor()
        .then(() => 'refused' as const),
    ]);
    if (outcome === 'in') {
      await settle(page);
      return;
    }
    // The code of this time step was used already: wait for the next one.
    await page.waitForTimeout(PERIOD_MS - (Date.now() % PERIOD_MS) + 500);
  }
  throw new Error(`${email} could not finish signing in with the demo authenticator code`);
}
