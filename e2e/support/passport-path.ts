import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { samplePdf, samplePng } from '../../src/modules/documents/documents.fixtures.ts';
import { DEMO_PASSWORD } from '../../src/modules/network/demo/seed-demo.ts';
import { signInThroughApi } from './api.ts';

/** Uploads a valid file for every document the checklist still asks for, and waits for each to be received. */
export async function uploadEveryDocument(page: Page): Promise<string[]> {
  const items = page.locator('[data-testid^="checklist-"]');
  const kinds = (await items.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-testid') ?? ''))).map(
    (testId) => testId.replace('checklist-', ''),
  );
  for (const kind of kinds) {
    const item = page.getByTestId(`checklist-${kind}`);
    if ((await item.getAttribute('data-status')) !== 'missing') continue;
    const file =
      kind === 'id_photos_biometric'
        ? { name: 'photo.png', mimeType: 'image/png', buffer: samplePng() }
        : { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: samplePdf({ text: kind }) };
    await page.locator(`#document-file-${kind}`).setInputFiles(file);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 20_000 }).toBe('uploaded');
  }
  return kinds;
}

interface StaffDocument {
  id: string;
  status: string;
}

/** A consular agent of Paris accepts every document, then the request, through the API. */
export async function acceptAsParisAgent(baseUrl: string, requestId: string): Promise<void> {
  const agent = await signInThroughApi(baseUrl, 'agent.par@mawid.example', DEMO_PASSWORD);
  const documents = await agent.get<{ documents: StaffDocument[] }>(`/api/v1/staff/requests/${requestId}/documents`);
  expect(documents.status).toBe(200);
  expect(documents.body.documents.length).toBeGreaterThan(0);
  for (const document of documents.body.documents) {
    const review = await agent.post(`/api/v1/staff/requests/${requestId}/documents/${document.id}/review`, {
      decision: 'accepted',
    });
    expect(review.status).toBe(200);
  }
  // A decision names the version of the request it was made on (every review above changed it).
  const seen = await agent.get<{ version: number }>(`/api/v1/staff/requests/${requestId}`);
  const decision = await agent.post(`/api/v1/staff/requests/${requestId}/decision`, {
    decision: 'accepted',
    version: seen.body.version,
  });
  expect(decision.status).toBe(200);
}
