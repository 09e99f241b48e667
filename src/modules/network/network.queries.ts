import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { consulateServices, consulates, services } from './network.tables.ts';

const consulateColumns = {
  id: consulates.id,
  code: consulates.code,
  name: consulates.name,
  country: consulates.country,
  city: consulates.city,
  address: consulates.address,
  timeZone: consulates.timeZone,
  currency: consulates.currency,
  languages: consulates.languages,
};

export async function listConsulates(db: Db) {
  return db.select(consulateColumns).from(consulates).orderBy(asc(consulates.country), asc(consulates.city));
}

export async function getConsulate(db: Db, consulateId: string) {
  const [row] = await db.select(consulateColumns).from(consulates).where(eq(consulates.id, consulateId));
  if (!row) throw new AppError('CONSULATE_NOT_FOUND', 404, `No consulate ${consulateId}.`);
  return row;
}

export async function listCatalogue(db: Db) {
  return db.select().from(services).orderBy(asc(services.departmentKind), asc(services.code));
}

/** The services a consulate offers, with their fee in its currency and their booking rules. */
export async function listOfferedServices(db: Db, consulateId: string) {
  const consulate = await getConsulate(db, consulateId);
  const rows = await db
    .select({ service: services, offer: consulateServices })
    .from(consulateServices)
    .innerJoin(services, eq(services.id, consulateServices.serviceId))
    .where(and(eq(consulateServices.consulateId, consulateId), eq(consulateServices.isEnabled, true)))
    .orderBy(asc(services.departmentKind), asc(services.code));
  return rows.map(({ service, offer }) => ({
    ...service,
    departmentId: offer.departmentId,
    fee: { amountMinor: offer.feeMinor, currency: consulate.currency, isDemoValue: offer.isDemoFee },
    horizonDays: offer.horizonDays,
    minNoticeMinutes: offer.minNoticeMinutes,
    cancellationCutoffMinutes: offer.cancellationCutoffMinutes,
  }));
}

/**
 * Everything a consulate offers, enabled or not, as its admin manages it: the catalogue entry, the
 * department, the fee, the booking rules and whether walk-ins are taken.
 */
export async function listConsulateOffer(db: Db, consulateId: string) {
  const consulate = await getConsulate(db, consulateId);
  const rows = await db
    .select({ service: services, offer: consulateServices })
    .from(consulateServices)
    .innerJoin(services, eq(services.id, consulateServices.serviceId))
    .where(eq(consulateServices.consulateId, consulateId))
    .orderBy(asc(services.departmentKind), asc(services.code));
  return rows.map(({ service, offer }) => ({
    ...service,
    departmentId: offer.departmentId,
    fee: { amountMinor: offer.feeMinor, currency: consulate.currency, isDemoValue: offer.isDemoFee },
    horizonDays: offer.horizonDays,
    minNoticeMinutes: offer.minNoticeMinutes,
    cancellationCutoffMinutes: offer.cancellationCutoffMinutes,
    isEnabled: offer.isEnabled,
    acceptsWalkIns: offer.acceptsWalkIns,
  }));
}
