import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, type TestContext } from '../../test/harness.ts';
import { acceptedRequest, feeOf } from '../payments/payments.testkit.ts';
import { paidStamp } from '../payments/stamps.test-support.ts';

describe.each(engines)('the fee as a step of its own on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  it('never asks to upload the stamp, and says when the fee is to be paid and whether it is', async () => {
    const [citizen] = await makeCitizens(ctx, 1);
    const requestId = await acceptedRequest(ctx, citizen!, { status: 'draft' });
    const detail = async (id: string) =>
      (
        await ctx.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers: { cookie: citizen!.cookie } })
      ).json();
    const draft = await detail(requestId);
    expect(draft.checklist.map((item: { kind: string }) => item.kind)).not.toContain('fee_stamp_receipt');
    expect(draft.checklist.length).toBeGreaterThan(0);
    const fee = await feeOf(ctx, requestId);
    expect(fee.amountMinor).toBeGreaterThan(0);
    expect(draft.fee).toEqual({ ...fee, status: 'after_acceptance', stampNumber: null });
    await ctx.db.execute(sql`UPDATE requests SET status = 'accepted' WHERE id = ${requestId}`);
    expect((await detail(requestId)).fee.status).toBe('to_pay');
    const stamp = await paidStamp(ctx, { accountId: citizen!.accountId });
    expect((await detail(stamp.requestId)).fee).toMatchObject({ status: 'paid', stampNumber: stamp.number });
  });
});
