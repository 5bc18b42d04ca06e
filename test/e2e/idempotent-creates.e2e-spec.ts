import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { requestHash } from '../../src/idempotency/request-hash';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { competitionWorld, createCompetition } from '../support/competition-factories';
import { awardGrant, grantWorld } from '../support/grant-factories';
import { tempDocumentsDir } from '../support/mou-factories';
import { insertPartnership, planWorld } from '../support/plan-factories';

type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/**
 * One record-creating route of the school that takes an optional Idempotency-Key: who posts, where,
 * a body and another body, the same request by another user, how many records there are, and what a
 * second identical request without a key does (as before: a second record, or 409 for a record a
 * school keeps once).
 */
interface Route {
  who: SignedIn;
  url: string;
  body: Record<string, unknown>;
  otherBody: Record<string, unknown>;
  /** Another user making the same request (their own record, never the first user's answer). */
  stranger: { who: SignedIn; url: string; body: Record<string, unknown> };
  /** The records of the kind the route makes, where the first user's and the stranger's land. */
  records(): Promise<number>;
  withoutKey: 'second_record' | 'conflict';
  /** The id of the record an answer made (by default the answer's id). */
  madeId?: (body: { id: string; lines?: Array<{ id: string }> }) => string;
}

describe('optional Idempotency-Key on the school’s record-creating writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: tempDocumentsDir() } });
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const post = (who: SignedIn, url: string, body: Record<string, unknown>, key?: string) => {
    const req = t.http.post(url).set('Authorization', who.auth);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  const ROUTES: Record<string, () => Promise<Route>> = {
    'POST /grants/{id}/expense-reports': async () => {
      const w = await grantWorld(t);
      const g = await awardGrant(t, w, '50000000');
      const line = { spentOn: '2024-03-10', description: 'Buku cerita', budgetLineId: w.lines.books.id, amount: '1500000' };
      const colleague = await signedIn(t.dataSource, t.http, 'principal', { organization: w.school });
      const url = `/api/v1/grants/${g.id}/expense-reports`;
      const body = { title: 'Belanja buku', lines: [line] };
      return {
        who: w.principal,
        url,
        body,
        otherBody: { title: 'Belanja rak', lines: [line] },
        stranger: { who: colleague, url, body },
        records: () => count('SELECT count(*) AS n FROM expense_reports WHERE grant_id = $1', [g.id]),
        withoutKey: 'second_record',
      };
    },
    'POST /grants/{id}/expense-reports/{reportId}/lines': async () => {
      const w = await grantWorld(t);
      const g = await awardGrant(t, w, '50000000');
      const report = await post(w.principal, `/api/v1/grants/${g.id}/expense-reports`, { title: 'Belanja buku' });
      expect(report.status).toBe(201);
      const colleague = await signedIn(t.dataSource, t.http, 'principal', { organization: w.school });
      const url = `/api/v1/grants/${g.id}/expense-reports/${report.body.id}/lines`;
      const body = { spentOn: '2024-03-10', description: 'Buku cerita', budgetLineId: w.lines.books.id, amount: '1500000' };
      return {
        who: w.principal,
        url,
        body,
        otherBody: { ...body, amount: '1600000' },
        stranger: { who: colleague, url, body },
        records: () => count('SELECT count(*) AS n FROM expense_lines WHERE report_id = $1', [report.body.id]),
        withoutKey: 'second_record',
        // The answer is the report; the new line is its last.
        madeId: (b) => b.lines![b.lines!.length - 1].id,
      };
    },
    'POST /competitions/{id}/entries': async () => {
      const w = await competitionWorld(t, { schools: 2 });
      const competition = await createCompetition(t, w, {}, 'open');
      const url = `/api/v1/competitions/${competition.id}/entries`;
      const body = { categoryId: competition.categories[0].id, title: 'Pojok Baca Siaga Bencana', summary: 'Setiap kelas membaca cerita tentang bencana.' };
      return {
        who: w.schools[0].principal,
        url,
        body,
        otherBody: { ...body, title: 'Pojok Baca Ramah Anak' },
        // The principal of another school entering the same category: its own entry.
        stranger: { who: w.schools[1].principal, url, body },
        records: () => count('SELECT count(*) AS n FROM competition_entries WHERE competition_id = $1', [competition.id]),
        withoutKey: 'conflict',
      };
    },
    'POST /plans': async () => {
      const w = await planWorld(t.dataSource, t.http);
      const neighbour = await createOrganization(t.dataSource, 'school', { regionCode: '63.71' });
      await insertPartnership(t.dataSource, w.program, neighbour.id);
      const neighbourPrincipal = await signedIn(t.dataSource, t.http, 'principal', { organization: neighbour });
      const body = {
        programYearId: w.year.id,
        title: 'Rencana Program 2026',
        content: { programs: [{ topic: 'literacy', name: 'Pojok Baca', budgetLines: [{ item: 'Buku', quantity: 10, unitCost: 45000, fundingSource: 'stimulus_grant' }] }] },
      };
      return {
        who: w.principal,
        url: '/api/v1/plans',
        body,
        otherBody: { ...body, title: 'Rencana Program 2026 (revisi)' },
        // The principal of another school of the program starting the same year's plan: its own plan.
        stranger: { who: neighbourPrincipal, url: '/api/v1/plans', body },
        records: () => count('SELECT count(*) AS n FROM plans WHERE program_year_id = $1', [w.year.id]),
        withoutKey: 'conflict',
      };
    },
    'POST /plans/{id}/comments': async () => {
      const w = await planWorld(t.dataSource, t.http);
      const plan = await post(w.principal, '/api/v1/plans', { programYearId: w.year.id, title: 'Rencana Program 2026', facilitatorUserId: w.facilitator.user.id });
      expect(plan.status).toBe(201);
      const url = `/api/v1/plans/${plan.body.id}/comments`;
      const body = { body: 'Target 75% kami ambil dari hasil asesmen awal.' };
      return {
        who: w.principal,
        url,
        body,
        otherBody: { body: 'Apakah target 80% realistis?' },
        stranger: { who: w.facilitator, url, body },
        records: () => count('SELECT count(*) AS n FROM plan_comments WHERE plan_id = $1', [plan.body.id]),
        withoutKey: 'second_record',
      };
    },
  };

  describe.each(Object.keys(ROUTES))('%s', (name) => {
    it('makes one record for two identical requests with one key, the second answer replayed', async () => {
      const r = await ROUTES[name]();
      const key = randomUUID();
      const first = await post(r.who, r.url, r.body, key);
      expect(first.status).toBe(201);
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      const again = await post(r.who, r.url, r.body, key);
      expect(again.status).toBe(201);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await r.records()).toBe(1);
    });

    it('refuses the same key with another body (422) and writes nothing', async () => {
      const r = await ROUTES[name]();
      const key = randomUUID();
      expect((await post(r.who, r.url, r.body, key)).status).toBe(201);
      const other = await post(r.who, r.url, r.otherBody, key);
      expect(other.status).toBe(422);
      expect(other.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'idempotency_key_reused' })]);
      expect(await r.records()).toBe(1);
    });

    it('behaves as before without a key', async () => {
      const r = await ROUTES[name]();
      const first = await post(r.who, r.url, r.body);
      expect(first.status).toBe(201);
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      const second = await post(r.who, r.url, r.body);
      const made = r.madeId ?? ((b: { id: string }) => b.id);
      if (r.withoutKey === 'second_record') {
        expect(second.status).toBe(201);
        expect(made(second.body)).not.toBe(made(first.body));
        expect(await r.records()).toBe(2);
      } else {
        expect(second.status).toBe(409);
        expect(second.body.existingId).toBe(first.body.id);
        expect(await r.records()).toBe(1);
      }
      expect(await count('SELECT count(*) AS n FROM idempotency_keys WHERE user_id = $1', [r.who.user.id])).toBe(0);
    });

    it("never answers one user's request with another user's key", async () => {
      const r = await ROUTES[name]();
      const key = randomUUID();
      const mine = await post(r.who, r.url, r.body, key);
      expect(mine.status).toBe(201);
      const theirs = await post(r.stranger.who, r.stranger.url, r.stranger.body, key);
      expect(theirs.status).toBe(201);
      expect(theirs.headers['idempotency-replayed']).toBeUndefined();
      const made = r.madeId ?? ((b: { id: string }) => b.id);
      expect(made(theirs.body)).not.toBe(made(mine.body));
      expect(await r.records()).toBe(2);
    });
  });

  it('checks a key it is given (400 when malformed) and keeps a key to the route it was used on', async () => {
    const r = await ROUTES['POST /plans/{id}/comments']();
    for (const bad of ['has space', 'x'.repeat(201), 'kunci-é']) {
      const res = await post(r.who, r.url, r.body, bad);
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    expect(await r.records()).toBe(0);
    // An empty header is no key.
    expect((await post(r.who, r.url, r.body, '')).status).toBe(201);
    const key = randomUUID();
    expect((await post(r.who, r.url, r.body, key)).status).toBe(201);
    const elsewhere = await post(r.who, '/api/v1/plans', { programYearId: randomUUID(), title: 'x' }, key);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', code: 'idempotency_key_reused' });
  });

  it('lets two identical requests racing with one key make one record: the later one waits and gets the replay', async () => {
    for (const name of ['POST /competitions/{id}/entries', 'POST /grants/{id}/expense-reports']) {
      const r = await ROUTES[name]();
      const key = randomUUID();
      const answers = await Promise.all([post(r.who, r.url, r.body, key), post(r.who, r.url, r.body, key)]);
      expect(answers.map((a) => a.status)).toEqual([201, 201]);
      expect(answers.filter((a) => a.headers['idempotency-replayed'] === 'true')).toHaveLength(1);
      expect(answers[0].body).toEqual(answers[1].body);
      expect(await r.records()).toBe(1);
    }
  });

  it("reads a plan's template as understood: amounts as numbers or digit strings, new items without ids, are the same request", async () => {
    const r = await ROUTES['POST /plans']();
    const key = randomUUID();
    const first = await post(r.who, r.url, r.body, key);
    expect(first.status).toBe(201);
    const sameInWords = {
      ...r.body,
      content: { programs: [{ topic: 'literacy', name: ' Pojok Baca ', budgetLines: [{ item: 'Buku', quantity: 10, unitCost: '45000', fundingSource: 'stimulus_grant' }] }] },
    };
    const again = await post(r.who, r.url, sameInWords, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body.content.programs[0].id).toBe(first.body.content.programs[0].id);
  });

  it('answers 409 with Retry-After while the first request with the key is still in flight', async () => {
    const routes: Route[] = [];
    for (const setup of Object.values(ROUTES)) routes.push(await setup());
    const key = randomUUID();
    // Another transaction holds each user's key, as a first request still being processed does.
    const client = new Client({ connectionString: t.databaseUrl });
    client.on('error', () => {});
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const r of routes) {
        await client.query(
          `INSERT INTO idempotency_keys (user_id, key, endpoint, request_hash, expires_at) VALUES ($1, $2, 'held by the test', $3, now() + interval '1 hour')
           ON CONFLICT DO NOTHING`,
          [r.who.user.id, key, requestHash(null)],
        );
      }
      const answers = await Promise.all(routes.map((r) => post(r.who, r.url, r.body, key)));
      for (const res of answers) {
        expect(res.status).toBe(409);
        expect(res.headers['retry-after']).toBe('1');
        expect(res.body).toMatchObject({ code: 'idempotency_key_in_progress', status: 409 });
      }
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
    for (const r of routes) expect((await post(r.who, r.url, r.body, key)).status).toBe(201);
  });

  it('documents the optional header on each of these routes', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const routes: Array<[string, string]> = [
      ['/api/v1/grants/{id}/expense-reports', 'post'],
      ['/api/v1/grants/{id}/expense-reports/{reportId}/lines', 'post'],
      ['/api/v1/competitions/{id}/entries', 'post'],
      ['/api/v1/plans', 'post'],
      ['/api/v1/plans/{id}/comments', 'post'],
    ];
    for (const [path, method] of routes) {
      const header = doc.paths[path][method].parameters.find((p: { name: string }) => p.name === 'Idempotency-Key');
      expect(header).toMatchObject({ in: 'header', required: false });
      expect(header.description).toMatch(/^Optional\. /);
    }
    const disbursement = doc.paths['/api/v1/grants/{id}/disbursements'].post.parameters.find((p: { name: string }) => p.name === 'Idempotency-Key');
    expect(disbursement.required).toBe(true);
  });
});
