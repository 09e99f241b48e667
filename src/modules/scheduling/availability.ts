import { and, eq, sql } from 'drizzle-orm';
import { DateTime, IANAZone } from 'luxon';
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
  minAgeYears: number | null;
  maxAgeYears: number | null;
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
      minAgeYears: services.minAgeYears,
      maxAgeYears: services.maxAgeYears,
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
    throw new AppError(
      'SERVICE_NOT_OFFERED',
      404,
      `Consulate ${row.consulateCode} does not offer service ${serviceId}.`,
    );
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
    minAgeYears: row.minAgeYears ?? null,
    maxAgeYears: row.maxAgeYears ?? null,
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

/**
 * Local date, time and offset of instants in one zone, fast: the zone's offset is looked up once
 * per hour of the timeline (offsets change on the hour or half hour at most) and the wall clock is
 * then plain arithmetic. Creating a Luxon DateTime per slot cost milliseconds per department.
 */
export class LocalTimeFormatter {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();
  constructor(timeZone: string) {
    this.zone = IANAZone.create(timeZone);
  }
  format(ms: number): { date: string; time: string; offset: string } {
    const halfHour = Math.floor(ms / 1_800_000);
    let offset = this.offsets.get(halfHour);
    if (offset === undefined) {
      offset = this.zone.offset(ms);
      this.offsets.set(halfHour, offset);
    }
    const wall = new Date(ms + offset * 60_000).toISOString();
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      date: wall.slice(0, 10),
      time: wall.slice(11, 16),
      offset: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
    };
  }
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
  // Answers are kept encoded: sending a Buffer skips re-encoding ~40 KB of JSON per request.
  private readonly answers = new Map<string, { departmentId: string; entry: DepartmentEntry; body: Buffer }>();
  private readonly offers = new Map<string, { offer: Offer; loadedAt: number }>();
  // One load per department (or offer) at a time, however many requests miss together; a load
  // that started before an invalidation does not install its (older) result.
  private readonly loading = new Map<string, Promise<DepartmentEntry>>();
  private readonly loadingOffers = new Map<string, Promise<Offer>>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  invalidateDepartment(departmentId: string): void {
    this.departments.delete(departmentId);
    this.generations.set(departmentId, (this.generations.get(departmentId) ?? 0) + 1);
  }

  invalidateAll(): void {
    for (const id of this.departments.keys()) this.invalidateDepartment(id);
    this.answers.clear();
    this.offers.clear();
  }

  /** The offer, refreshed in the background once older than the TTL (offers change rarely). */
  async offer(db: Db, consulateId: string, serviceId: string, nowMs: number): Promise<Offer> {
    const key = `${consulateId}|${serviceId}`;
    const hit = this.offers.get(key);
    if (hit && nowMs - hit.loadedAt < this.ttlMs) return hit.offer;
    let load = this.loadingOffers.get(key);
    if (!load) {
      load = loadOffer(db, consulateId, serviceId)
        .then((offer) => {
          this.offers.set(key, { offer, loadedAt: nowMs });
          return offer;
        })
        .finally(() => this.loadingOffers.delete(key));
      this.loadingOffers.set(key, load);
    }
    if (hit) {
      load.catch(() => undefined);
      return hit.offer;
    }
    return load;
  }

  /**
   * The department's open future slots with room, in local time. A fresh entry is served from
   * memory; one older than the TTL is still served while a single reload runs (stale by at most the
   * TTL plus one reload); after an invalidation every caller waits for the one reload.
   */
  async department(db: Db, offer: Offer, now: Date): Promise<DepartmentEntry> {
    const nowMs = now.getTime();
    const id = offer.departmentId;
    const hit = this.departments.get(id);
    if (hit && nowMs - hit.loadedAt < this.ttlMs) return hit;
    let load = this.loading.get(id);
    if (!load) {
      const generation = this.generations.get(id) ?? 0;
      load = this.loadDepartment(db, offer, now)
        .then((entry) => {
          if ((this.generations.get(id) ?? 0) === generation) this.departments.set(id, entry);
          return entry;
        })
        .finally(() => this.loading.delete(id));
      this.loading.set(id, load);
    }
    if (hit) {
      load.catch(() => undefined);
      return hit;
    }
    return load;
  }

  private async loadDepartment(db: Db, offer: Offer, now: Date): Promise<DepartmentEntry> {
    const rows = await queryRows<{ id: number; starts_at: Date | string; free: number }>(
      db,
      sql`SELECT id, starts_at, capacity - booked AS free FROM slots
          WHERE department_id = ${offer.departmentId} AND status = 'open'
            AND booked < capacity AND starts_at > ${now}
          ORDER BY starts_at`,
    );
    const zone = new LocalTimeFormatter(offer.timeZone);
    const slots = rows.map((row) => {
      const startsAtMs = new Date(row.starts_at).getTime();
      const local = zone.format(startsAtMs);
      return {
        slotId: Number(row.id),
        startsAtMs,
        startsAt: new Date(startsAtMs).toISOString(),
        localDate: local.date,
        time: local.time,
        utcOffset: local.offset,
        free: row.free,
      };
    });
    return { loadedAt: now.getTime(), slots };
  }

  /** A stored answer whose department entry is still the current one and younger than the TTL. */
  readyAnswer(key: string, nowMs: number): Buffer | undefined {
    const hit = this.answers.get(key);
    if (!hit) return undefined;
    const current = this.departments.get(hit.departmentId);
    return current === hit.entry && nowMs - current.loadedAt < this.ttlMs ? hit.body : undefined;
  }

  answer(key: string, departmentId: string, entry: DepartmentEntry, build: () => string): Buffer {
    const hit = this.answers.get(key);
    if (hit && hit.entry === entry) return hit.body;
    if (this.answers.size > 10_000) this.answers.clear();
    const body = Buffer.from(build());
    this.answers.set(key, { departmentId, entry, body });
    return body;
  }
}

/**
 * Free times of a service at a consulate between two local dates, as encoded JSON ready to send.
 * Never includes a slot inside the minimum notice, past the horizon, withdrawn (closure) or full.
 */
export async function getAvailability(
  deps: { db: Db; clock: Clock; cache: AvailabilityCache },
  input: { consulateId: string; serviceId: string; from: string; to: string },
): Promise<Buffer> {
  const { db, clock, cache } = deps;
  if (input.to < input.from) {
    throw new AppError('VALIDATION_FAILED', 400, '`to` is before `from`.', {
      fields: [{ path: 'querystring.to', message: 'must not be before from' }],
    });
  }
  const days = (Date.parse(`${input.to}T00:00:00Z`) - Date.parse(`${input.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_AVAILABILITY_DAYS) {
    throw new AppError('DATE_RANGE_TOO_LONG', 400, `Ask for at most ${MAX_AVAILABILITY_DAYS} days at once.`, {
      max: MAX_AVAILABILITY_DAYS,
    });
  }
  const now = clock.now();
  // The notice moves with the clock: the answer is keyed by the minute it was computed for.
  const minute = Math.floor(now.getTime() / 60_000);
  const key = `${input.consulateId}|${input.serviceId}|${input.from}|${input.to}|${minute}`;
  // The common case: the same answer, its department's slots still current and fresh.
  const ready = cache.readyAnswer(key, now.getTime());
  if (ready) return ready;
  const offer = await cache.offer(db, input.consulateId, input.serviceId, now.getTime());
  const entry = await cache.department(db, offer, now);
  return cache.answer(key, offer.departmentId, entry, () => {
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
