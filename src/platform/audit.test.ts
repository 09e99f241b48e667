import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { countRows, createTestContext, signIn, TEST_NOW, type TestContext } from '../test/harness.ts';
import { recordAudit, sealAuditLog, verifyAuditLog } from './audit.ts';
import { queryRows } from './db.ts';
import { pgErrorOf } from './errors.ts';

const NAME = { ar: 'إغلاق', fr: 'Fermeture', en: 'Closure' };

describe.each(engines)('the audit log on %s', (engine) => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    admin = await signIn(ctx, 'admin.par@mawid.example');
    // A few real events written through the API.
    const closure = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/closures`,
      headers: { cookie: admin },
      payload: { date: '2026-12-21', name: NAME },
    });
    expect(closure.statusCode).toBe(201);
    const offer = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.copy}`,
      headers: { cookie: admin },
      payload: { feeMinor: 250 },
    });
    expect(offer.statusCode).toBe(200);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  /** Runs statements with the triggers switched off, as someone with the database's keys could. */
  const behindTheTriggers = (...statements: SQL[]) =>
    ctx.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      for (const statement of statements) await tx.execute(statement);
    });

  async function refusal(statement: SQL): Promise<{ code?: string; message: string }> {
    try {
      await ctx.db.execute(statement);
    } catch (error) {
      const message = [error, (error as { cause?: unknown }).cause]
        .map((e) => (e instanceof Error ? e.message : String(e)))
        .join(' / ');
      return { code: pgErrorOf(error)?.code, message };
    }
    throw new Error('the statement was accepted');
  }

  async function eventId(action: string): Promise<number> {
    const [row] = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM audit_events WHERE action = ${action} ORDER BY id DESC LIMIT 1`,
    );
    return Number(row!.id);
  }

  async function reasonOf(id: number): Promise<string | null> {
    const [row] = await queryRows<{ reason: string | null }>(
      ctx.db,
      sql`SELECT reason FROM audit_events WHERE id = ${id}`,
    );
    return row!.reason;
  }

  describe('append-only, enforced by the database', () => {
    it('gives every event the SHA-256 of its content, even one inserted with a forged hash', async () => {
      expect(await countRows(ctx, 'audit_events')).toBeGreaterThanOrEqual(3);
      expect(await countRows(ctx, 'audit_events', sql`hash IS NULL OR hash !~ '^[0-9a-f]{64}$'`)).toBe(0);
      expect(await countRows(ctx, 'audit_events e', sql`e.hash IS DISTINCT FROM audit_event_hash(e)`)).toBe(0);
      await ctx.db.execute(sql`INSERT INTO audit_events (at, action, entity_type, entity_id, hash)
                               VALUES (${ctx.clock.now()}, 'test.forged_hash', 'test', 'forged', 'forged')`);
      const [row] = await queryRows<{ ok: boolean; hash: string }>(
        ctx.db,
        sql`SELECT hash = audit_event_hash(e) AS ok, hash FROM audit_events e WHERE action = 'test.forged_hash'`,
      );
      expect(row!.hash).not.toBe('forged');
      expect(row!.ok).toBe(true);
    });

    it('refuses to UPDATE an event', async () => {
      const id = await eventId('offer.updated');
      const refused = await refusal(sql`UPDATE audit_events SET reason = 'rewritten' WHERE id = ${id}`);
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/append-only/);
      expect(await reasonOf(id)).toBeNull();
    });

    it('refuses to DELETE an event', async () => {
      const before = await countRows(ctx, 'audit_events');
      const id = await eventId('closure.added');
      const refused = await refusal(sql`DELETE FROM audit_events WHERE id = ${id}`);
      expect(refused.code).toBe('42501');
      expect(await countRows(ctx, 'audit_events')).toBe(before);
      const all = await refusal(sql`DELETE FROM audit_events`);
      expect(all.code).toBe('42501');
      expect(await countRows(ctx, 'audit_events')).toBe(before);
    });

    it('refuses to TRUNCATE the events', async () => {
      const before = await countRows(ctx, 'audit_events');
      const refused = await refusal(sql`TRUNCATE audit_events`);
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/append-only/);
      expect(await countRows(ctx, 'audit_events')).toBe(before);
    });

    it('refuses to TRUNCATE the seals, the chain’s anchors', async () => {
      const before = await countRows(ctx, 'audit_seals');
      const refused = await refusal(sql`TRUNCATE audit_seals`);
      expect(refused.code).toBe('42501');
      expect(await countRows(ctx, 'audit_seals')).toBe(before);
    });

    it('rolls an event back with the change it records', async () => {
      const before = await countRows(ctx, 'audit_events');
      await expect(
        ctx.db.transaction(async (tx) => {
          await recordAudit(tx, {
            actorAccountId: null,
            action: 'test.rolled_back',
            entityType: 'test',
            entityId: '1',
          });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await countRows(ctx, 'audit_events')).toBe(before);
    });
  });

  describe('seals', () => {
    it('seals nothing younger than the settle delay', async () => {
      // Every event so far is dated by the test clock, which has not moved: none is a minute old.
      const [latest] = await queryRows<{ at: Date | string }>(ctx.db, sql`SELECT max(at) AS at FROM audit_events`);
      expect(new Date(latest!.at).getTime()).toBe(new Date(TEST_NOW).getTime());
      const sealed = await sealAuditLog(ctx.db, ctx.clock.now(), 60_000);
      expect(sealed).toBe(0);
      expect(await countRows(ctx, 'audit_seals')).toBe(0);
    });

    it('seals every settled event and then verifies the log as intact', async () => {
      ctx.clock.advanceMinutes(5);
      const total = await countRows(ctx, 'audit_events');
      const sealed = await sealAuditLog(ctx.db, ctx.clock.now());
      expect(sealed).toBe(total);
      const [seal] = await queryRows<{ from_id: number; to_id: number; previous_hash: string; chain_hash: string }>(
        ctx.db,
        sql`SELECT from_id, to_id, previous_hash, chain_hash FROM audit_seals`,
      );
      expect(seal!.previous_hash).toBe('0'.repeat(64));
      expect(seal!.chain_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Number(seal!.to_id) - Number(seal!.from_id) + 1).toBe(total);
      // A second run has nothing new to seal.
      expect(await sealAuditLog(ctx.db, ctx.clock.now())).toBe(0);
      expect(await verifyAuditLog(ctx.db)).toEqual({ isIntact: true, checkedEvents: total, problems: [] });
    });

    it('chains the next seal onto the previous one', async () => {
      const response = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/services/${ctx.ids.services.copy}`,
        headers: { cookie: admin },
        payload: { feeMinor: 300 },
      });
      expect(response.statusCode).toBe(200);
      ctx.clock.advanceMinutes(5);
      expect(await sealAuditLog(ctx.db, ctx.clock.now())).toBe(1);
      const seals = await queryRows<{ from_id: number; to_id: number; previous_hash: string; chain_hash: string }>(
        ctx.db,
        sql`SELECT from_id, to_id, previous_hash, chain_hash FROM audit_seals ORDER BY id`,
      );
      expect(seals).toHaveLength(2);
      expect(seals[1]!.previous_hash).toBe(seals[0]!.chain_hash);
      // The next link starts after the previous one (ids of rolled-back events are never used).
      expect(Number(seals[1]!.from_id)).toBeGreaterThan(Number(seals[0]!.to_id));
      expect(Number(seals[1]!.from_id)).toBe(await eventId('offer.updated'));
      expect(
        await countRows(
          ctx,
          'audit_events',
          sql`id > ${Number(seals[0]!.to_id)} AND id < ${Number(seals[1]!.from_id)}`,
        ),
      ).toBe(0);
      const verification = await verifyAuditLog(ctx.db);
      expect(verification.isIntact).toBe(true);
      expect(verification.checkedEvents).toBe(await countRows(ctx, 'audit_events'));
    });

    it('refuses to UPDATE or DELETE a seal', async () => {
      const updated = await refusal(sql`UPDATE audit_seals SET chain_hash = 'x'`);
      expect(updated.code).toBe('42501');
      const deleted = await refusal(sql`DELETE FROM audit_seals`);
      expect(deleted.code).toBe('42501');
      expect(await countRows(ctx, 'audit_seals')).toBe(2);
      expect((await verifyAuditLog(ctx.db)).isIntact).toBe(true);
    });
  });

  describe('tampering behind the triggers’ back', () => {
    it('is reported as a hash mismatch when an event is edited', async () => {
      const id = await eventId('closure.added');
      await behindTheTriggers(sql`UPDATE audit_events SET reason = 'nothing happened' WHERE id = ${id}`);
      try {
        expect(await reasonOf(id)).toBe('nothing happened');
        const verification = await verifyAuditLog(ctx.db);
        expect(verification.isIntact).toBe(false);
        expect(verification.problems).toEqual([`event ${id}: content does not match its hash`]);
      } finally {
        await behindTheTriggers(sql`UPDATE audit_events SET reason = NULL WHERE id = ${id}`);
      }
      expect((await verifyAuditLog(ctx.db)).isIntact).toBe(true);
    });

    it('is caught by the seal chain when the tamperer also recomputes the event’s hash', async () => {
      const id = await eventId('closure.added');
      const [seal] = await queryRows<{ id: number; from_id: number; to_id: number }>(
        ctx.db,
        sql`SELECT id, from_id, to_id FROM audit_seals WHERE ${id} BETWEEN from_id AND to_id`,
      );
      await behindTheTriggers(
        sql`UPDATE audit_events SET reason = 'nothing happened', after = '{"date":"2026-12-22"}'::jsonb WHERE id = ${id}`,
        sql`UPDATE audit_events e SET hash = audit_event_hash(e) WHERE e.id = ${id}`,
      );
      try {
        expect(await countRows(ctx, 'audit_events e', sql`e.hash IS DISTINCT FROM audit_event_hash(e)`)).toBe(0);
        const verification = await verifyAuditLog(ctx.db);
        expect(verification.isIntact).toBe(false);
        expect(verification.problems).toEqual([
          `seal ${seal!.id}: events ${seal!.from_id}..${seal!.to_id} were changed, added or removed`,
        ]);
      } finally {
        await behindTheTriggers(
          sql`UPDATE audit_events SET reason = NULL, after = ${JSON.stringify({ date: '2026-12-21', departmentId: null, name: NAME })}::jsonb WHERE id = ${id}`,
          sql`UPDATE audit_events e SET hash = audit_event_hash(e) WHERE e.id = ${id}`,
        );
      }
      expect(await verifyAuditLog(ctx.db)).toMatchObject({ isIntact: true, problems: [] });
    });

    it('is caught by the seal chain when a sealed event is deleted', async () => {
      const id = await eventId('offer.updated');
      const [saved] = await queryRows<{ row: string }>(
        ctx.db,
        sql`SELECT to_jsonb(e)::text AS row FROM audit_events e WHERE id = ${id}`,
      );
      await behindTheTriggers(sql`DELETE FROM audit_events WHERE id = ${id}`);
      try {
        expect(await countRows(ctx, 'audit_events', sql`id = ${id}`)).toBe(0);
        const verification = await verifyAuditLog(ctx.db);
        expect(verification.isIntact).toBe(false);
        expect(verification.problems).toHaveLength(1);
        expect(verification.problems[0]).toMatch(/^seal \d+: events \d+\.\.\d+ were changed, added or removed$/);
      } finally {
        await behindTheTriggers(
          sql`INSERT INTO audit_events SELECT * FROM jsonb_populate_record(NULL::audit_events, ${saved!.row}::jsonb)`,
        );
      }
      expect((await verifyAuditLog(ctx.db)).isIntact).toBe(true);
    });

    it('is reported when a forged seal does not follow the previous one', async () => {
      const [last] = await queryRows<{ to_id: number }>(
        ctx.db,
        sql`SELECT to_id FROM audit_seals ORDER BY id DESC LIMIT 1`,
      );
      await ctx.db.execute(sql`INSERT INTO audit_seals (from_id, to_id, previous_hash, chain_hash)
                               VALUES (${Number(last!.to_id) + 1}, ${Number(last!.to_id) + 1}, ${'f'.repeat(64)}, ${'e'.repeat(64)})`);
      const [forged] = await queryRows<{ id: number }>(ctx.db, sql`SELECT max(id) AS id FROM audit_seals`);
      try {
        const verification = await verifyAuditLog(ctx.db);
        expect(verification.isIntact).toBe(false);
        expect(verification.problems).toContain(`seal ${forged!.id}: does not follow the previous seal`);
      } finally {
        await behindTheTriggers(sql`DELETE FROM audit_seals WHERE id = ${forged!.id}`);
      }
      expect((await verifyAuditLog(ctx.db)).isIntact).toBe(true);
    });
  });
});
