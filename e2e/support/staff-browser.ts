import type { Browser, BrowserContext } from 'playwright-core';

/**
 * A desktop-sized device (1280×800), where staff work, in the given language and zone; downloads
 * accepted (the printable lists).
 */
export async function desktopContext(
  browser: Browser,
  options: { locale: string; timezoneId: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: options.locale,
    timezoneId: options.timezoneId,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}
