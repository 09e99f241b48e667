import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import jsQRModule from 'jsqr';
import { expect } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import type { TestContext } from '../../test/harness.ts';
import { DEMO_PASSWORD } from '../network/demo/seed-demo.ts';
import { accounts, type Role } from './accounts.tables.ts';
import { hashPassword } from './passwords.ts';
import { newTotpSecret, sealTotpSecret, totpCode } from './totp.ts';

let addressCounter = 0;
/** A fresh client address per request: the per-address throttle is not what these tests are about. */
export const freshAddress = () => `198.51.100.${(addressCounter++ % 250) + 1}`;

export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json().code).toBe(code);
}

/** Calls the API as `cookie` (or anonymously), each call from its own address. */
export function caller(ctx: TestContext) {
  return (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    ctx.app.inject({ method, url, payload, headers: cookie ? { cookie } : {}, remoteAddress: freshAddress() });
}

let passwordHash: Promise<string> | undefined;

/**
 * A staff account made in the database with the demo password; enrolled with a fresh secret (given
 * back) when `isEnrolled`.
 */
export async function makeStaff(
  ctx: TestContext,
  role: Role,
  options: { consulateId?: string | null; isEnrolled?: boolean } = {},
): Promise<{ accountId: string; email: string; secret: string | null }> {
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const id = randomUUID();
  const email = `${role.replaceAll('_', '.')}.${id.slice(0, 8)}@mawid.example`;
  const secret = options.isEnrolled ? newTotpSecret() : null;
  await ctx.db.insert(accounts).values({
    id,
    email,
    passwordHash: await passwordHash,
    role,
    consulateId: options.consulateId ?? null,
    emailVerifiedAt: ctx.clock.now(),
    totpSecretSealed: secret ? sealTotpSecret(ctx.deps.keys.documentMasterKey, id, secret) : null,
    totpEnrolledAt: secret ? ctx.clock.now() : null,
  });
  return { accountId: id, email, secret };
}

/** The code an authenticator app shows for `secret`, `stepsLater` steps of 30 s after the test clock. */
export const codeAt = (ctx: TestContext, secret: string, stepsLater = 0) =>
  totpCode(secret, new Date(ctx.clock.now().getTime() + stepsLater * 30_000));

/** A six-digit code that is not `code`. */
export const otherThan = (code: string) => `${(Number(code[0]) + 5) % 10}${code.slice(1)}`;

/** Every audit event as text, to search for what must never be there. */
export async function auditLogText(ctx: TestContext): Promise<string> {
  const rows = await queryRows<{ event: string }>(
    ctx.db,
    sql`SELECT row_to_json(e)::text AS event FROM audit_events e`,
  );
  return rows.map((r) => r.event).join('\n');
}

// jsqr is a CommonJS bundle whose function sits on `default` or is the module, depending on the loader.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const loaded: unknown = jsQRModule;
const jsQR = (typeof loaded === 'function' ? loaded : (loaded as { default: unknown }).default) as Decode;

/**
 * The text of the QR code in a `data:image/png;base64,…` URL. Reads the 8-bit RGB(A) or grey PNGs
 * that qrcode writes: the chunks, the inflated rows, and the five row filters of the PNG format.
 */
export function decodeQrDataUrl(dataUrl: string): string | null {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8) throw new Error('only 8-bit PNGs');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]!] ?? 0;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, paeth()][filter] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = pixels[i * channels + (channels >= 3 ? c : 0)]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
