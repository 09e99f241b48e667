import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { type Db, queryRows } from '../../platform/db.ts';
import type { Keys } from '../../platform/keys.ts';
import { localDateOf } from '../scheduling/slot-engine.ts';
import { postEntry } from './ledger.ts';
import { newStampNumber } from './stamp-number.ts';
import { signStamp } from './stamp-signature.ts';

export interface IssuedStamp {
  stampId: string;
  number: string;
  isNew: boolean;
}

/**
 * Turns a succeeded payment into its stamp, with the caller's transaction (the one that recorded
 * the success): the stamp, its signature, the sale's ledger entry and the audit event commit
 * together. Idempotent: a replayed callback finds the stamp the first one issued
 * (stamps_payment_key) and posts nothing.
 */
export async function issueStamp(tx: Db, input: { paymentId: string; now: Date; keys: Keys }): Promise<IssuedStamp> {
  const [payment] = await queryRows<{
    id: string;
    request_id: string;
    consulate_id: string;
    service_id: string;
    amount_minor: number;
    currency: string;
    channel: 'online' | 'counter';
    status: string;
    created_by: string;
    consulate_code: string;
    time_zone: string;
    service_code: string;
  }>(
    tx,
    sql`SELECT p.id, p.request_id, p.consulate_id, p.service_id, p.amount_minor, p.currency, p.channel, p.status,
               p.created_by, c.code AS consulate_code, c.time_zone, s.code AS service_code
        FROM payments p JOIN consulates c ON c.id = p.consulate_id JOIN services s ON s.id = p.service_id
        WHERE p.id = ${input.paymentId}`,
  );
  if (!payment) throw new Error(`issueStamp: no payment ${input.paymentId}`);
  if (!['succeeded', 'partially_refunded', 'refunded'].includes(payment.status)) {
    throw new Error(`issueStamp: payment ${payment.id} is ${payment.status}, not paid`);
  }
  const issuedAt = new Date(Math.floor(input.now.getTime() / 1000) * 1000);
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = newStampNumber();
    const signature = signStamp(input.keys.signingPrivateKey, {
      v: 1,
      number,
      consulate: payment.consulate_code,
      service: payment.service_code,
      amountMinor: Number(payment.amount_minor),
      currency: payment.currency,
      issuedAt: issuedAt.toISOString(),
    });
    const [inserted] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO stamps (number, payment_id, request_id, consulate_id, service_id, amount_minor, currency,
                              status, issued_at, signature)
          VALUES (${number}, ${payment.id}, ${payment.request_id}, ${payment.consulate_id}, ${payment.service_id},
                  ${payment.amount_minor}, ${payment.currency}, 'valid', ${issuedAt}, ${signature})
          ON CONFLICT DO NOTHING
          RETURNING id`,
    );
    if (!inserted) {
      const [existing] = await queryRows<{ id: string; number: string }>(
        tx,
        sql`SELECT id, number FROM stamps WHERE payment_id = ${payment.id}`,
      );
      if (existing) return { stampId: existing.id, number: existing.number, isNew: false };
      continue; // a number collision (one in 10^15): draw another
    }
    const isOnline = payment.channel === 'online';
    await postEntry(tx, {
      kind: isOnline ? 'stamp_sold_online' : 'stamp_sold_counter',
      consulateId: payment.consulate_id,
      currency: payment.currency,
      businessDate: localDateOf(input.now, payment.time_zone),
      paymentId: payment.id,
      stampId: inserted.id,
      createdAt: input.now,
      postings: [
        { account: isOnline ? 'gateway_receivable' : 'terminal_receivable', amountMinor: Number(payment.amount_minor) },
        { account: 'stamp_liability', amountMinor: -Number(payment.amount_minor) },
      ],
    });
    await recordAudit(tx, {
      actorAccountId: null,
      action: 'stamp.issued',
      entityType: 'stamp',
      entityId: inserted.id,
      consulateId: payment.consulate_id,
      after: { number, paymentId: payment.id, amountMinor: Number(payment.amount_minor), currency: payment.currency },
      at: input.now,
    });
    return { stampId: inserted.id, number, isNew: true };
  }
  throw new Error('issueStamp: could not draw a free stamp number');
}
