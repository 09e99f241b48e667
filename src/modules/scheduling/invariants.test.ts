import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgErrorOf } from '../../platform/errors.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, firstFreeSlot, makeCitizens, type TestContext } from '../../test/harness.ts';

// The database itself refuses what the invariants forbid, whatever code runs against it.
describe.each(engines)('invariants enforced by the %s database', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  async function failure(statement: Promise<unknown>) {
    try {
      await statement;
    } catch (error) {
      return pgErrorOf(error);
    }
    throw new Error('the statement was accepted');
  }

  it('refuses a slot holding more appointments than its capacity', async () => {
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const error = await failure(ctx.db.execute(sql`UPDATE slots SET booked = capacity + 1 WHERE id = ${slot.slotId}`));
    expect(error).toMatchObject({ code: '23514', constraint: 'slots_within_capacity' });
  });

  it('refuses a second active appointment of one person for one service and consulate', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const slot = await firstFreeSlot(ctx, ctx.ids.consulates.PAR, ctx.ids.services.passport);
    const insert = (reference: string, status: string) =>
      ctx.db.execute(sql`INSERT INTO appointments (reference, slot_id, consulate_id, department_id, service_id, person_id, account_id, starts_at, status)
        SELECT ${reference}, s.id, ${ctx.ids.consulates.PAR}, s.department_id, ${ctx.ids.services.passport}, ${citizen!.personId}, ${citizen!.accountId}, s.starts_at, ${status}
        FROM slots s WHERE s.id = ${slot.slotId}`);
    await insert('PAR-AAAA-AAAA', 'booked');
    // A cancelled one does not count.
    await insert('PAR-BBBB-BBBB', 'cancelled_by_citizen');
    const error = await failure(insert('PAR-CCCC-CCCC', 'booked'));
    expect(error).toMatchObject({ code: '23505', constraint: 'appointments_one_active_per_person_service' });
  });

  it('refuses an appointment status outside the union', async () => {
    const error = await failure(ctx.db.execute(sql`UPDATE appointments SET status = 'lost' WHERE true`));
    expect(error?.code).toBeDefined();
  });
});
