import type { KeyObject } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, queryRows } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { LocalizedText } from '../network/network.tables.ts';
import type { StampStatus } from './payment-status.ts';
import { normalizeStampNumber } from './stamp-number.ts';
import { canonicalStampPayload, type StampPayload, verifyStampSignature } from './stamp-signature.ts';

/** What anyone may learn about a stamp: what it pays for and whether it is still good. Nothing personal. */
export interface PublicStamp {
  number: string;
  status: StampStatus;
  service: { code: string; name: LocalizedText };
  amountMinor: number;
  currency: string;
  consulate: { code: string; name: LocalizedText };
  issuedAt: string;
  signature: string;
  payload: StampPayload;
}

interface StampRow {
  number: string;
  status: StampStatus;
  consulate_id: string;
  service_id: string;
  amount_minor: number;
  currency: string;
  issued_at: Date;
  signature: string;
}

type Named = { code: string; name: LocalizedText };

export const invalidStampNumber = () =>
  new AppError('STAMP_NUMBER_INVALID', 400, 'A stamp number has 16 digits and a valid check digit.');
const stampNotFound = () => new AppError('STAMP_NOT_FOUND', 404, 'No stamp has this number.');
const invalidQr = () => new AppError('STAMP_QR_INVALID', 400, 'This QR code is not a genuine stamp.');

/**
 * Public stamp checks, built for a high rate: one indexed read per stamp (names of consulates and
 * services come from memory), and an answer kept for `answerTtlMs` so that a burst of checks of the
 * same stamp costs one query. A consumption or refund in this process forgets the answer at once;
 * another process's change shows within `answerTtlMs`. The decision to consume never relies on this
 * cache: consumption is a conditional update in the database.
 */
export class StampVerifier {
  private readonly answers = new Map<string, { stamp: PublicStamp; json: string; until: number }>();
  private names: { consulates: Map<string, Named>; services: Map<string, Named>; until: number } | undefined;

  constructor(
    private readonly deps: { db: Db; publicKey: KeyObject; now: () => number },
    private readonly options = { answerTtlMs: 1_000, namesTtlMs: 300_000, maxAnswers: 10_000 },
  ) {}

  forget(number: string): void {
    this.answers.delete(number);
  }

  /**
   * By the number as typed (spaces and dashes allowed); a wrong check digit never reaches the
   * database. The answer comes with its JSON, serialized once per cached answer.
   */
  async byNumber(typed: string): Promise<{ stamp: PublicStamp; json: string }> {
    const number = normalizeStampNumber(typed);
    if (!number) throw invalidStampNumber();
    const answer = await this.lookup(number);
    if (!answer) throw stampNotFound();
    return answer;
  }

  /**
   * By the QR code's text, base64url(payload) "." signature: the signature is checked with the
   * public key first (as an offline reader would), then the stamp's current status is read.
   */
  async byQr(qr: string): Promise<PublicStamp> {
    const payload = parseQr(qr, this.deps.publicKey);
    if (!payload) throw invalidQr();
    const answer = await this.lookup(payload.payload.number);
    // A genuine signature over a number we do not hold: not a stamp of this registry.
    if (!answer) throw stampNotFound();
    if (answer.stamp.signature !== payload.signature) throw invalidQr();
    return answer.stamp;
  }

  private async lookup(number: string): Promise<{ stamp: PublicStamp; json: string } | null> {
    const now = this.deps.now();
    const hit = this.answers.get(number);
    if (hit && hit.until > now) return hit;
    const [row] = await queryRows<StampRow>(
      this.deps.db,
      sql`SELECT number, status, consulate_id, service_id, amount_minor, currency, issued_at, signature
          FROM stamps WHERE number = ${number}`,
    );
    if (!row) return null;
    const stamp = await this.present(row, now);
    const answer = { stamp, json: JSON.stringify(stamp), until: now + this.options.answerTtlMs };
    if (this.answers.size >= this.options.maxAnswers) this.answers.clear();
    this.answers.set(number, answer);
    return answer;
  }

  private async present(row: StampRow, now: number): Promise<PublicStamp> {
    let consulate = (await this.loadNames(now, false)).consulates.get(row.consulate_id);
    let service = this.names?.services.get(row.service_id);
    if (!consulate || !service) {
      // A consulate or service created since the names were read.
      const fresh = await this.loadNames(now, true);
      consulate = fresh.consulates.get(row.consulate_id);
      service = fresh.services.get(row.service_id);
    }
    if (!consulate || !service) throw new Error(`stamp ${row.number}: consulate or service missing`);
    const issuedAt = new Date(row.issued_at).toISOString();
    const amountMinor = Number(row.amount_minor);
    return {
      number: row.number,
      status: row.status,
      service,
      amountMinor,
      currency: row.currency,
      consulate,
      issuedAt,
      signature: row.signature,
      payload: {
        v: 1,
        number: row.number,
        consulate: consulate.code,
        service: service.code,
        amountMinor,
        currency: row.currency,
        issuedAt,
      },
    };
  }

  private async loadNames(now: number, isForced: boolean) {
    if (this.names && !isForced && this.names.until > now) return this.names;
    const [consulates, services] = [
      await queryRows<{ id: string } & Named>(this.deps.db, sql`SELECT id, code, name FROM consulates`),
      await queryRows<{ id: string } & Named>(this.deps.db, sql`SELECT id, code, name FROM services`),
    ];
    const byId = (rows: ({ id: string } & Named)[]) => new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
    this.names = { consulates: byId(consulates), services: byId(services), until: now + this.options.namesTtlMs };
    return this.names;
  }
}

const payloadSchema = z
  .object({
    v: z.literal(1),
    number: z.string().regex(/^\d{16}$/),
    consulate: z.string().min(1).max(16),
    service: z.string().min(1).max(100),
    amountMinor: z.number().int().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    issuedAt: z.iso.datetime(),
  })
  .strict();

/** The QR text's payload if its signature is good under `publicKey`, else null. Pure. */
export function parseQr(qr: string, publicKey: KeyObject): { payload: StampPayload; signature: string } | null {
  const parts = qr.trim().split('.');
  if (parts.length !== 2) return null;
  const [encoded = '', signature = ''] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(encoded) || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const result = payloadSchema.safeParse(parsed);
  if (!result.success) return null;
  const payload: StampPayload = result.data;
  // Only the canonical bytes are accepted: the same stamp has one QR text.
  if (Buffer.from(canonicalStampPayload(payload)).toString('base64url') !== encoded) return null;
  if (normalizeStampNumber(payload.number) === null) return null;
  return verifyStampSignature(publicKey, payload, signature) ? { payload, signature } : null;
}
