import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit log. Append-only: a trigger refuses UPDATE and DELETE, and another sets `hash`, the
 * SHA-256 of the event's content. The sealer (platform/audit.ts) later chains those hashes in id
 * order into audit_seals, so an edit or removal made behind the database's back is detected by
 * verifyAuditLog. Chaining at insert time would need one global lock on every booking.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // Who acted (null for the system: scheduled jobs, the slot engine).
    actorAccountId: uuid('actor_account_id'),
    // Whose affairs were touched when someone acts for another (call center, a parent).
    onBehalfOfAccountId: uuid('on_behalf_of_account_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    consulateId: uuid('consulate_id'),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_consulate_idx').on(t.consulateId, t.at),
  ],
);

/** One link of the audit chain: events fromId..toId folded into `chainHash` after `previousHash`. */
export const auditSeals = pgTable('audit_seals', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  fromId: bigint('from_id', { mode: 'number' }).notNull(),
  toId: bigint('to_id', { mode: 'number' }).notNull(),
  previousHash: text('previous_hash').notNull(),
  chainHash: text('chain_hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});
