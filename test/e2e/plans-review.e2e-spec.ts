import { createTestApp, TestApp } from '../support/app';
import { completeContent, isoDay, planWorld, PlanWorld, SignedIn } from '../support/plan-factories';

const BASE = '/api/v1/plans';

// The reviewer's side of plans: a decision names the version read (409 when the plan changed since),
// and the list finds the late plans as the portfolio report counts them.
describe('plans: review', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const world = (options: Parameters<typeof planWorld>[2] = {}) => planWorld(t.dataSource, t.http, options);

  async function draft(w: PlanWorld) {
    const res = await t.http
      .post(BASE)
      .set('Authorization', w.principal.auth)
      .send({ programYearId: w.year.id, title: 'Rencana Program 2026', facilitatorUserId: w.facilitator.user.id, content: completeContent() });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  }

  const post = (who: SignedIn, id: string, action: string, body?: Record<string, unknown>) => {
    const req = t.http.post(`${BASE}/${id}/${action}`).set('Authorization', who.auth);
    return body === undefined ? req : req.send(body);
  };

  it('approves with or without the version read; a plan changed since the reviewer read it answers 409 and stays as it is', async () => {
    const w = await world();
    const plan = await draft(w);
    const read = (await post(w.principal, plan.id, 'submit')).body as { version: number };

    // Meanwhile the facilitator sends it back and the school resubmits: the CSR officer's copy is stale.
    expect((await post(w.facilitator, plan.id, 'request-changes', { comment: 'Tambahkan indikator orang tua.', version: read.version })).status).toBe(200);
    const resubmitted = (await post(w.principal, plan.id, 'submit')).body as { version: number; status: string };
    expect(resubmitted.status).toBe('submitted');

    const stale = await post(w.csr, plan.id, 'approve', { version: read.version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version' });
    const staleChanges = await post(w.csr, plan.id, 'request-changes', { comment: 'Lagi.', version: read.version });
    expect(staleChanges.status).toBe(409);
    const still = await t.http.get(`${BASE}/${plan.id}`).set('Authorization', w.csr.auth);
    expect(still.body).toMatchObject({ status: 'submitted', version: resubmitted.version });

    const approved = await post(w.csr, plan.id, 'approve', { version: resubmitted.version });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');

    // Without a body, as before.
    const w2 = await world();
    const p2 = await draft(w2);
    await post(w2.principal, p2.id, 'submit');
    expect((await post(w2.csr, p2.id, 'approve')).body.status).toBe('approved');
  });

  it('refuses a version that is not a whole number of 1 or more, naming it', async () => {
    const w = await world();
    const plan = await draft(w);
    await post(w.principal, plan.id, 'submit');
    const bad = await post(w.csr, plan.id, 'approve', { version: 0 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['version']);
    const text = await post(w.facilitator, plan.id, 'request-changes', { comment: 'x', version: 'abc' });
    expect(text.status).toBe(422);
  });

  it('lists the late plans (submitted after the deadline, or unsubmitted past it) with late=true, the others with late=false', async () => {
    const late = await world({ yearFields: { planDeadline: isoDay(-1) } });
    const overdue = await draft(late);
    const onTime = await world({ yearFields: { planDeadline: isoDay(5) } });
    const fine = await draft(onTime);
    const ids = async (who: SignedIn, query: string) =>
      ((await t.http.get(`${BASE}?${query}`).set('Authorization', who.auth)).body.items as Array<{ id: string }>).map((p) => p.id);

    expect(await ids(late.csr, `programYearId=${late.year.id}&late=true`)).toEqual([overdue.id]);
    expect(await ids(late.csr, `programYearId=${late.year.id}&late=false`)).toEqual([]);
    await post(late.principal, overdue.id, 'submit');
    expect(await ids(late.csr, `programYearId=${late.year.id}&late=true&status=submitted`)).toEqual([overdue.id]);
    expect(await ids(onTime.csr, `programYearId=${onTime.year.id}&late=true`)).toEqual([]);
    expect(await ids(onTime.csr, `programYearId=${onTime.year.id}&late=false`)).toEqual([fine.id]);

    const wrong = await t.http.get(`${BASE}?late=maybe`).set('Authorization', late.csr.auth);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['late']);
  });
});
