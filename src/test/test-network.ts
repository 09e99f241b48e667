import { demoNetwork } from '../modules/network/demo/demo-network.ts';
import type { DemoNetwork } from '../modules/network/demo/demo-network.types.ts';

/**
 * A small network for tests, cut from the demo one: Paris, Montréal and Dubai (three zones, two
 * daylight-saving rules and none), two departments, four services, 30 days ahead.
 */
export function testNetwork(): DemoNetwork {
  const keep = new Set(['PAR', 'MTL', 'DXB']);
  const serviceCodes = new Set(['passport_adult_new', 'passport_minor', 'signature_legalization', 'certified_copy']);
  const services = demoNetwork.services
    .filter((s) => serviceCodes.has(s.code))
    .map((s) => ({ ...s, horizonDays: 30, minNoticeMinutes: 120, cancellationCutoffMinutes: 1440 }));
  if (services.length !== serviceCodes.size) {
    throw new Error(`test network: demo catalogue lacks one of ${[...serviceCodes].join(', ')}`);
  }
  const kinds = new Set(services.map((s) => s.departmentKind));
  return {
    ...demoNetwork,
    departments: demoNetwork.departments.filter((d) => kinds.has(d.kind)),
    services,
    consulates: demoNetwork.consulates.filter((c) => keep.has(c.code)),
    hostCountryHolidays: Object.fromEntries(
      Object.entries(demoNetwork.hostCountryHolidays).filter(([country]) => ['FR', 'CA', 'AE'].includes(country)),
    ),
  };
}
