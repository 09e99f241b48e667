import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, queryRows } from '../../platform/db.ts';
import type { messagesAnswer } from './callcenter.schemas.ts';

export type SentMessage = z.infer<typeof messagesAnswer>['messages'][number];

type Row = Omit<SentMessage, 'id' | 'createdAt' | 'doneAt' | 'deliveries'> & {
  id: number | string;
  created_at: Date | string;
  done_at: Date | string | null;
  deliveries: (Omit<SentMessage['deliveries'][number], 'at' | 'sentAt'> & { at: string; sentAt: string | null })[];
};

/**
 * The messages sent to a citizen, newest first, with their delivery receipt per channel (e-mail,
 * SMS), a page at a time (`before`: the last id of the previous page). Status is the outbox's:
 * pending (to send or retry), done (every channel answered), dead (given up). A message says what it
 * was about (appointmentId, requestId), never its payload: sign-in codes live there until delivered.
 */
export async function listCitizenMessages(
  db: Db,
  input: { accountId: string; limit: number; before?: number },
): Promise<{ messages: SentMessage[]; nextCursor: number | null }> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT o.id, o.kind, o.status, o.attempts, o.created_at, o.done_at,
               o.payload->>'appointmentId' AS "appointmentId", o.payload->>'requestId' AS "requestId",
               (SELECT coalesce(jsonb_agg(jsonb_build_object('channel', d.channel, 'status', d.status,
                         'recipient', d.recipient, 'attempts', d.attempts, 'at', d.created_at, 'sentAt', d.sent_at)
                         ORDER BY d.channel), '[]'::jsonb)
                FROM deliveries d WHERE d.outbox_id = o.id) AS deliveries
        FROM outbox_messages o
        WHERE o.account_id = ${input.accountId} ${input.before ? sql`AND o.id < ${input.before}` : sql``}
        ORDER BY o.id DESC LIMIT ${input.limit + 1}`,
  );
  const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
  const page = rows.slice(0, input.limit).map(({ created_at, done_at, ...row }) => ({
    ...row,
    id: Number(row.id),
    createdAt: new Date(created_at).toISOString(),
    doneAt: iso(done_at),
    deliveries: row.deliveries.map((d) => ({ ...d, at: iso(d.at) as string, sentAt: iso(d.sentAt) })),
  }));
  return { messages: page, nextCursor: rows.length > input.limit ? page.at(-1)!.id : null };
}
