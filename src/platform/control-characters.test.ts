import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { createTestContext, type TestContext } from '../test/harness.ts';
import { CONTROL_CHARACTER_MESSAGE } from './text-input.ts';

/** The parts of the OpenAPI document (JSON Schema) the walk reads. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  additionalProperties?: boolean | JsonSchema;
}
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

type Path = (string | number)[];
interface Probe {
  method: string;
  route: string;
  url: string;
  where: string;
  // Text built on z.string(): the fault must be the control-character rule's, not a format's.
  isText: boolean;
  contentType?: string;
  payload?: string;
}

/**
 * Every route of the OpenAPI document, every text it takes (path parameters, query string, JSON or
 * form body, nested objects and lists, each branch of a union): sent with a control character, it
 * is refused as bad input naming that field. Headers are left out: HTTP cannot carry NUL in them
 * (the one header we read, Idempotency-Key, is limited to visible ASCII anyway).
 */
function probesOf(document: OpenApiDocument, char: string): Probe[] {
  const resolve = (schema: JsonSchema): JsonSchema => {
    let current = schema;
    while (current.$ref) current = document.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
    const alternatives = (current.anyOf ?? current.oneOf ?? []).filter((s) => resolve(s).type !== 'null');
    const isNullable = (current.anyOf ?? current.oneOf ?? []).length === alternatives.length + 1;
    return isNullable && alternatives.length === 1 ? resolve(alternatives[0]!) : current;
  };
  const isString = (s: JsonSchema) => s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'));
  const isText = (s: JsonSchema) => s.format === undefined && s.enum === undefined && s.const === undefined;
  const branchesOf = (s: JsonSchema) => {
    const all = (s.anyOf ?? s.oneOf ?? []).map(resolve).filter((b) => b.type !== 'null');
    return all.length > 0 ? all : [s];
  };
  const bad = (leaf: JsonSchema) => {
    const core = (leaf.maxLength ?? 5) < 5 ? `o${char}` : `ok${char}ok`;
    return core.padEnd(leaf.minLength ?? 0, 'k');
  };
  const sample = (schema: JsonSchema): unknown => {
    const s = resolve(schema);
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    if (s.format === 'uuid') return randomUUID();
    if (s.format === 'date') return '2026-12-01';
    if (isString(s)) return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
    if (s.type === 'boolean') return false;
    if (s.type === 'array') return [];
    const required = new Set(s.required ?? []);
    return Object.fromEntries(
      Object.entries(s.properties ?? {})
        .filter(([name]) => required.has(name))
        .map(([name, p]) => [name, sample(p)]),
    );
  };
  function* leaves(schema: JsonSchema, path: Path): Generator<{ path: Path; leaf: JsonSchema }> {
    const s = resolve(schema);
    if (isString(s)) {
      yield { path, leaf: s };
      return;
    }
    if (s.anyOf || s.oneOf) for (const branch of branchesOf(s)) yield* leaves(branch, path);
    for (const [name, property] of Object.entries(s.properties ?? {})) yield* leaves(property, [...path, name]);
    // A record of text fields (a gateway's form): any name will do.
    if (typeof s.additionalProperties === 'object') yield* leaves(s.additionalProperties, [...path, 'note']);
    if (s.items) yield* leaves(s.items, [...path, 0]);
  }
  // The value at `path`, with every fixed-value sibling filled in (a union's discriminator).
  const bodyWith = (schema: JsonSchema, path: Path, value: string): unknown => {
    const s = resolve(schema);
    const [head, ...rest] = path;
    if (head === undefined) return value;
    if (typeof head === 'number') return [bodyWith(s.items ?? {}, rest, value)];
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      const p = resolve(property);
      if (p.const !== undefined || p.enum) out[name] = sample(p);
    }
    const next = s.properties?.[head] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : {});
    out[head] = bodyWith(next, rest, value);
    return out;
  };
  const encode = (contentType: string, body: unknown) =>
    contentType === 'application/x-www-form-urlencoded'
      ? new URLSearchParams(body as Record<string, string>).toString()
      : JSON.stringify(body);

  const probes: Probe[] = [];
  for (const [route, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const pathParameters = parameters.filter((p) => p.in === 'path');
      const urlWith = (overrides: Record<string, string>, query = '') =>
        route.replace(/\{(\w+)\}/g, (_whole, name: string) =>
          encodeURIComponent(
            overrides[name] ?? String(sample(pathParameters.find((p) => p.name === name)?.schema ?? {})),
          ),
        ) + query;
      const content = operation.requestBody?.content ?? {};
      const contentType = Object.keys(content).find((type) => type !== 'application/json') ?? 'application/json';
      const bodySchema = content[contentType]?.schema;
      const base = { method: method.toUpperCase(), route };

      for (const parameter of parameters) {
        const schema = resolve(parameter.schema);
        if (!isString(schema) || (parameter.in !== 'path' && parameter.in !== 'query')) continue;
        const value = bad(schema);
        const isPath = parameter.in === 'path';
        // Fastify checks the body before the query string: a query probe sends a well-formed body.
        const body = !isPath && bodySchema ? { contentType, payload: encode(contentType, sample(bodySchema)) } : {};
        probes.push({
          ...base,
          ...body,
          url: isPath
            ? urlWith({ [parameter.name]: value })
            : urlWith({}, `?${new URLSearchParams({ [parameter.name]: value })}`),
          where: `${isPath ? 'params' : 'querystring'}.${parameter.name}`,
          isText: isText(schema),
        });
      }
      if (!bodySchema) continue;
      for (const branch of branchesOf(resolve(bodySchema))) {
        for (const { path, leaf } of leaves(branch, [])) {
          probes.push({
            ...base,
            url: urlWith({}),
            where: ['body', ...path].join('.'),
            isText: isText(leaf),
            contentType,
            payload: encode(contentType, bodyWith(branch, path, bad(leaf))),
          });
        }
      }
    }
  }
  return probes;
}

describe.each(engines)('control characters in text input, on %s', (engine) => {
  let ctx: TestContext;
  let address = 0;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  type Fault = { path: string; message: string };
  async function send(probe: Omit<Probe, 'where' | 'isText' | 'route'>) {
    address++;
    const response = await ctx.app.inject({
      method: probe.method as 'GET',
      url: probe.url,
      headers: probe.contentType ? { 'content-type': probe.contentType } : {},
      payload: probe.payload,
      // Each probe from its own address: the public routes' rate limits must not answer first.
      remoteAddress: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    });
    let problem: { code?: string; fields?: Fault[] } = {};
    try {
      problem = response.json();
    } catch {
      // Not a problem document: reported below with the status and body.
    }
    return { response, problem };
  }

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
  ])('answers 400 VALIDATION_FAILED naming the field for %s in every text of every route', async (_name, char) => {
    const document = ctx.app.swagger() as unknown as OpenApiDocument;
    const probes = probesOf(document, char);
    const failures: string[] = [];
    for (const probe of probes) {
      const { response, problem } = await send(probe);
      const faults = (problem.fields ?? []).filter((fault) => fault.path === probe.where);
      const isNamed = probe.isText
        ? faults.some((fault) => fault.message === CONTROL_CHARACTER_MESSAGE)
        : faults.length > 0;
      if (response.statusCode !== 400 || problem.code !== 'VALIDATION_FAILED' || !isNamed) {
        failures.push(
          `${probe.method} ${probe.route} ${probe.where}: ${response.statusCode} ${response.body.slice(0, 240)}`,
        );
      }
    }
    expect(failures).toEqual([]);

    // The walk reaches the free texts this rule is for (and is not vacuous).
    const walked = probes.map((p) => `${p.method} ${p.route} ${p.where}`);
    expect(walked).toEqual(
      expect.arrayContaining([
        'POST /api/v1/me/persons body.birthPlace',
        'POST /api/v1/admin/consulates/{consulateId}/closures body.name.ar',
        'POST /api/v1/admin/consulates/{consulateId}/appointments/{appointmentId}/cancel body.reason',
        'PUT /api/v1/admin/consulates/{consulateId}/departments/{departmentId}/opening-hours body.hours.0.opensAt',
        'POST /api/v1/callcenter/citizens/{accountId}/appointments/{appointmentId}/cancel body.reason',
        'POST /api/v1/staff/requests/{requestId}/decision body.note',
        'POST /api/v1/staff/requests/{requestId}/documents/{documentId}/review body.reason',
        'POST /api/v1/staff/payments/{paymentId}/refunds body.reason',
        'POST /api/v1/payments/{paymentId}/refund-request body.reason',
        'POST /api/v1/treasury/breaks/{breakId}/resolve body.note',
        'GET /api/v1/treasury/payments querystring.cursor',
        'GET /api/v1/stamps/{number} params.number',
        'GET /api/v1/payments/return/{result} querystring.oid',
        'POST /api/v1/payments/callback/{gateway} body.note',
      ]),
    );
    expect(probes.filter((p) => p.isText).length).toBeGreaterThan(40);
  });

  it('refuses a control character in a settlement file (text/csv) before reading it', async () => {
    const csv = 'date,order_id,trans_id,amount,currency,type\r\n2026-11-30,ET-PAR-1\u0000,T1,150.00,EUR,SALE\r\n';
    const { response, problem } = await send({
      method: 'POST',
      url: `/api/v1/treasury/settlement-files?consulateId=${ctx.ids.consulates.PAR}&date=2026-11-30`,
      contentType: 'text/csv',
      payload: csv,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.fields).toEqual([{ path: 'body', message: CONTROL_CHARACTER_MESSAGE }]);
  });
});
