import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/modules/accounts/totp.ts';
import { samplePdf, samplePng } from '../src/modules/documents/documents.fixtures.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/modules/network/demo/seed-demo.ts';
import ar from '../src/web/i18n/ar.json' with { type: 'json' };
import fr from '../src/web/i18n/fr.json' with { type: 'json' };
import arStaff from '../src/web/i18n/staff/ar.json' with { type: 'json' };
import frStaff from '../src/web/i18n/staff/fr.json' with { type: 'json' };
import arWords from '../src/web/i18n/staff/verification/ar.json' with { type: 'json' };
import frWords from '../src/web/i18n/staff/verification/fr.json' with { type: 'json' };
import { signInThroughApi } from './support/api.ts';
import { journey, launchChromium, settle } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { desktopContext } from './support/staff-browser.ts';
import { focused } from './support/watch.ts';

const path = journey('an-agent-enrols-the-second-factor-and-verifies-a-request');

// Each language has its own agent, consulate and citizen; the arrows follow the reading direction.
const languages = [
  {
    name: 'French',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    dir: 'ltr',
    shared: fr,
    staff: frStaff,
    words: frWords,
    agent: 'agent.par@mawid.example',
    admin: 'admin.par@mawid.example',
    consulate: 'PAR',
    citizen: 'amina.benali@example.org',
    names: ['Amina Benali', 'أمينة بنعلي'],
    search: 'benali',
    forward: 'ArrowRight',
    backward: 'ArrowLeft',
    note: 'Un justificatif de domicile de moins de trois mois, s’il vous plaît.',
  },
  {
    name: 'Arabic',
    locale: 'ar-MA',
    timezoneId: 'Asia/Dubai',
    dir: 'rtl',
    shared: ar,
    staff: arStaff,
    words: arWords,
    agent: 'agent.dxb@mawid.example',
    admin: 'admin.dxb@mawid.example',
    consulate: 'DXB',
    citizen: 'youssef.elidrissi@example.org',
    names: ['Youssef El Idrissi', 'يوسف الإدريسي'],
    search: 'الادريسي',
    forward: 'ArrowLeft',
    backward: 'ArrowRight',
    note: 'المرجو إرسال شهادة سكنى لا يتجاوز تاريخها ثلاثة أشهر.',
  },
] as const;
type Language = (typeof languages)[number];

interface Session {
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  upload(requestId: string, kind: string, file: { name: string; type: string; bytes: Buffer }): Promise<number>;
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');

/**
 * Someone signed in through the API (a citizen, or demo staff with the demo authenticator), able to
 * send what support/api.ts cannot: a 204 answer, a DELETE, a multipart upload as the portal sends it.
 */
async function openSession(baseUrl: string, email: string): Promise<Session> {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(signIn.ok, `${email} signs in`).toBe(true);
  let cookie = cookieOf(signIn);
  if (signIn.status === 202) {
    const verify = await fetch(`${baseUrl}/api/v1/auth/second-factor/verify`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ code: await totpCode(DEMO_TOTP_SECRET, new Date()) }),
    });
    expect(verify.status, `${email} gives the demo authenticator's code`).toBe(200);
    cookie = cookieOf(verify);
  }
  return {
    async call<T>(method: string, route: string, body?: unknown) {
      const response = await fetch(`${baseUrl}${route}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async upload(requestId, kind, file) {
      // The portal's order: the kind first, then the file.
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
      const response = await fetch(`${baseUrl}/api/v1/requests/${requestId}/documents`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      return response.status;
    },
  };
}

async function serviceAt(baseUrl: string, consulateCode: string, serviceCode: string) {
  const { consulates } = (await (await fetch(`${baseUrl}/api/v1/consulates`)).json()) as {
    consulates: { id: string; code: string }[];
  };
  const consulate = consulates.find((c) => c.code === consulateCode);
  expect(consulate, consulateCode).toBeDefined();
  const { services } = (await (await fetch(`${baseUrl}/api/v1/consulates/${consulate?.id}/services`)).json()) as {
    services: { id: string; code: string }[];
  };
  const service = services.find((s) => s.code === serviceCode);
  expect(service, `${consulateCode} offers ${serviceCode}`).toBeDefined();
  return { consulateId: consulate?.id ?? '', serviceId: service?.id ?? '' };
}

/**
 * settle() without its wait for an idle network: Chromium's viewer of a PDF shown in an <iframe>
 * never reports its frame idle, so a request page is settled by its heading and its loaders alone.
 */
async function settleWithDocument(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
}

const pdfFile = (text: string) => ({ name: `${text}.pdf`, type: 'application/pdf', bytes: samplePdf({ text }) });
const pngFile = { name: 'justificatif.png', type: 'image/png', bytes: samplePng() };

describe('an agent enrols the second factor and verifies a request', { timeout: 420_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    // Headquarters resets each agent's second factor (a lost phone): they enrol again in the browser.
    const hq = await openSession(server.baseUrl, 'hq@mawid.example');
    for (const language of languages) {
      const agent = await signInThroughApi(server.baseUrl, language.agent, DEMO_PASSWORD);
      const me = await agent.get<{ accountId: string }>('/api/v1/staff/me');
      expect(me.status).toBe(200);
      const reset = await hq.call('POST', `/api/v1/hq/staff/${me.body.accountId}/second-factor/reset`, {
        reason: 'Téléphone perdu — ticket 9',
      });
      expect(reset.status).toBe(204);
    }
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  /**
   * The citizen opens two requests and sends them, documents uploaded as the portal does: a CNIE
   * renewal (an old card in PDF, a proof of residence scanned as an image), then a passport renewal.
   */
  async function citizenSubmits(language: Language) {
    const citizen = await openSession(server.baseUrl, language.citizen);
    const submit = async (
      serviceCode: string,
      files: Record<string, { name: string; type: string; bytes: Buffer }>,
    ) => {
      const { consulateId, serviceId } = await serviceAt(server.baseUrl, language.consulate, serviceCode);
      const opened = await citizen.call<{ id: string; reference: string }>('POST', '/api/v1/requests', {
        consulateId,
        serviceId,
      });
      expect(opened.status).toBe(201);
      for (const [kind, file] of Object.entries(files))
        expect(await citizen.upload(opened.body.id, kind, file)).toBe(201);
      expect((await citizen.call('POST', `/api/v1/requests/${opened.body.id}/submit`)).status).toBe(200);
      return { requestId: opened.body.id, reference: opened.body.reference };
    };
    const card = await submit('cnie_renewal', { old_cnie: pdfFile('old_cnie'), proof_of_residence: pngFile });
    const passport = await submit('passport_adult_renewal', {
      old_passport: pdfFile('old_passport'),
      cnie_copy: pdfFile('cnie_copy'),
      id_photos_biometric: pngFile,
      proof_of_residence: pdfFile('proof_of_residence'),
    });
    return { citizen, ...card, second: passport };
  }

  async function expectPage(page: Page, language: Language, title: string) {
    expect(await page.locator('html').getAttribute('dir')).toBe(language.dir);
    expect((await page.locator('main h1').first().textContent())?.trim()).toBe(title);
  }

  const documentStatus = (page: Page, kind: string) => page.getByTestId(`document-${kind}`).getAttribute('data-status');

  for (const language of languages) {
    it(`in ${language.name}: enrols, refuses a document, asks for more, then accepts the new file and the request`, async () => {
      const { shared, staff, words } = language;
      const { citizen, requestId, reference, second } = await citizenSubmits(language);
      const context = await desktopContext(browser, { locale: language.locale, timezoneId: language.timezoneId });
      contexts.push(context);
      const page = await context.newPage();
      const shot = (name: string) => path.shot(page, `${language.locale}-${name}`, { axe: true });

      // The password, then the first enrolment: the QR code and the secret, the code it gives, the recovery codes.
      await page.goto(`${server.baseUrl}/staff/sign-in`);
      await settle(page);
      await expectPage(page, language, staff.signIn.title);
      await page.locator('#staff-sign-in-email').fill(language.agent);
      await page.locator('#staff-sign-in-password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: staff.signIn.submit }).click();
      const secret = page.getByTestId('totp-secret');
      await secret.waitFor();
      await expectPage(page, language, staff.signIn.enrolTitle);
      await expect.poll(() => page.getByRole('img', { name: staff.signIn.qrAlt }).isVisible()).toBe(true);
      await shot('enrol');
      const code = await totpCode(((await secret.textContent()) ?? '').trim(), new Date());
      await page.locator('#staff-enrol-totpCode').fill(code);
      await page.getByRole('button', { name: staff.signIn.enrolSubmit }).click();
      await page.getByTestId('recovery-codes').waitFor();
      expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
      await shot('recovery-codes');
      await page.getByRole('button', { name: staff.signIn.codesDone }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/staff/sign-in'));
      await settle(page);

      // Another agent (the consulate admin) has it open: the queue says so, the request reads only.
      const admin = await openSession(server.baseUrl, language.admin);
      expect((await admin.call('POST', `/api/v1/staff/requests/${requestId}/review-lock`)).status).toBe(200);
      await page.getByRole('link', { name: words.nav, exact: true }).first().click();
      await page.waitForURL(/\/staff\/verification$/);
      await settle(page);
      await expectPage(page, language, words.queue.title);
      const row = page.getByTestId(`queue-row-${reference}`);
      await row.waitFor();
      expect(await row.textContent()).toContain(words.queue.reviewedBy.replace('{{name}}', language.admin));
      expect(await page.getByTestId('status-submitted').getAttribute('aria-current')).toBe('page');
      await expect.poll(() => page.getByTestId('status-submitted').textContent()).toMatch(/\(2\)$/);
      await shot('queue');

      // A name in either script finds it.
      await page.getByLabel(words.queue.search).fill(language.search);
      await page.getByRole('button', { name: words.queue.apply, exact: true }).click();
      await page.waitForURL(/[?&]q=/);
      await row.waitFor();
      await row.getByRole('link', { name: reference }).click();
      await page.waitForURL(new RegExp(`/staff/verification/${requestId}\\?q=`));
      await settleWithDocument(page);
      await page.getByTestId('lock-notice').waitFor();
      expect(await page.getByTestId('lock-notice').textContent()).toContain(language.admin);
      expect(await page.getByTestId('decision-section').count()).toBe(0);
      expect(await page.getByTestId('accept-document').count()).toBe(0);
      await shot('read-only');

      // The admin leaves: the agent opens it for themself.
      expect((await admin.call('DELETE', `/api/v1/staff/requests/${requestId}/review-lock`)).status).toBe(200);
      await page.reload();
      await settleWithDocument(page);
      await expectPage(page, language, words.request.title.replace('{{reference}}', reference));
      await page.getByTestId('lock-yours').waitFor();
      const facts = (await page.getByTestId('person-facts').textContent()) ?? '';
      for (const name of language.names) expect(facts).toContain(name);
      expect(facts).toContain(words.relation.self);
      // The first document waiting is shown: the PDF, in the page.
      expect(await page.getByTestId('document-shown').textContent()).toContain(shared.document.old_cnie);
      await page.getByTestId('document-frame').waitFor();
      expect(await page.getByTestId('shortcuts-list').textContent()).toContain(language.dir === 'rtl' ? '←' : '→');
      await shot('request');

      // Accept the PDF; the next document waiting (the scanned image) comes up.
      await page.getByTestId('accept-document').click();
      await expect.poll(() => documentStatus(page, 'old_cnie')).toBe('accepted');
      await page.getByTestId('document-image').waitFor();
      // The arrows follow the reading direction: back to the first document, then forward again.
      await page.locator('main').focus();
      await page.keyboard.press(language.backward);
      await page.getByTestId('document-frame').waitFor();
      await page.keyboard.press(language.forward);
      await page.getByTestId('document-image').waitFor();
      // Zoom and turn the image with the keys.
      await page.keyboard.press('+');
      await page.keyboard.press('t');
      await expect.poll(() => page.getByTestId('image-zoom').textContent()).toMatch(/150.*90/);
      await page.keyboard.press('0');
      // `?` opens the list of shortcuts in a dialog; Escape closes it.
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: words.shortcuts.title }).waitFor();
      await shot('shortcuts');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // Refuse the image with a reason: R opens the form, on the reason.
      await page.keyboard.press('r');
      await expect.poll(async () => (await focused(page)).id).toMatch(/^refusal-.*-reasonCode$/);
      await page.locator('[id^="refusal-"][id$="-reasonCode"]').selectOption('issued_too_long_ago');
      // Letters typed in a field are the field's: no document accepted (A), no next request (N).
      const note = page.locator('[id^="refusal-"][id$="-note"]');
      await note.focus();
      await page.keyboard.type('and');
      expect(await note.inputValue()).toBe('and');
      expect(await documentStatus(page, 'proof_of_residence')).toBe('uploaded');
      expect(page.url()).toContain(requestId);
      await note.fill('');
      await shot('refusal');
      await page.getByRole('button', { name: words.refusal.submit }).click();
      await expect.poll(() => documentStatus(page, 'proof_of_residence')).toBe('refused');

      // Decide: D goes to the decision; accepting is not offered while a document is refused.
      await page.locator('main').focus();
      await page.keyboard.press('d');
      await expect.poll(async () => (await focused(page)).id).toBe('decision-decision');
      expect(await page.getByTestId('decision-accepted').isDisabled()).toBe(true);
      await page.getByTestId('decision-more_info_requested').check();
      await page.locator('#decision-reasonCode').selectOption('document_expired');
      await page.locator('#decision-note').fill(language.note);
      await shot('decision');
      await page.getByRole('button', { name: words.decision.submit }).click();

      // The next request waiting opens (the passport), and says what was done; the focus starts there.
      await page.waitForURL(new RegExp(`/staff/verification/${second.requestId}\\?q=`));
      await page.getByTestId('decided-notice').waitFor();
      await expect.poll(async () => (await focused(page)).testId).toBe('decided-notice');
      expect(await page.getByTestId('decided-notice').textContent()).toContain(reference);
      expect(await page.getByTestId('decided-notice').textContent()).toContain(words.decided.nextOpen);
      await settleWithDocument(page);
      await expectPage(page, language, words.request.title.replace('{{reference}}', second.reference));
      await page.getByTestId('lock-yours').waitFor();
      await shot('next-request');
      await page.getByRole('link', { name: words.request.back }).click();
      await page.waitForURL(/\/staff\/verification\?q=/);
      await settle(page);

      // The citizen sends a new proof of residence and the request again.
      expect(await citizen.upload(requestId, 'proof_of_residence', pdfFile('proof_of_residence'))).toBe(201);
      expect((await citizen.call('POST', `/api/v1/requests/${requestId}/submit`)).status).toBe(200);

      // The agent opens it again: only the new file waits; A accepts it, then the request is accepted.
      await page.getByRole('button', { name: words.queue.refresh }).click();
      await row.waitFor();
      await row.getByRole('link', { name: reference }).click();
      await page.waitForURL(new RegExp(`/staff/verification/${requestId}`));
      await settleWithDocument(page);
      await page.getByTestId('lock-yours').waitFor();
      expect(await documentStatus(page, 'old_cnie')).toBe('accepted');
      expect(await documentStatus(page, 'proof_of_residence')).toBe('uploaded');
      expect(await page.getByTestId('document-shown').textContent()).toContain(shared.document.proof_of_residence);
      await page.locator('main').focus();
      await page.keyboard.press('a');
      await expect.poll(() => documentStatus(page, 'proof_of_residence')).toBe('accepted');
      // Nothing else waits: the document accepted stays shown.
      expect(await page.getByTestId('document-shown').textContent()).toContain(shared.document.proof_of_residence);
      expect(await page.getByTestId('decision-accepted').isDisabled()).toBe(false);
      await page.getByTestId('decision-accepted').check();
      await shot('accept');

      // Meanwhile the consulate admin changes the request (refuses the old card, then accepts it again):
      // the decision, made on the version the page shows, is refused; the page says so and reloads it.
      const current = await admin.call<{ checklist: { kind: string; documentId: string }[] }>(
        'GET',
        `/api/v1/staff/requests/${requestId}`,
      );
      const oldCard = current.body.checklist.find((item) => item.kind === 'old_cnie')?.documentId;
      for (const verdict of [{ decision: 'refused', reasonCode: 'illegible' }, { decision: 'accepted' }]) {
        const reviewed = await admin.call(
          'POST',
          `/api/v1/staff/requests/${requestId}/documents/${oldCard}/review`,
          verdict,
        );
        expect(reviewed.status).toBe(200);
      }
      await page.getByRole('button', { name: words.decision.submit }).click();
      await page.getByTestId('changed-notice').waitFor();
      await expect.poll(async () => (await focused(page)).testId).toBe('changed-notice');
      expect(await page.getByTestId('changed-notice').textContent()).toContain(words.changed.title);
      await shot('changed');
      // Reloaded, every document still accepted: the same decision goes through.
      await page.getByRole('button', { name: words.decision.submit }).click();
      await page.getByTestId('decided-notice').waitFor();
      await page.waitForURL(new RegExp(`/staff/verification/${second.requestId}`));
      expect(await page.getByTestId('decided-notice').textContent()).toContain(
        words.decided.accepted.replace('{{reference}}', reference),
      );

      const seen = await citizen.call<{ status: string }>('GET', `/api/v1/requests/${requestId}`);
      expect(seen.body.status).toBe('accepted');
    });
  }

  it('found nothing axe calls serious on any page visited', () => {
    expect(path.checkedPages.length).toBeGreaterThanOrEqual(2 * 11);
    expect(path.violations).toEqual([]);
  });
});
