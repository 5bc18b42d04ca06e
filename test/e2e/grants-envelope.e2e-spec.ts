import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app';
import { signedIn } from '../support/factories';
import { awardGrant, grantWorld, planOfAnotherSchool } from '../support/grant-factories';

const URL = '/api/v1/grants/envelope';

describe("a program year's grant envelope", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the envelope, what live grants take of it and the room left, the same sum the award checks', async () => {
    const w = await grantWorld(t, { envelope: '100000000' });
    const empty = await t.http.get(URL).query({ programYearId: w.year.id }).set('Authorization', w.csr.auth);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ programYearId: w.year.id, programId: w.program.id, budgetEnvelope: '100000000', committed: '0', roomLeft: '100000000', readOnly: false });

    const first = await awardGrant(t, w, '60000000');
    const second = await planOfAnotherSchool(t, w);
    const taken = await t.http.get(URL).query({ programYearId: w.year.id }).set('Authorization', w.csr.auth);
    expect(taken.body).toMatchObject({ committed: '60000000', roomLeft: '40000000' });
    const over = await t.http.post('/api/v1/grants').set('Authorization', w.csr.auth).send({ planId: second.plan.id, awardedAmount: '40000001', fundedBudgetLineIds: [w.lines.books.id] });
    expect(over.status).toBe(422);

    // A cancelled grant gives its award back to the envelope.
    await t.http.post(`/api/v1/grants/${first.id}/cancel`).set('Authorization', w.csr.auth).send({ reason: 'Plan redrafted' }).expect(200);
    const back = await t.http.get(URL).query({ programYearId: w.year.id }).set('Authorization', w.csr.auth);
    expect(back.body).toMatchObject({ committed: '0', roomLeft: '100000000' });
  });

  it("says when the year is closed and hides other companies' years (404) from everyone but admins", async () => {
    const closed = await grantWorld(t, { yearStatus: 'closed' });
    const res = await t.http.get(URL).query({ programYearId: closed.year.id }).set('Authorization', closed.csr.auth);
    expect(res.body).toMatchObject({ yearStatus: 'closed', readOnly: true });

    const other = await grantWorld(t);
    expect((await t.http.get(URL).query({ programYearId: closed.year.id }).set('Authorization', other.csr.auth)).status).toBe(404);
    expect((await t.http.get(URL).query({ programYearId: randomUUID() }).set('Authorization', other.csr.auth)).status).toBe(404);
    expect((await t.http.get(URL).query({ programYearId: closed.year.id }).set('Authorization', closed.principal.auth)).status).toBe(403);
    expect((await t.http.get(URL).query({ programYearId: 'x' }).set('Authorization', other.csr.auth)).status).toBe(422);
    expect((await t.http.get(URL).set('Authorization', other.csr.auth)).status).toBe(422);
    const admin = await signedIn(t.dataSource, t.http, 'admin');
    expect((await t.http.get(URL).query({ programYearId: closed.year.id }).set('Authorization', admin.auth)).status).toBe(200);
  });
});
