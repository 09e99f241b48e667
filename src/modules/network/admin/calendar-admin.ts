import { and, eq, or } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { materializeSlots, type SlotConflict } from '../../scheduling/index.ts';
import type { LocalizedText } from '../network.tables.ts';
import { closures, departments, openingHours } from '../network.tables.ts';

type Deps = { db: Db; clock: Clock };

export interface HoursInput {
  weekday: number;
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  capacity: number;
  validFrom: string;
  validTo: string | null;
}

export interface CalendarChange {
  departmentIds: string[];
  conflicts: SlotConflict[];
}

/** The department, if it belongs to the consulate; 404 otherwise (the caller's scope is the consulate). */
export async function departmentOfConsulate(db: Db, consulateId: string, departmentId: string) {
  const [department] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.consulateId, consulateId)));
  if (!department) throw new AppError('DEPARTMENT_NOT_FOUND', 404, `No department ${departmentId} in this consulate.`);
  return department;
}

async function rematerialize(deps: Deps, departmentIds: string[]): Promise<SlotConflict[]> {
  const conflicts: SlotConflict[] = [];
  for (const id of departmentIds) conflicts.push(...(await materializeSlots(deps, id)).conflicts);
  return conflicts;
}

/**
 * Replaces a department's weekly hours. The slots follow in the same transaction; appointments the
 * new hours no longer cover are kept and returned as conflicts.
 */
export async function setOpeningHours(
  deps: Deps,
  input: { actorAccountId: string; consulateId: string; departmentId: string; hours: HoursInput[] },
): Promise<CalendarChange> {
  return deps.db.transaction(async (tx) => {
    await departmentOfConsulate(tx, input.consulateId, input.departmentId);
    const before = await tx.delete(openingHours).where(eq(openingHours.departmentId, input.departmentId)).returning();
    if (input.hours.length > 0) {
      await tx.insert(openingHours).values(input.hours.map((h) => ({ ...h, departmentId: input.departmentId })));
    }
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: 'department.hours_set',
      entityType: 'department',
      entityId: input.departmentId,
      consulateId: input.consulateId,
      before: before.map(({ id: _id, departmentId: _d, ...rule }) => rule),
      after: input.hours,
      at: deps.clock.now(),
    });
    const conflicts = await rematerialize({ db: tx, clock: deps.clock }, [input.departmentId]);
    return { departmentIds: [input.departmentId], conflicts };
  });
}

/** A one-off closure of a consulate, or of one of its departments, on a date. */
export async function addClosure(
  deps: Deps,
  input: { actorAccountId: string; consulateId: string; departmentId?: string; date: string; name: LocalizedText },
): Promise<CalendarChange & { closureId: string }> {
  return deps.db.transaction(async (tx) => {
    if (input.departmentId) await departmentOfConsulate(tx, input.consulateId, input.departmentId);
    const [closure] = await tx
      .insert(closures)
      .values({
        scope: 'consulate',
        consulateId: input.consulateId,
        departmentId: input.departmentId ?? null,
        date: input.date,
        name: input.name,
      })
      .returning();
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: 'closure.added',
      entityType: 'closure',
      entityId: closure!.id,
      consulateId: input.consulateId,
      after: { date: input.date, departmentId: input.departmentId ?? null, name: input.name },
      at: deps.clock.now(),
    });
    const affected = input.departmentId
      ? [input.departmentId]
      : (
          await tx
            .select({ id: departments.id })
            .from(departments)
            .where(eq(departments.consulateId, input.consulateId))
        ).map((d) => d.id);
    const conflicts = await rematerialize({ db: tx, clock: deps.clock }, affected);
    return { closureId: closure!.id, departmentIds: affected, conflicts };
  });
}

/** Removes a one-off closure; its slots come back. National and host-country holidays are HQ's. */
export async function removeClosure(
  deps: Deps,
  input: { actorAccountId: string; consulateId: string; closureId: string },
): Promise<CalendarChange> {
  return deps.db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(closures)
      .where(
        and(
          eq(closures.id, input.closureId),
          eq(closures.consulateId, input.consulateId),
          eq(closures.scope, 'consulate'),
        ),
      )
      .returning();
    if (!removed) throw new AppError('CLOSURE_NOT_FOUND', 404, `No closure ${input.closureId} in this consulate.`);
    await recordAudit(tx, {
      actorAccountId: input.actorAccountId,
      action: 'closure.removed',
      entityType: 'closure',
      entityId: removed.id,
      consulateId: input.consulateId,
      before: { date: removed.date, departmentId: removed.departmentId, name: removed.name },
      at: deps.clock.now(),
    });
    const affected = removed.departmentId
      ? [removed.departmentId]
      : (
          await tx
            .select({ id: departments.id })
            .from(departments)
            .where(eq(departments.consulateId, input.consulateId))
        ).map((d) => d.id);
    const conflicts = await rematerialize({ db: tx, clock: deps.clock }, affected);
    return { departmentIds: affected, conflicts };
  });
}

/**
 * The closures that apply to a consulate: national, host-country and its own — only those in force
 * (a holiday proposed from a calendar library closes nothing until headquarters approves it).
 */
export async function listClosures(db: Db, consulate: { id: string; country: string }) {
  return db
    .select()
    .from(closures)
    .where(
      and(
        eq(closures.status, 'active'),
        or(
          eq(closures.scope, 'national'),
          and(eq(closures.scope, 'host_country'), eq(closures.country, consulate.country)),
          eq(closures.consulateId, consulate.id),
        ),
      ),
    )
    .orderBy(closures.date, closures.recurringMonth, closures.recurringDay);
}
