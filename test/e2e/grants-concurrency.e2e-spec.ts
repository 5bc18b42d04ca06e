import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISBURSE_ENDPOINT } from '../../src/grants/disbursements.service';
import { requestHash } from '../../src/idempotency/request-hash';
import { createTestApp, TestApp } from '../support/app';
import { awardGrant, disburse, GrantWorld, grantWorld, postDisbursement, postReview, submittedReport } from '../support/grant-factories';

const BASE = '/api/v1/grants';

interface Totals {
  awarded: string;
  disbursed: string;
  accepted: string;
  returned: string;
  carried: string;
  rows_net: string;
  ledger_disbursed: string;
  ledger_accepted: string;
  ledger_balance: string;
  tranches: string;
}

/**
 * Many requests at once against one grant: the money rules hold in the database (a locked grant
 * row, guarded UPDATEs, CHECK constraints, a unique idempotency key), not only in code.
 */
describe('grants under concurrency', () => {
  let t: TestApp;
  let documentsDir: string;
  beforeAll(async () => {
    documentsDir = mkdtempSync(join(tmpdir(), 'jalin-grants-concurrency-'));
    t = await createTestApp({ env: { DOCUMENTS_DIR: documentsDir, DB_POOL_MAX: '20' } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  /** The grant's running totals next to what its disbursement rows and ledger entries add up to. */
  async function totals(grantId: string): Promise<Totals> {
    const [row] = (await t.dataSource.query(
      `SELECT CAST(g.awarded_amount AS text) AS awarded, CAST(g.disbursed_amount AS text) AS disbursed, CAST(g.accepted_amount AS text) AS accepted,
              CAST(g.returned_amount AS text) AS returned, CAST(g.carried_over_amount AS text) AS carried,
              CAST((SELECT COALESCE(SUM(CASE WHEN d.kind = 'tranche' THEN d.amount ELSE -d.amount END), 0) FROM disbursements d WHERE d.grant_id = g.id) AS text) AS rows_net,
              CAST((SELECT COALESCE(SUM(e.amount), 0) FROM grant_ledger_entries e WHERE e.grant_id = g.id AND e.kind IN ('tranche', 'reversal')) AS text) AS ledger_disbursed,
              CAST((SELECT COALESCE(-SUM(e.amount), 0) FROM grant_ledger_entries e WHERE e.grant_id = g.id AND e.kind = 'expense_accepted') AS text) AS ledger_accepted,
              CAST((SELECT COALESCE(SUM(e.amount), 0) FROM grant_ledger_entries e WHERE e.grant_id = g.id AND e.kind IN ('tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over')) AS text) AS ledger_balance,
              CAST((SELECT count(*) FROM disbursements d WHERE d.grant_id = g.id AND d.kind = 'tranche') AS text) AS tranches
         FROM grants g WHERE g.id = $1`,
      [grantId],
    )) as Totals[];
    return row;
  }

  function expectConsistent(x: Totals): void {
    const [awarded, disbursed, accepted, returned, carried] = [x.awarded, x.disbursed, x.accepted, x.returned, x.carried].map(BigInt);
    expect(disbursed <= awarded).toBe(true);
    expect(accepted <= disbursed).toBe(true);
    expect(accepted + returned + carried <= disbursed).toBe(true);
    expect(x.rows_net).toBe(x.disbursed);
    expect(x.ledger_disbursed).toBe(x.disbursed);
    expect(x.ledger_accepted).toBe(x.accepted);
    expect(BigInt(x.ledger_balance)).toBe(disbursed - accepted - returned - carried);
  }

  it('50 concurrent tranches asking for twice the award: exactly the award is disbursed, every other request is refused, no partial rows', async () => {
    const w = await grantWorld(t);
    const g = await awardGrant(t, w, '1000000');
    const responses = await Promise.all(Array.from({ length: 50 }, () => postDisbursement(t, w, g.id, '40000')));
    const ok = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(ok).toHaveLength(25);
    for (const r of refused) {
      expect([409, 422]).toContain(r.status);
      expect(r.body.detail ?? r.body.errors?.[0]?.message).toBeTruthy();
    }
    expect(refused.every((r) => r.status === 422 && r.body.errors[0].field === 'amount')).toBe(true);
    expect(ok.map((r) => r.body.trancheNumber).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const x = await totals(g.id);
    expect(x.disbursed).toBe('1000000');
    expect(x.tranches).toBe('25');
    expectConsistent(x);
    // Only the successful requests kept their keys; the refused ones left nothing behind.
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = $1', [w.csr.user.id]);
    expect(n).toBe(25);
    const grant = await t.http.get(`${BASE}/${g.id}`).set('Authorization', w.csr.auth);
    expect(grant.body).toMatchObject({ status: 'fully_disbursed', disbursedAmount: '1000000' });
  });

  it('uneven concurrent tranches never pass the award', async () => {
    const w = await grantWorld(t);
    const g = await awardGrant(t, w, '1000003');
    const amounts = Array.from({ length: 40 }, (_, i) => 7_000 + ((i * 7919) % 50_000));
    const responses = await Promise.all(amounts.map((a) => postDisbursement(t, w, g.id, a)));
    const paid = responses.filter((r) => r.status === 201).reduce((sum, r) => sum + BigInt(r.body.amount), 0n);
    expect(responses.every((r) => r.status === 201 || r.status === 422)).toBe(true);
    const x = await totals(g.id);
    expect(BigInt(x.disbursed)).toBe(paid);
    expect(paid <= 1_000_003n).toBe(true);
    // The refusals really were for lack of room: no refused amount would still have fitted.
    const refusedAmounts = amounts.filter((_, i) => responses[i].status === 422);
    expect(refusedAmounts.length).toBeGreaterThan(0);
    expect(BigInt(Math.min(...refusedAmounts)) > 1_000_003n - paid).toBe(true);
    expectConsistent(x);
  });

  it('20 identical requests with one key at once: one tranche, the same answer to all, 19 marked as replayed', async () => {
    const w = await grantWorld(t);
    const g = await awardGrant(t, w, '1000000');
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 20 }, () => postDisbursement(t, w, g.id, '250000', key)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotency-replayed'] === 'true')).toHaveLength(19);
    for (const r of responses) expect(r.body).toEqual(responses[0].body);
    const x = await totals(g.id);
    expect(x).toMatchObject({ disbursed: '250000', tranches: '1' });
    expectConsistent(x);
  });

  it('the same key with different bodies at once: exactly one is done, the others are refused as key reuse', async () => {
    const w = await grantWorld(t);
    const g = await awardGrant(t, w, '1000000');
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => postDisbursement(t, w, g.id, 10_000 + i, key)));
    const ok = responses.filter((r) => r.status === 201);
    expect(ok).toHaveLength(1);
    for (const r of responses.filter((q) => q.status !== 201)) {
      expect(r.status).toBe(422);
      expect(r.body.errors[0].field).toBe('Idempotency-Key');
    }
    expect((await totals(g.id)).disbursed).toBe(ok[0].body.amount);
  });

  it('20 concurrent acceptances asking for twice the money disbursed: exactly what was disbursed is accepted', async () => {
    const w = await grantWorld(t);
    const g = await awardGrant(t, w, '2000000');
    await disburse(t, w, g.id, '1000000');
    const reports = [];
    for (let i = 0; i < 20; i++) reports.push(await submittedReport(t, w, g.id, ['60000', '40000']));
    const responses = await Promise.all(reports.map((r) => postReview(t, w, g.id, r, 'accept')));
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(10);
    for (const r of responses.filter((q) => q.status !== 200)) {
      expect(r.status).toBe(422);
      expect(r.body.detail).toMatch(/would count more spending than the money disbursed/);
    }
    const x = await totals(g.id);
    expect(x.accepted).toBe('1000000');
    expectConsistent(x);
    const [{ accepted_reports, sum }] = await t.dataSource.query(
      `SELECT count(*)::int AS accepted_reports, CAST(COALESCE(SUM(accepted_amount), 0) AS text) AS sum FROM expense_reports WHERE grant_id = $1 AND status = 'accepted'`,
      [g.id],
    );
    expect(accepted_reports).toBe(10);
    expect(sum).toBe('1000000');
    // The refused reports are still waiting for a decision, untouched.
    const [{ waiting }] = await t.dataSource.query(`SELECT count(*)::int AS waiting FROM expense_reports WHERE grant_id = $1 AND status = 'submitted' AND accepted_amount = 0`, [g.id]);
    expect(waiting).toBe(10);
  });

  it('tranches, reversals, acceptances and a settlement racing each other keep every invariant', async () => {
    const w: GrantWorld = await grantWorld(t);
    const g = await awardGrant(t, w, '3000000');
    const first = [await disburse(t, w, g.id, '500000'), await disburse(t, w, g.id, '500000'), await disburse(t, w, g.id, '500000')];
    const reports = [];
    for (let i = 0; i < 6; i++) reports.push(await submittedReport(t, w, g.id, ['150000']));
    const reverse = (id: string) =>
      t.http.post(`${BASE}/${g.id}/disbursements/${id}/reverse`).set('Authorization', w.csr.auth).set('Idempotency-Key', randomUUID()).send({ reason: 'Race test' });
    const storm = await Promise.all([
      ...Array.from({ length: 12 }, () => postDisbursement(t, w, g.id, '250000')),
      ...first.map((d) => reverse(d.id)),
      ...first.map((d) => reverse(d.id)),
      ...reports.map((r) => postReview(t, w, g.id, r, 'accept')),
      t.http.post(`${BASE}/${g.id}/settlement`).set('Authorization', w.csr.auth).send({ returnedAmount: '100000', carriedOverAmount: '50000', note: 'Race test' }),
    ]);
    for (const r of storm) expect([200, 201, 409, 422]).toContain(r.status);
    // Each tranche was reversed at most once.
    const [{ reversals }] = await t.dataSource.query(`SELECT count(*)::int AS reversals FROM disbursements WHERE grant_id = $1 AND kind = 'reversal'`, [g.id]);
    expect(reversals).toBeLessThanOrEqual(3);
    expectConsistent(await totals(g.id));
    const ledger = await t.http.get(`${BASE}/${g.id}/ledger`).set('Authorization', w.csr.auth);
    expect(ledger.body.reconciliation.balanced).toBe(true);
    expect(ledger.body.reconciliation.ledgerBalance).toBe(ledger.body.reconciliation.balanceAtSchool);
  });
  it('answers 409 "still being processed" while another request holds the key, and the retry then goes through', async () => {
    const w = await grantWorld(t);
    const g = await awardGrant(t, w, '1000000');
    const key = randomUUID();
    // Another transaction has claimed the key and not finished (as a request still in flight does).
    const other = new Client({ connectionString: t.databaseUrl });
    other.on('error', () => {});
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`INSERT INTO idempotency_keys (user_id, key, endpoint, request_hash, expires_at) VALUES ($1, $2, 'x', repeat('0', 64), now() + interval '1 day')`, [w.csr.user.id, key]);
      const busy = await postDisbursement(t, w, g.id, '1000', key);
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('idempotency_key_in_progress');
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.headers['content-type']).toMatch(/application\/problem\+json/);
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }
    const retry = await postDisbursement(t, w, g.id, '1000', key);
    expect(retry.status).toBe(201);
    expect((await totals(g.id)).tranches).toBe('1');
  }, 30_000);

  it('answers 409 for a key stored without an answer, and 422 for a key used on another endpoint', async () => {
    const w = await grantWorld(t);
    const g = await awardGrant(t, w, '1000000');
    const key = randomUUID();
    // A claim that was committed without its answer (it cannot happen through the service, which stores both in one transaction).
    const hash = requestHash({ grantId: g.id, amount: '1000', disbursedOn: '2024-03-01', transferReference: `TRF-${key.slice(0, 8)}`, note: null });
    await t.dataSource.query(`INSERT INTO idempotency_keys (user_id, key, endpoint, request_hash, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 day')`, [
      w.csr.user.id,
      key,
      DISBURSE_ENDPOINT,
      hash,
    ]);
    const stuck = await postDisbursement(t, w, g.id, '1000', key);
    expect(stuck.status).toBe(409);
    expect(stuck.body.code).toBe('idempotency_key_in_progress');
    expect((await totals(g.id)).tranches).toBe('0');
    const tranche = await disburse(t, w, g.id, '1000');
    const usedKey = randomUUID();
    expect((await postDisbursement(t, w, g.id, '2000', usedKey)).status).toBe(201);
    const onReverse = await t.http
      .post(`${BASE}/${g.id}/disbursements/${tranche.id}/reverse`)
      .set('Authorization', w.csr.auth)
      .set('Idempotency-Key', usedKey)
      .send({ reason: 'Wrong' });
    expect(onReverse.status).toBe(422);
    expect(onReverse.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', code: 'idempotency_key_reused' });
    expect(onReverse.body.errors[0].message).toContain('POST /api/v1/grants/:id/disbursements');
  });
});
