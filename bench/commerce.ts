/**
 * Issue 3 and 4 scenarios, on PostgreSQL: the agents' verification queue and citizens' request
 * lists with 100,000 requests stored; 5 MB uploads; genuine payment callbacks per second; public
 * stamp verification against a Fastify hello-world measured in the same run.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/modules/network/demo/seed-demo.ts';
import { signedAnswer } from '../src/modules/payments/sandbox/sandbox-bank.ts';
import { openPostgres, queryRows } from '../src/platform/db.ts';
import { ephemeralKeys } from '../src/platform/keys.ts';

export interface CommerceResult {
  requests: {
    storedRequests: number;
    connections: number;
    queueReqPerSec: number;
    queueP50Ms: number;
    queueP99Ms: number;
    listReqPerSec: number;
    listP50Ms: number;
    listP99Ms: number;
    upload5MbMs: number;
    uploads: number;
    errors: number;
  };
  payments: {
    callbacks: number;
    connections: number;
    callbacksPerSec: number;
    callbackP50Ms: number;
    callbackP99Ms: number;
    stampsIssued: number;
    verifyConnections: number;
    verifyReqPerSec: number;
    verifyP99Ms: number;
    helloReqPerSec: number;
    verifyRatio: number;
    errors: number;
  };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** A PDF of about `bytes` bytes, valid as far as the upload checks go. */
function bigPdf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 0x41), tail]);
}

function multipart(kind: string, file: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----mawid${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function runCommerce(input: {
  url: string;
  quick: boolean;
  log: (line: string) => void;
}): Promise<CommerceResult> {
  const base = new URL(input.url);
  const name = 'mawid_bench_commerce';
  const admin = new pg.Client({ connectionString: input.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  base.pathname = `/${name}`;
  const database = await openPostgres(base.toString(), 24);
  const dataDir = mkdtempSync(join(tmpdir(), 'mawid-bench-'));
  try {
    await database.migrate();
    const db = database.db;
    input.log('commerce: seeding the demo network');
    await seedDemo({ db, clock: { now: () => new Date() } });
    const config = loadConfig({
      DATABASE_URL: base.toString(),
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      COOKIE_SECURE: 'false',
      STAMP_VERIFY_PER_MINUTE: '100000000',
      SIGNING_PRIVATE_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    });

    // 100,000 requests: 10,000 citizens with 10 requests each, for 10 services, spread over the
    // network; a third submitted (the queues), the rest drafts and accepted ones.
    const citizens = input.quick ? 1_000 : 10_000;
    input.log(`commerce: storing ${citizens * 10} requests`);
    await db.execute(sql`
      INSERT INTO accounts (email, password_hash, role, email_verified_at)
      SELECT 'bench-' || g || '@example.org', 'not-a-usable-hash', 'citizen', now() FROM generate_series(1, ${citizens}) g`);
    await db.execute(sql`
      INSERT INTO persons (account_id, relation, given_name_latin, family_name_latin)
      SELECT id, 'self', 'Bench', 'Citizen' FROM accounts WHERE email LIKE 'bench-%'`);
    await db.execute(sql`
      WITH people AS (
        SELECT p.id AS person_id, p.account_id, row_number() OVER (ORDER BY p.id) AS n FROM persons p
        JOIN accounts a ON a.id = p.account_id WHERE a.email LIKE 'bench-%'
      ), svc AS (
        SELECT id AS service_id, row_number() OVER (ORDER BY code) AS k FROM services ORDER BY code LIMIT 10
      ), cons AS (
        SELECT id AS consulate_id, code, row_number() OVER (ORDER BY code) - 1 AS c, count(*) OVER () AS total FROM consulates
      )
      INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status,
                            submitted_at, queued_at, created_at, updated_at)
      SELECT cons.code || '-D-' || upper(substr(md5(people.n || '-' || svc.k), 1, 4)) || '-' || upper(substr(md5(svc.k || '-' || people.n), 1, 4)),
             cons.consulate_id, svc.service_id, cs.department_id, people.person_id, people.account_id,
             (ARRAY['submitted', 'draft', 'accepted'])[1 + ((people.n + svc.k) % 3)],
             now() - (people.n || ' minutes')::interval, now() - (people.n || ' minutes')::interval,
             now() - (people.n || ' minutes')::interval, now()
      FROM people CROSS JOIN svc
      JOIN cons ON cons.c = (people.n % cons.total)
      JOIN consulate_services cs ON cs.consulate_id = cons.consulate_id AND cs.service_id = svc.service_id`);
    await db.execute(sql`ANALYZE`);
    const [{ n: stored } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM requests`);

    const tokens = Array.from({ length: citizens }, () => randomBytes(24).toString('base64url'));
    const accountIds = (
      await queryRows<{ id: string }>(db, sql`SELECT id FROM accounts WHERE email LIKE 'bench-%' ORDER BY email`)
    ).map((a) => a.id);
    await db.execute(sql`
      INSERT INTO sessions (token_hash, account_id, expires_at)
      SELECT s.h, s.a::uuid, now() + interval '1 day'
      FROM json_to_recordset(${JSON.stringify(accountIds.map((a, i) => ({ h: hashToken(tokens[i]!), a })))}::json) AS s(h text, a text)`);

    const { app, deps } = await buildApp({ config, database, logger: false, keys: ephemeralKeys() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const seconds = input.quick ? 3 : 10;
    const connections = 16;

    // The agent's verification queue (Paris agent: passports, identity, civil status).
    const [agent] = await queryRows<{ id: string; consulate_id: string }>(
      db,
      sql`SELECT id, consulate_id FROM accounts WHERE email = 'agent.par@mawid.example'`,
    );
    const agentSession = await deps.sessions.create(agent!.id);
    input.log('commerce: verification queue');
    const queue = await run({
      url: `${origin}/api/v1/staff/consulates/${agent!.consulate_id}/requests/queue?limit=50`,
      connections,
      duration: seconds,
      headers: { cookie: `mawid_session=${agentSession.token}` },
    });
    input.log('commerce: citizens’ request lists');
    let next = 0;
    const list = await run({
      url: `${origin}/api/v1/requests`,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (request: autocannon.Request) => ({
            ...request,
            headers: { cookie: `mawid_session=${tokens[next++ % tokens.length]}` },
          }),
        } as autocannon.Request,
      ],
    });

    // 5 MB uploads: checked by their bytes, encrypted, stored; median of 20, one at a time.
    input.log('commerce: 5 MB uploads');
    const drafts = await queryRows<{ id: string; account_id: string; kind: string }>(
      db,
      sql`SELECT r.id, r.account_id, sv.required_documents[1] AS kind FROM requests r JOIN services sv ON sv.id = r.service_id
          WHERE r.status = 'draft' AND cardinality(sv.required_documents) > 0 ORDER BY r.created_at LIMIT 20`,
    );
    const file = bigPdf(5 * 1024 * 1024);
    const uploadTimes: number[] = [];
    let uploadErrors = 0;
    for (const draft of drafts) {
      const token = tokens[accountIds.indexOf(draft.account_id)]!;
      const { body, contentType } = multipart(draft.kind, file);
      const started = performance.now();
      const response = await fetch(`${origin}/api/v1/requests/${draft.id}/documents`, {
        method: 'POST',
        headers: { cookie: `mawid_session=${token}`, 'content-type': contentType },
        body: new Uint8Array(body),
      });
      await response.arrayBuffer();
      uploadTimes.push(performance.now() - started);
      if (response.status !== 201) uploadErrors++;
    }
    uploadTimes.sort((a, b) => a - b);

    // Genuine callbacks: payments created through the API, then the gateway's signed approvals.
    const payers = input.quick ? 300 : 3_000;
    input.log(`commerce: ${payers} payments and their callbacks`);
    const accepted = await queryRows<{ id: string; account_id: string }>(
      db,
      sql`SELECT r.id, r.account_id FROM requests r JOIN consulate_services cs
            ON cs.consulate_id = r.consulate_id AND cs.service_id = r.service_id
          WHERE r.status = 'accepted' AND cs.fee_minor > 0 LIMIT ${payers}`,
    );
    const bodies: string[] = [];
    for (let i = 0; i < accepted.length; i += 50) {
      const batch = await Promise.all(
        accepted.slice(i, i + 50).map(async (request) => {
          const token = tokens[accountIds.indexOf(request.account_id)]!;
          const response = await fetch(`${origin}/api/v1/requests/${request.id}/payments`, {
            method: 'POST',
            headers: { cookie: `mawid_session=${token}` },
          });
          const created = (await response.json()) as { form?: { fields: Record<string, string> } };
          if (!created.form) return undefined;
          const fields = signedAnswer(
            created.form.fields,
            {
              outcome: 'approved',
              transactionId: `T${randomBytes(5).toString('hex')}`,
              authorizationCode: 'P12345',
              at: new Date(),
            },
            { number: '4000000000000002', expiry: '12/30' },
            config.SANDBOX_STORE_KEY,
          );
          return new URLSearchParams(fields).toString();
        }),
      );
      for (const body of batch) if (body) bodies.push(body);
    }
    let nextCallback = 0;
    const callbackConnections = 32;
    const callbacks = await run({
      url: `${origin}/api/v1/payments/callback/sandbox`,
      connections: callbackConnections,
      amount: bodies.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (request: autocannon.Request) => ({
            ...request,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: bodies[nextCallback++ % bodies.length],
          }),
        } as autocannon.Request,
      ],
    });
    const stamps = await queryRows<{ number: string }>(db, sql`SELECT number FROM stamps`);

    // Public verification of those stamps, next to a bare Fastify hello-world.
    input.log('commerce: stamp verification and hello-world');
    let nextStamp = 0;
    const verify = await run({
      url: `${origin}/api/v1/stamps/x`,
      connections: 64,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (request: autocannon.Request) => ({
            ...request,
            path: `/api/v1/stamps/${stamps[nextStamp++ % stamps.length]!.number}`,
          }),
        } as autocannon.Request,
      ],
    });
    const hello = Fastify();
    hello.get('/', async () => ({ hello: 'world' }));
    await hello.listen({ host: '127.0.0.1', port: 0 });
    const helloRun = await run({
      url: `http://127.0.0.1:${(hello.server.address() as { port: number }).port}/`,
      connections: 64,
      duration: seconds,
    });
    await hello.close();
    await app.close();

    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      requests: {
        storedRequests: stored,
        connections,
        queueReqPerSec: round(queue.requests.average),
        queueP50Ms: queue.latency.p50,
        queueP99Ms: queue.latency.p99,
        listReqPerSec: round(list.requests.average),
        listP50Ms: list.latency.p50,
        listP99Ms: list.latency.p99,
        upload5MbMs: round(uploadTimes[Math.floor(uploadTimes.length / 2)] ?? Number.NaN),
        uploads: uploadTimes.length,
        errors: queue.non2xx + list.non2xx + uploadErrors,
      },
      payments: {
        callbacks: bodies.length,
        connections: callbackConnections,
        callbacksPerSec: round(bodies.length / (callbacks.duration || 1)),
        callbackP50Ms: callbacks.latency.p50,
        callbackP99Ms: callbacks.latency.p99,
        stampsIssued: stamps.length,
        verifyConnections: 64,
        verifyReqPerSec: round(verify.requests.average),
        verifyP99Ms: verify.latency.p99,
        helloReqPerSec: round(helloRun.requests.average),
        verifyRatio: round(verify.requests.average / helloRun.requests.average),
        errors: callbacks.non2xx + verify.non2xx,
      },
    };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
