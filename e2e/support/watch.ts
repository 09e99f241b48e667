import type { Page } from 'playwright-core';

/** What a page asked the network for and complained about in its console, from now on. */
export function watchPage(page: Page) {
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    requests,
    consoleErrors,
    /** Forget what was seen so far (a new step starts). */
    clear() {
      requests.length = 0;
      consoleErrors.length = 0;
    },
  };
}

/** The focused element, described: its id, test id, role and text. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      id: element?.id ?? '',
      testId: element?.dataset.testid ?? '',
      role: element?.getAttribute('role') ?? '',
      checked: element?.getAttribute('aria-checked') ?? '',
      text: element?.textContent?.trim() ?? '',
    };
  });
}
