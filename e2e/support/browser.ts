import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumPath } from './chromium.ts';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A phone-sized device (360 px wide) in the given language and zone, downloads accepted. */
export async function phoneContext(
  browser: Browser,
  options: { locale: string; timezoneId: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 800 },
    locale: options.locale,
    timezoneId: options.timezoneId,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Waits until the page has settled: no request in flight, a heading, no loader left. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  step: string;
  rule: string;
  impact: string;
  targets: string[];
}

/**
 * The record of one journey: a full-page screenshot of each step (e2e/artifacts/<spec>/<nn>-<step>.png)
 * and, when asked, axe-core's serious and critical violations on that page.
 */
export function journey(spec: string) {
  const dir = fileURLToPath(new URL(`../artifacts/${spec}/`, import.meta.url));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let step = 0;
  const violations: Violation[] = [];
  const checkedPages: string[] = [];
  return {
    violations,
    checkedPages,
    async shot(page: Page, name: string, options: { axe?: boolean } = {}): Promise<void> {
      step += 1;
      const label = `${String(step).padStart(2, '0')}-${name}`;
      await page.screenshot({ path: `${dir}${label}.png`, fullPage: true });
      if (!options.axe) return;
      const result = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
      checkedPages.push(label);
      for (const violation of result.violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
        violations.push({
          step: label,
          rule: violation.id,
          impact: violation.impact,
          targets: violation.nodes.map((node) => node.target.join(' ')),
        });
      }
    },
  };
}
