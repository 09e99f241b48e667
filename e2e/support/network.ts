import { expect } from 'vitest';

/** The ids of a Paris service of the demo network, as the API lists them. */
export async function parisService(baseUrl: string, code: string) {
  const { consulates } = (await (await fetch(`${baseUrl}/api/v1/consulates`)).json()) as {
    consulates: { id: string; code: string }[];
  };
  const paris = consulates.find((consulate) => consulate.code === 'PAR');
  expect(paris, 'the demo network has a Paris consulate').toBeDefined();
  const { services } = (await (await fetch(`${baseUrl}/api/v1/consulates/${paris?.id}/services`)).json()) as {
    services: { id: string; code: string }[];
  };
  const service = services.find((s) => s.code === code);
  expect(service, `Paris offers ${code}`).toBeDefined();
  return { consulateId: paris?.id ?? '', serviceId: service?.id ?? '' };
}
