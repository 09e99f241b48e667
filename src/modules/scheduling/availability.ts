import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Clock } from '../../platform/clock.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { consulateServices, consulates, services } from '../network/network.tables.ts';
import { addDays, localDateOf } from './slot-engine.ts';

export const MAX_AVAILABILITY_DAYS = 92;

export interface Offer {
  consulateId: string;
  serviceId: string;
  departmentId: string;
  timeZone: string;
  consulateCode: string;
  minNoticeMinutes: number;
  horizonDays: number;
  cancellationCutoffMinutes: number;
  requiresVerification: boolean;
}

/** The enabled offer of a service at a consulate, or the right 404. */
export async function loadOffer(db: Db, consulateId: string, serviceId: string): Promise<Offer> {
  const [row] = await db
    .select({
      consulateId: consulates.id,
      timeZone: consulates.timeZone,
      consulateCode: consulates.code,
      serviceId: consulateServices.serviceId,
      departmentId: consulateServices.departmentId,
      minNoticeMinutes: consulateServices.minNoticeMinutes,
      horizonDays: consulateServices.horizonDays,
      cancellationCutoffMinutes: consulateServices.cancellationCutoffMinutes,
      isEnabled: consulateServices.isEnabled,
      requiresVerification: services.requiresVerification,
    })
    .from(consulates)
    .leftJoin(
      consulateServices,
      and(eq(consulateServices.consulateId, consulates.id), eq(consulateServices.serviceId, serviceId)),
    )
    .leftJoin(services, eq(services.id, consulateServices.serviceId))
    .where(eq(consulates.id, consulateId));
  if (!row) throw new AppError('CONSULATE_NOT_FOUND', 404, `No consulate ${consulateId}.`);
  if (!row.serviceId || !row.departmentId || !row.isEnabled) {
    throw new AppError('SERVICE_NOT_OFFERED', 404, `Consulate ${row.consulateCode} does not offer service ${serviceId}.`);
  }
  return {
    consulateId: row.consulateId,
    serviceId: row.serviceId,
    departmentId: row.departmentId,
    timeZone: row.timeZone,
    consulateCode: row.consulateCode,
    minNoticeMinutes: row.minNoticeMinutes ?? 0,
    horizonDays: row.horizonDays ?? 0,
    cancellationCutoffMinutes: row.cancellationCutoffMinutes ?? 0,
    requiresVerification: row.requiresVerification ?? true,
  };
}

/** The last instant (exclusive) a service may be booked for: the end of the horizon's last local day. */
export function horizonEnd(now: Date, offer: Pick<Offer, 'timeZone' | 'horizonDays'>): Date {
  const lastDay = addDays(localDateOf(now, offer.timeZone), offer.horizonDays + 1);
  return DateTime.fromISO(lastDay, { zone: offer.timeZone }).toJSDate();
}

interface FreeSlot {
  slotId: number;
  startsAtMs: number;
  startsAt: string;
  localDate: string;
  time: string;
  utcOffset: string;
  free: number;
}

interface DepartmentEntry {
  loadedAt: number;
  slots: FreeSlot[];
}

export interface AvailabilityDay {
  date: string;
  times: { slotId: number; time: string; startsAt: string; utcOffset: string; free: number }[];
}

/**
 * Availability is read far more often than it changes, so each process keeps, per department, the
 * list of future slots with room, already converted to local time, for `ttlMs`. A booking, move,
 * cancellation or calendar change made by this process drops the department's entry at once;
 * changes made by other processes show within `ttlMs`. A stale answer can never overbook: the
 * booking statement re-checks capacity in the database and answers SLOT_FULL.
 */
export class AvailabilityCache {
  private readonly departments = new Map<string, DepartmentEntry>();
  private readonly answers = new Map<string, { entry: DepartmentEntry; body: string }>();
  private readonly offers = new Map<string, { offer: Offer; loadedAt: number }>();

  constructor(private readonly ttlMs: number) {}

  invalidateDepartment(departmentId: string): void {
    this.departments.delete(departmentId);
  }

  invalidateAll(): void {
    this.departments.clear();
    this.answers.clear();
    this.offers.clear();
  }

  async offer(db: Db, consulateId: string, serviceId: string, nowMs: number): Promise<Offer> {
    const key = `${consulateId}|${serviceId}`;
    const hit = this.offers.get(key);
    if (hit && nowMs - hit.loadedAt < this.ttlMs) return hit.offer;
    const offer = await loadOffer(db, consulateId, serviceId);
    this.offers.set(key, { offer, loadedAt: nowMs });
    return offer;
  }

  async department(db: Db, offer: Offer, now: Date): Promise<DepartmentEntry> {
    const nowMs = now.getTime();
    const hit = this.departments.get(offer.departmentId);
    if (hit && nowMs - hit.loadedAt < this.ttlMs) return hit;
    const rows = await queryRows<{ id: number; starts_at: Date | string; free: number }>(
      db,
      sql`SELECT id, starts_at, capacity - booked AS free FROM slots
          WHERE department_id = ${offer.departmentId} AND status = 'open'
            AND booked < capacity AND starts_at > ${now}
          ORDER BY starts_at`,
    );
    const slots = rows.map((row) => {
      const local = DateTime.fromJSDate(new Date(row.starts_at), { zone: offer.timeZone });
      return {
        slotId: Number(row.id),
        startsAtMs: local.toMillis(),
        startsAt: local.toUTC().toISO() as string,
        localDate: local.toISODate() as string,
        time: local.toFormat('HH:mm'),
        utcOffset: local.toFormat('ZZ'),
        free: row.free,
      };
    });
    const entry = { loadedAt: nowMs, slots };
    this.departments.set(offer.departmentId, entry);
    return entry;
  }

  answer(key: string, entry: DepartmentEntry, build: () => string): string {
    const hit = this.answers.get(key);
    if (hit && hit.entry === entry) return hit.body;
    if (this.answers.size > 10_000) this.answers.clear();
    const body = build();
    this.answers.set(key, { entry, body });
    return body;
  }
}

/**
 * Free times of a service at a consulate between two local dates, as a JSON string ready to send.
 * Never includes a slot inside the minimum notice, past the horizon, withdrawn (closure) or full.
 */
export async function getAvailability(
  deps: { db: Db; clock: Clock; cache: AvailabilityCache },
  input: { consulateId: string; serviceId: string; from: string; to: string },
): Promise<string> {
  const { db, clock, cache } = deps;
  if (input.to < input.from) {
    throw new AppError('VALIDATION_FAILED', 400, '`to` is before `from`.', {
      fields: [{ path: 'querystring.to', message: 'must not be before from' }],
    });
  }
  const days = DateTime.fromISO(input.to).diff(DateTime.fromISO(input.from), 'days').days + 1;
  if (days > MAX_AVAILABILITY_DAYS) {
    throw new AppError('DATE_RANGE_TOO_LONG', 400, `Ask for at most ${MAX_AVAILABILITY_DAYS} days at once.`, {
      max: MAX_AVAILABILITY_DAYS,
    });
  }
  const now = clock.now();
  const offer = await cache.offer(db, input.consulateId, input.serviceId, now.getTime());
  const entry = await cache.department(db, offer, now);
  // The notice moves with the clock: the answer is keyed by the minute it was computed for.
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `${offer.consulateId}|${offer.serviceId}|${input.from}|${input.to}|${minute}`;
  return cache.answer(key, entry, () => {
    const earliest = now.getTime() + offer.minNoticeMinutes * 60_000;
    const latest = horizonEnd(now, offer).getTime();
    const byDate = new Map<string, AvailabilityDay>();
    for (const slot of entry.slots) {
      if (slot.startsAtMs < earliest || slot.startsAtMs >= latest) continue;
      if (slot.localDate < input.from || slot.localDate > input.to) continue;
      let day = byDate.get(slot.localDate);
      if (!day) {
        day = { date: slot.localDate, times: [] };
        byDate.set(slot.localDate, day);
      }
      day.times.push({
        slotId: slot.slotId,
        time: slot.time,
        startsAt: slot.startsAt,
        utcOffset: slot.utcOffset,
        free: slot.free,
      });
    }
    return JSON.stringify({
      consulateId: offer.consulateId,
      serviceId: offer.serviceId,
      timeZone: offer.timeZone,
      from: input.from,
      to: input.to,
      days: [...byDate.values()],
    });
  });
}
