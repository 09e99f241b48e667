import type { LocalizedText } from '../network.tables.ts';

/** The shape of the demo network seeded on first start. Pure data: no I/O here. */
export interface CatalogueService {
  code: string; // snake_case, stable: 'passport', 'national_id_card', ...
  departmentKind: DepartmentKind;
  name: LocalizedText; // ar, fr, en, es all given
  durationMinutes: number;
  requiredDocuments: string[]; // document codes, snake_case: 'birth_certificate', 'photo_id', ...
  requiresVerification: boolean;
  // Age on the appointment date, whole years, inclusive; omitted: no bound.
  minAgeYears?: number;
  maxAgeYears?: number;
  // Demo fee in Moroccan dirhams (MAD, minor units = centimes); each consulate converts it.
  demoFeeMadMinor: number;
  horizonDays: number;
  minNoticeMinutes: number;
  cancellationCutoffMinutes: number;
}

export type DepartmentKind = 'passport' | 'identity' | 'civil_status' | 'legalization' | 'registration';

export interface DemoDepartment {
  kind: DepartmentKind;
  name: LocalizedText;
  ticketPrefix: string; // one or two capital letters before its ticket numbers: P-042
}

export interface WeeklyHours {
  weekdays: number[]; // ISO 1 = Monday .. 7 = Sunday
  opensAt: string; // 'HH:MM' local
  closesAt: string;
  slotMinutes: number;
  capacity: number;
}

export interface DemoConsulate {
  code: string; // three capital letters, unique
  name: LocalizedText;
  country: string; // ISO 3166-1 alpha-2
  city: string;
  address: string;
  timeZone: string; // IANA
  currency: string; // ISO 4217
  currencyMinorDigits: number; // 2 for EUR, 0 for JPY ...
  // Demo conversion: how many units of the local currency one MAD is worth (approximate, labelled demo).
  demoRatePerMad: number;
  languages: string[]; // ISO 639-1, e.g. ['ar', 'fr', 'nl']
  hours: WeeklyHours[]; // the same weekly hours applied to every department of the consulate
  countersPerDepartment: number;
}

export interface DatedHoliday {
  date: string; // YYYY-MM-DD
  name: LocalizedText;
}

export interface FixedHoliday {
  month: number;
  day: number;
  name: LocalizedText;
}

export interface DemoNetwork {
  departments: DemoDepartment[];
  services: CatalogueService[];
  consulates: DemoConsulate[];
  nationalFixedHolidays: FixedHoliday[];
  // Islamic holidays follow the lunar calendar: dated per year (expected dates, may shift by a day).
  nationalIslamicHolidays: DatedHoliday[];
  // Host-country public holidays, keyed by ISO country code.
  hostCountryHolidays: Record<string, DatedHoliday[]>;
}
