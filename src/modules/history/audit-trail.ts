import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import type { RecordScope } from './record-scope.ts';

/** An account as a history shows it: who acted, or for whom. */
export interface Party {
  accountId: string;
  email: string;
  displayName: string | null;
  role: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TrailEvent {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  // Null when the system acted (a scheduled job, a gateway's callback).
  actor: Party | null;
  onBehalfOf: Party | null;
  reason: string | null;
  changes: FieldChange[];
  before: unknown;
  after: unknown;
}

interface TrailRow {
  id: number | string;
  at: Date | string;
  action: string;
  entity_type: string;
  entity_id: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  actor: Party | null;
  on_behalf_of: Party | null;
}

// A record's history is dozens of events; this bounds a pathological one (a document viewed daily).
export const MAX_TRAIL_EVENTS = 1000;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What changed between the two sides of an event, field by field (the whole value when not objects). */
export function changesOf(before: unknown, after: unknown): FieldChange[] {
  const asObject = (value: unknown) => (isPlainObject(value) ? value : value === null ? {} : undefined);
  const [from, to] = [asObject(before), asObject(after)];
  if (!from || !to) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: '', before, after }];
  }
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .map((field) => ({ field, before: from[field] ?? null, after: to[field] ?? null }));
}

const party = (alias: string) => {
  const a = sql.raw(alias);
  return sql`CASE WHEN ${a}.id IS NULL THEN NULL ELSE jsonb_build_object('accountId', ${a}.id, 'email', ${a}.email,
    'displayName', ${a}.display_name, 'role', ${a}.role) END`;
};

/**
 * The audit trail of one record, oldest first: who (and for whom), what, what changed, when and why.
 * Audit events never carry identity numbers, so the trail shows them as they are.
 */
export async function loadAuditTrail(
  db: Db,
  record: RecordScope,
): Promise<{ events: TrailEvent[]; isTruncated: boolean }> {
  const rows = await queryRows<TrailRow>(
    db,
    sql`WITH entity(entity_type, entity_id) AS (${record.entities})
        SELECT e.id, e.at, e.action, e.entity_type, e.entity_id, e.reason, e.before, e.after,
               ${party('actor')} AS actor, ${party('obo')} AS on_behalf_of
        FROM audit_events e
        JOIN entity ON entity.entity_type = e.entity_type AND entity.entity_id = e.entity_id
        LEFT JOIN accounts actor ON actor.id = e.actor_account_id
        LEFT JOIN accounts obo ON obo.id = e.on_behalf_of_account_id
        ORDER BY e.id
        LIMIT ${MAX_TRAIL_EVENTS + 1}`,
  );
  const events = rows.slice(0, MAX_TRAIL_EVENTS).map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    actor: row.actor,
    onBehalfOf: row.on_behalf_of,
    reason: row.reason,
    changes: changesOf(row.before ?? null, row.after ?? null),
    before: row.before ?? null,
    after: row.after ?? null,
  }));
  return { events, isTruncated: rows.length > MAX_TRAIL_EVENTS };
}
