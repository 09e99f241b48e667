import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditLog } from '../platform/audit.ts';
import { queryRows } from '../platform/db.ts';
import { engines } from '../test/databases.ts';
import { createTestContext, signIn, type TestContext } from '../test/harness.ts';
import { auditCommand } from './audit-verify.ts';

describe.each(engines)('mawid audit verify on %s', (engine) => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    // Real events (the seed's, a closure), sealed, then one more not sealed yet.
    const admin = await signIn(ctx, 'admin.par@mawid.example');
    const close = async (date: string) => {
      const closure = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/admin/consulates/${ctx.ids.consulates.PAR}/closures`,
        headers: { cookie: admin },
        payload: { date, name: { ar: 'إغلاق', fr: 'Fermeture', en: 'Closure' } },
      });
      expect(closure.statusCode).toBe(201);
    };
    await close('2026-12-21');
    ctx.clock.advanceMinutes(5);
    expect(await sealAuditLog(ctx.db, ctx.clock.now())).toBeGreaterThan(0);
    await close('2026-12-22');
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  async function run(...args: string[]) {
    let out = '';
    let err = '';
    const code = await auditCommand(ctx.db, args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  }

  /** Changes rows as someone holding the database's keys could: with the triggers switched off. */
  const behindTheTriggers = (statement: ReturnType<typeof sql>) =>
    ctx.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(statement);
    });

  async function closureEvent(): Promise<number> {
    const [row] = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM audit_events WHERE action = 'closure.added' ORDER BY id LIMIT 1`,
    );
    return Number(row!.id);
  }

  it('exits 0 on an intact log, saying what it checked', async () => {
    const { code, out } = await run('verify');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^seals 1\.\.1 \(1\), \d+ sealed events chained; 1 event not sealed yet, rehashed\naudit log intact\n$/,
    );
  });

  it('exits 1 naming the event whose content was changed', async () => {
    const id = await closureEvent();
    await behindTheTriggers(sql`UPDATE audit_events SET reason = 'nothing happened' WHERE id = ${id}`);
    try {
      const { code, out } = await run('verify');
      expect(code).toBe(1);
      expect(out).toMatch(new RegExp(`first broken link: event ${id}: content does not match its hash`));
    } finally {
      await behindTheTriggers(sql`UPDATE audit_events SET reason = NULL WHERE id = ${id}`);
    }
    expect((await run('verify')).code).toBe(0);
  });

  it('exits 1 naming the seal when the changed event’s hash was recomputed too', async () => {
    const id = await closureEvent();
    await behindTheTriggers(sql`UPDATE audit_events SET reason = 'nothing happened' WHERE id = ${id}`);
    await behindTheTriggers(sql`UPDATE audit_events e SET hash = audit_event_hash(e) WHERE e.id = ${id}`);
    try {
      const { code, out } = await run('verify', '--last', '1');
      expect(code).toBe(1);
      expect(out).toMatch(/first broken link: seal 1: events \d+\.\.\d+ were changed, added or removed/);
    } finally {
      await behindTheTriggers(sql`UPDATE audit_events SET reason = NULL WHERE id = ${id}`);
      await behindTheTriggers(sql`UPDATE audit_events e SET hash = audit_event_hash(e) WHERE e.id = ${id}`);
    }
    expect((await run('verify', '--last=1')).code).toBe(0);
  });

  it('exits 2 with its usage on anything else', async () => {
    for (const args of [[], ['check'], ['verify', '--last'], ['verify', '--last', '0'], ['verify', 'extra']]) {
      const { code, err } = await run(...args);
      expect(code).toBe(2);
      expect(err).toContain('Usage: mawid audit verify');
    }
  });
});
