import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { queryRows } from '../../platform/db.ts';
import type { TestContext } from '../../test/harness.ts';
import { type MultipartPart, multipartBody } from './documents.fixtures.ts';

/**
 * Helpers for the documents integration tests (test-only). Requests are inserted straight into
 * the database: the requests module's own API is not what these tests are about.
 */
let sequence = 0;

export type Service = 'passport' | 'legalization' | 'copy';
const departmentKind: Record<Service, string> = {
  passport: 'passport',
  legalization: 'legalization',
  copy: 'legalization',
};

export async function openRequest(
  ctx: TestContext,
  owner: { accountId: string; personId: string },
  options: { consulate?: 'PAR' | 'MTL' | 'DXB'; service?: Service; status?: string } = {},
): Promise<string> {
  const consulate = options.consulate ?? 'PAR';
  const service = options.service ?? 'passport';
  sequence += 1;
  const [row] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status)
        VALUES (${`${consulate}-D-TEST-${String(sequence).padStart(4, '0')}`}, ${ctx.ids.consulates[consulate]},
                ${ctx.ids.services[service]}, ${ctx.ids.departments[`${consulate}:${departmentKind[service]}`]},
                ${owner.personId}, ${owner.accountId}, ${options.status ?? 'draft'})
        RETURNING id`,
  );
  return row!.id;
}

export async function setRequestStatus(ctx: TestContext, requestId: string, status: string): Promise<void> {
  await ctx.db.execute(sql`UPDATE requests SET status = ${status} WHERE id = ${requestId}`);
}

export function uploadDocumentRequest(
  ctx: TestContext,
  cookie: string,
  requestId: string,
  parts: MultipartPart[],
  headers: Record<string, string> = {},
) {
  const { payload, headers: multipartHeaders } = multipartBody(parts);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${requestId}/documents`,
    headers: { cookie, ...multipartHeaders, ...headers },
    payload,
  });
}

/** The usual upload: the field `kind`, then the file. */
export function upload(
  ctx: TestContext,
  cookie: string,
  requestId: string,
  file: { kind: string; filename: string; data: Buffer; contentType?: string },
) {
  return uploadDocumentRequest(ctx, cookie, requestId, [
    { name: 'kind', value: file.kind },
    { name: 'file', filename: file.filename, contentType: file.contentType, data: file.data },
  ]);
}

/** Every file under the documents folder (temporary ones included). */
export function storedFiles(ctx: TestContext): string[] {
  const dir = ctx.deps.config.DOCUMENTS_DIR;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export async function auditCount(ctx: TestContext, action: string, entityId?: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM audit_events
        WHERE action = ${action} ${entityId ? sql`AND entity_id = ${entityId}` : sql``}`,
  );
  return row!.n;
}

export async function documentRow(ctx: TestContext, id: string) {
  const [row] = await queryRows<{ status: string; storage_key: string; refusal_reason: string | null }>(
    ctx.db,
    sql`SELECT status, storage_key, refusal_reason FROM documents WHERE id = ${id}`,
  );
  return row;
}

/** A session cookie for a seeded staff account (opened directly: sign-in is tested elsewhere). */
export async function staffSession(ctx: TestContext, email: string): Promise<{ accountId: string; cookie: string }> {
  const [row] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM accounts WHERE email = ${email}`);
  if (!row) throw new Error(`no seeded account ${email}`);
  const session = await ctx.deps.sessions.create(row.id);
  return { accountId: row.id, cookie: `${SESSION_COOKIE}=${session.token}` };
}
