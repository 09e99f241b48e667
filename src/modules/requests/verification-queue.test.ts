import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { engines } from '../../test/databases.ts';
import { createTestContext, makeCitizens, signIn, type TestContext } from '../../test/harness.ts';
import { foldedSql, foldForSearch } from './name-search.ts';

type Service = 'passport' | 'passportMinor' | 'legalization';
const departmentOf: Record<Service, string> = {
  passport: 'passport',
  passportMinor: 'passport',
  legalization: 'legalization',
};

describe.each(engines)('the verification queue: filters, search, counts, scope, on %s', (engine) => {
  let ctx: TestContext;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let citizenCookie: string;

  /** A request of a new citizen with these names, in this status, queued `minutesAgo`. */
  async function queued(
    key: string,
    names: { given: string; family: string; givenAr?: string; familyAr?: string },
    options: { reference: string; service?: Service; consulate?: 'PAR' | 'DXB'; status?: string; minutesAgo: number },
  ) {
    const [citizen] = await makeCitizens(ctx, 1);
    await ctx.db.execute(sql`
      UPDATE persons SET given_name_latin = ${names.given}, family_name_latin = ${names.family},
                         given_name_arabic = ${names.givenAr ?? null}, family_name_arabic = ${names.familyAr ?? null}
      WHERE id = ${citizen!.personId}`);
    const consulate = options.consulate ?? 'PAR';
    const service = options.service ?? 'passport';
    const at = new Date(ctx.clock.now().getTime() - options.minutesAgo * 60_000);
    const status = options.status ?? 'submitted';
    const [row] = await queryRows<{ id: string }>(
      ctx.db,
      sql`INSERT INTO requests (reference, consulate_id, service_id, department_id, person_id, account_id, status,
                                submitted_at, queued_at)
          VALUES (${options.reference}, ${ctx.ids.consulates[consulate]}, ${ctx.ids.services[service]},
                  ${ctx.ids.departments[`${consulate}:${departmentOf[service]}`]}, ${citizen!.personId},
                  ${citizen!.accountId}, ${status}, ${status === 'draft' ? null : at}, ${status === 'draft' ? null : at})
          RETURNING id`,
    );
    ids[key] = row!.id;
  }

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    for (const who of ['agent.par', 'admin.par', 'agent.dxb', 'callcenter', 'hq']) {
      cookies[who] = await signIn(ctx, `${who}@mawid.example`);
    }
    citizenCookie = (await makeCitizens(ctx, 1))[0]!.cookie;
    // Names as people write them: accents, harakat and tatweel in the stored names.
    await queued(
      'amina',
      { given: 'Amina', family: 'Benali', givenAr: 'أمينة', familyAr: 'بنعـــلي' },
      { reference: 'PAR-D-7K3M-Q9XD', minutesAgo: 60 },
    );
    await queued('helene', { given: 'Hélène', family: 'Lefèvre' }, { reference: 'PAR-D-H2LN-4FVR', minutesAgo: 50 });
    await queued(
      'omar',
      { given: 'Omar', family: 'Alaoui' },
      { reference: 'PAR-D-OM4R-LGLZ', service: 'legalization', minutesAgo: 45 },
    );
    await queued(
      'youssef',
      { given: 'Youssef', family: 'El Idrissi', givenAr: 'يُوسُف', familyAr: 'الإدْرِيسِيّ' },
      { reference: 'PAR-D-Y55F-3DRS', service: 'passportMinor', minutesAgo: 40 },
    );
    await queued(
      'karim',
      { given: 'Karim', family: 'Naciri' },
      { reference: 'PAR-D-K4RM-NCR2', status: 'more_info_requested', minutesAgo: 30 },
    );
    await queued(
      'salma',
      { given: 'Salma', family: 'Tazi' },
      { reference: 'PAR-D-S4LM-TZ22', status: 'accepted', minutesAgo: 20 },
    );
    await queued(
      'draft',
      { given: 'Amina', family: 'Draft' },
      { reference: 'PAR-D-DR4F-T222', status: 'draft', minutesAgo: 0 },
    );
    await queued(
      'dubai',
      { given: 'Amina', family: 'Benali' },
      { reference: 'DXB-D-7K3M-Q9XD', consulate: 'DXB', minutesAgo: 90 },
    );
  });
  afterAll(async () => {
    await ctx.app.close();
  });

  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const base = () => `/api/v1/staff/consulates/${ctx.ids.consulates.PAR}/requests/queue`;
  async function queue(query: string, cookie = cookies['agent.par']!) {
    const response = await get(`${base()}${query}`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    const keyOf = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
    return (response.json().requests as { id: string }[]).map((r) => keyOf[r.id]);
  }

  it('lists an agent’s departments oldest first, submitted by default, and a status or service on demand', async () => {
    expect(await queue('')).toEqual(['amina', 'helene', 'youssef']);
    expect(await queue('', cookies['admin.par'])).toEqual(['amina', 'helene', 'omar', 'youssef']);
    expect(await queue('?status=more_info_requested')).toEqual(['karim']);
    expect(await queue('?status=accepted')).toEqual(['salma']);
    expect(await queue('?status=rejected')).toEqual([]);
    expect(await queue(`?serviceId=${ctx.ids.services.passportMinor}`)).toEqual(['youssef']);
    expect(await queue(`?serviceId=${ctx.ids.services.legalization}`, cookies['admin.par'])).toEqual(['omar']);
    // An agent filtering on a service of another department finds nothing, rather than leaking it.
    expect(await queue(`?serviceId=${ctx.ids.services.legalization}`)).toEqual([]);
  });

  it('searches names in Latin script whatever the case and accents, in part, in any order', async () => {
    for (const q of ['helene', 'HÉLÈNE', 'lefevre', 'Lefèvre hél', 'ELENE', 'lef']) {
      expect(await queue(`?q=${encodeURIComponent(q)}`), q).toEqual(['helene']);
    }
    expect(await queue(`?q=${encodeURIComponent('el-idrissi')}`)).toEqual(['youssef']);
    expect(await queue('?q=amina')).toEqual(['amina']);
    expect(await queue('?q=nobody')).toEqual([]);
  });

  it('searches names in Arabic script with or without harakat and tatweel', async () => {
    for (const q of ['يوسف', 'يُوسُف', 'الإدريسي', 'ادريسي', 'يوسف الادريسي', 'يـــوسف']) {
      expect(await queue(`?q=${encodeURIComponent(q)}`), q).toEqual(['youssef']);
    }
    for (const q of ['بنعلي', 'بنعـلي', 'أمينة', 'امينه']) {
      expect(await queue(`?q=${encodeURIComponent(q)}`), q).toEqual(['amina']);
    }
  });

  it('finds a request by a piece of its reference, with or without dashes, in any case', async () => {
    for (const q of ['PAR-D-7K3M-Q9XD', '7k3m', 'q9xd', '7K3MQ9XD', 'par-d-7k3m']) {
      expect(await queue(`?q=${encodeURIComponent(q)}`), q).toEqual(['amina']);
    }
    expect(await queue('?q=K4RM&status=more_info_requested')).toEqual(['karim']);
  });

  it('counts each status in the same scope and under the same filters', async () => {
    const counts = async (query: string, cookie = cookies['agent.par']!) => {
      const response = await get(`${base()}/counts${query}`, cookie);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().counts;
    };
    const none = {
      submitted: 0,
      more_info_requested: 0,
      accepted: 0,
      rejected: 0,
      withdrawn: 0,
      completed: 0,
      expired: 0,
    };
    // Not the legalization request (another department), the Dubai one, nor the draft.
    expect(await counts('')).toEqual({ ...none, submitted: 3, more_info_requested: 1, accepted: 1 });
    expect(await counts('', cookies['admin.par'])).toEqual({
      ...none,
      submitted: 4,
      more_info_requested: 1,
      accepted: 1,
    });
    expect(await counts(`?serviceId=${ctx.ids.services.passportMinor}`)).toEqual({ ...none, submitted: 1 });
    expect(await counts('?q=amina')).toEqual({ ...none, submitted: 1 });
    expect(await counts('?q=naciri')).toEqual({ ...none, more_info_requested: 1 });
  });

  it('pages a search and a status with the same cursor', async () => {
    const first = await get(`${base()}?status=submitted&q=e&limit=1`, cookies['admin.par']!);
    const page = first.json();
    expect(page.requests.map((r: { id: string }) => r.id)).toEqual([ids.amina]);
    const second = await get(`${base()}?status=submitted&q=e&limit=1&after=${page.next}`, cookies['admin.par']!);
    expect(second.json().requests.map((r: { id: string }) => r.id)).toEqual([ids.helene]);
  });

  it('gives the next request to open: the oldest under the same filters nobody else has open', async () => {
    const next = async (query: string, cookie = cookies['agent.par']!) => {
      const response = await get(`${base()}/next${query}`, cookie);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().request?.id ?? null;
    };
    expect(await next('')).toBe(ids.amina);
    expect(await next(`?current=${ids.amina}`)).toBe(ids.helene);
    expect(await next(`?serviceId=${ctx.ids.services.passportMinor}`)).toBe(ids.youssef);
    expect(await next('?q=nobody')).toBeNull();
    // The admin opens the oldest: the agent's next one is the one after.
    const lock = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${ids.amina}/review-lock`,
      headers: { cookie: cookies['admin.par']! },
    });
    expect(lock.json().isHeldByYou).toBe(true);
    expect(await next('')).toBe(ids.helene);
    expect(await next('', cookies['admin.par'])).toBe(ids.amina);
    // …and the queue shows who has it open.
    const listed = await get(base(), cookies['agent.par']!);
    const amina = listed.json().requests.find((r: { id: string }) => r.id === ids.amina);
    expect(amina.reviewer).toMatchObject({ name: 'admin.par@mawid.example' });
  });

  it('answers 404 to another consulate’s staff and 403 to other roles on the queue, counts and next', async () => {
    for (const path of ['', '/counts', '/next']) {
      const other = await get(`${base()}${path}`, cookies['agent.dxb']!);
      expect(other.statusCode, path).toBe(404);
      expect(other.json().code).toBe('CONSULATE_NOT_FOUND');
      for (const who of ['callcenter', 'citizen']) {
        const response = await get(`${base()}${path}`, who === 'citizen' ? citizenCookie : cookies[who]!);
        expect(response.statusCode, `${who} ${path}`).toBe(403);
      }
    }
    // Headquarters reads the network's queues, but does not decide (so is given no next request).
    expect((await get(base(), cookies.hq!)).statusCode).toBe(200);
    expect((await get(`${base()}/next`, cookies.hq!)).statusCode).toBe(403);
  });

  it('refuses a search that is too long or holds a control character', async () => {
    for (const q of ['x'.repeat(101), 'ami\u0007na']) {
      const response = await get(`${base()}?q=${encodeURIComponent(q)}`, cookies['agent.par']!);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields[0].path).toBe('querystring.q');
    }
  });

  it('folds names in SQL exactly as the search words are folded in TypeScript', async () => {
    const samples = [
      'Hélène LEFÈVRE',
      'ŁÓDŹ Øre',
      'El-Idrissi d’Artagnan',
      'يُوسُف الإدْرِيسِيّ',
      'بنعـــلي ٱلمدينة',
      'e\u0301te',
    ];
    for (const sample of samples) {
      const [row] = await queryRows<{ folded: string }>(
        ctx.db,
        sql`SELECT ${foldedSql(sql`${sample}::text`)} AS folded`,
      );
      expect(row!.folded, sample).toBe(foldForSearch(sample));
    }
    expect(foldForSearch('Hélène LEFÈVRE')).toBe('helenelefevre');
    expect(foldForSearch('يُوسُف الإدْرِيسِيّ')).toBe('يوسفالادريسي');
  });
});
