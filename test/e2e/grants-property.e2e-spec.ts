import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/app';
import { awardGrant, freshProgram, GrantWorld, grantWorld, postDisbursement, postReview, submittedReport } from '../support/grant-factories';

const BASE = '/api/v1/grants';

/**
 * Random sequences per run: 15 by default (a few seconds idle, well under the limit on a loaded
 * machine), more for a deeper search, e.g. `PROPERTY_RUNS=200 npx jest test/e2e/grants-property`.
 * A failure prints its seed; `PROPERTY_SEED=<seed>` replays it.
 */
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 15);
const SEED = process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);
/** Only a guard against a hang: about 2 s a run on a loaded machine is well inside it. */
const TIMEOUT_MS = 120_000 + NUM_RUNS * 10_000;

/** One step of the company or the school; amounts are percentages of what is at stake when the step runs. */
type Op =
  | { kind: 'disburse'; pct: number; rest: boolean }
  | { kind: 'reverse'; pick: number }
  | { kind: 'report'; pcts: number[]; rejectFirst: boolean }
  | { kind: 'settle'; returnedPct: number; carriedPct: number; all: boolean }
  | { kind: 'cancel' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  // `rest`: exactly what is left of the award, so fully disbursed grants are reached often.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('disburse' as const), pct: fc.integer({ min: 1, max: 130 }), rest: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('report' as const), pcts: fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1, maxLength: 3 }), rejectFirst: fc.boolean() }) },
  // `all`: the carried-over share and the whole rest returned, so grants get closed.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('settle' as const), returnedPct: fc.integer({ min: 0, max: 80 }), carriedPct: fc.integer({ min: 0, max: 40 }), all: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const) }) },
);

/** Awards from a few rupiah to beyond 2^53, always sent as digit strings. */
const awardArb = fc.oneof(fc.bigInt({ min: 1n, max: 1_000n }), fc.bigInt({ min: 1_000n, max: 10_000_000_000n }), fc.bigInt({ min: 2n ** 53n, max: 2n ** 62n }));

/** What the API should hold, computed here independently of the implementation. */
interface Model {
  awarded: bigint;
  disbursed: bigint;
  accepted: bigint;
  returned: bigint;
  carried: bigint;
  final: 'closed' | 'cancelled' | null;
  tranches: Array<{ id: string; amount: bigint; reversed: boolean }>;
}

const balance = (m: Model) => m.disbursed - m.accepted - m.returned - m.carried;
const pctOf = (amount: bigint, pct: number) => (amount * BigInt(pct)) / 100n;

function expectedStatus(m: Model): string {
  if (m.final) return m.final;
  if (m.disbursed === 0n) return 'awarded';
  if (m.disbursed < m.awarded) return 'disbursing';
  return m.accepted + m.returned + m.carried > 0n ? 'reporting' : 'fully_disbursed';
}

describe('grant money rules hold for any sequence of operations (property-based)', () => {
  let t: TestApp;
  let documentsDir: string;
  let base: GrantWorld;
  beforeAll(async () => {
    documentsDir = mkdtempSync(join(tmpdir(), 'jalin-grants-property-'));
    t = await createTestApp({ env: { DOCUMENTS_DIR: documentsDir } });
    base = await grantWorld(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  /** Runs one step through the HTTP API, checks the answer against the model, and updates the model. */
  async function step(w: GrantWorld, grantId: string, m: Model, op: Op): Promise<void> {
    switch (op.kind) {
      case 'disburse': {
        const rest = m.awarded - m.disbursed;
        const amount = op.rest && rest > 0n ? rest : pctOf(m.awarded, op.pct) > 0n ? pctOf(m.awarded, op.pct) : 1n;
        const res = await postDisbursement(t, w, grantId, amount.toString());
        const fits = m.final === null && m.disbursed + amount <= m.awarded;
        expect([res.status, res.body.amount]).toEqual(fits ? [201, amount.toString()] : [422, undefined]);
        if (fits) {
          m.disbursed += amount;
          m.tranches.push({ id: res.body.id, amount, reversed: false });
        }
        return;
      }
      case 'reverse': {
        if (m.tranches.length === 0) return;
        const tranche = m.tranches[op.pick % m.tranches.length];
        const res = await t.http
          .post(`${BASE}/${grantId}/disbursements/${tranche.id}/reverse`)
          .set('Authorization', w.csr.auth)
          .set('Idempotency-Key', randomUUID())
          .send({ reason: 'Property test' });
        const expected = tranche.reversed ? 409 : m.final === null && balance(m) >= tranche.amount ? 201 : 422;
        expect(res.status).toBe(expected);
        if (expected === 201) {
          m.disbursed -= tranche.amount;
          tranche.reversed = true;
        }
        return;
      }
      case 'report': {
        const open = balance(m);
        const amounts = op.pcts.map((p) => (pctOf(open, p) > 0n ? pctOf(open, p) : 1000n));
        if (m.final !== null) {
          const refused = await t.http.post(`${BASE}/${grantId}/expense-reports`).set('Authorization', w.principal.auth).send({ title: 'Late report' });
          expect(refused.status).toBe(422);
          return;
        }
        const report = await submittedReport(t, w, grantId, amounts.map(String));
        const reject = op.rejectFirst && amounts.length > 1 ? [report.lines[0].id] : [];
        const acceptedSum = amounts.reduce((s, a, i) => (reject.includes(report.lines[i].id) ? s : s + a), 0n);
        const res = await postReview(t, w, grantId, report, 'accept', reject);
        if (acceptedSum <= open) {
          expect([res.status, res.body.acceptedAmount]).toEqual([200, acceptedSum.toString()]);
          m.accepted += acceptedSum;
        } else {
          expect(res.status).toBe(422);
          // Refused: the report goes back to the school, so nothing is left waiting for review.
          expect((await postReview(t, w, grantId, report, 'return')).status).toBe(200);
        }
        return;
      }
      case 'settle': {
        const open = balance(m);
        const carried = pctOf(open, op.carriedPct);
        const returned = op.all ? open - carried : pctOf(open, op.returnedPct);
        const res = await t.http
          .post(`${BASE}/${grantId}/settlement`)
          .set('Authorization', w.csr.auth)
          .send({ returnedAmount: returned.toString(), carriedOverAmount: carried.toString(), note: 'Property test' });
        const allowed = m.final === null && m.disbursed > 0n && returned + carried <= open && (returned + carried > 0n || open === 0n);
        expect(res.status).toBe(allowed ? 200 : 422);
        if (allowed) {
          m.returned += returned;
          m.carried += carried;
          if (balance(m) === 0n && m.disbursed === m.awarded) m.final = 'closed';
        }
        return;
      }
      case 'cancel': {
        const res = await t.http.post(`${BASE}/${grantId}/cancel`).set('Authorization', w.csr.auth).send({ reason: 'Property test' });
        const allowed = m.final === null && balance(m) === 0n;
        expect(res.status).toBe(allowed ? 200 : 422);
        if (allowed) m.final = 'cancelled';
        return;
      }
    }
  }

  /** The invariants, read back through the API and straight from the database. */
  async function check(w: GrantWorld, grantId: string, m: Model): Promise<void> {
    const grant = (await t.http.get(`${BASE}/${grantId}`).set('Authorization', w.csr.auth)).body;
    expect(grant).toMatchObject({
      awardedAmount: m.awarded.toString(),
      disbursedAmount: m.disbursed.toString(),
      acceptedAmount: m.accepted.toString(),
      returnedAmount: m.returned.toString(),
      carriedOverAmount: m.carried.toString(),
      balanceAtSchool: balance(m).toString(),
      status: expectedStatus(m),
    });
    const [awarded, disbursed, accepted, returned, carried] = ['awardedAmount', 'disbursedAmount', 'acceptedAmount', 'returnedAmount', 'carriedOverAmount'].map((k) => BigInt(grant[k] as string));
    expect(disbursed <= awarded).toBe(true);
    expect(accepted <= disbursed).toBe(true);
    expect(accepted + returned + carried <= disbursed).toBe(true);

    const ledger = (await t.http.get(`${BASE}/${grantId}/ledger`).set('Authorization', w.csr.auth)).body as {
      entries: Array<{ kind: string; amount: string; movesBalance: boolean; balanceAtSchool: string }>;
      reconciliation: Record<string, string | boolean>;
    };
    let running = 0n;
    for (const e of ledger.entries) {
      if (['tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over'].includes(e.kind)) running += BigInt(e.amount);
      expect(e.balanceAtSchool).toBe(running.toString());
      expect(running >= 0n).toBe(true);
    }
    expect(ledger.reconciliation).toMatchObject({
      awarded: m.awarded.toString(),
      disbursed: m.disbursed.toString(),
      accepted: m.accepted.toString(),
      balanceAtSchool: balance(m).toString(),
      ledgerBalance: running.toString(),
      balanced: true,
    });
    const disbursements = (await t.http.get(`${BASE}/${grantId}/disbursements`).set('Authorization', w.csr.auth)).body.items as Array<{ kind: string; amount: string }>;
    const net = disbursements.reduce((s, d) => s + (d.kind === 'tranche' ? BigInt(d.amount) : -BigInt(d.amount)), 0n);
    expect(net).toBe(m.disbursed);
    const [row] = await t.dataSource.query(
      `SELECT CAST(COALESCE(SUM(amount) FILTER (WHERE kind IN ('award', 'award_change')), 0) AS text) AS awarded,
              CAST(COALESCE(-SUM(amount) FILTER (WHERE kind = 'expense_accepted'), 0) AS text) AS accepted
         FROM grant_ledger_entries WHERE grant_id = $1`,
      [grantId],
    );
    expect(row).toEqual({ awarded: m.awarded.toString(), accepted: m.accepted.toString() });
  }

  it('disbursed ≤ awarded, accepted ≤ disbursed, and the ledger balances, after every random sequence', async () => {
    await fc.assert(
      fc.asyncProperty(awardArb, fc.array(opArb, { minLength: 1, maxLength: 8 }), async (award, ops) => {
        const w = await freshProgram(t, base);
        const grant = await awardGrant(t, w, award.toString());
        const model: Model = { awarded: award, disbursed: 0n, accepted: 0n, returned: 0n, carried: 0n, final: null, tranches: [] };
        for (const op of ops) await step(w, grant.id, model, op);
        await check(w, grant.id, model);
      }),
      { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
    );
  }, TIMEOUT_MS);
});
