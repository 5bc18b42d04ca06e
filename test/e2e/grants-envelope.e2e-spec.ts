import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/app';
import { signedIn } from '../support/factories';
import { awardGrant, grantWorld, planOfAnotherSchool } from '../support/grant-factories';

// The room a program year's envelope leaves for awards is read from the year itself
// (GET /programs/{id}/years/{yearId}): the same sum the award checks.

describe("a program year's grant envelope", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const yearUrl = (w: { program: { id: string }; year: { id: string } }) => `/api/v1/programs/${w.program.id}/years/${w.year.id}`;

  it('shows the envelope, what live grants take of it and the room left, the same sum the award checks', async () => {
    const w = await grantWorld(t, { envelope: '100000000' });
    const empty = await t.http.get(yearUrl(w)).set('Authorization', w.csr.auth);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ id: w.year.id, programId: w.program.id, budgetEnvelope: '100000000', grantsCommitted: '0', budgetRemaining: '100000000', readOnly: false });

    const first = await awardGrant(t, w, '60000000');
    const second = await planOfAnotherSchool(t, w);
    const taken = await t.http.get(yearUrl(w)).set('Authorization', w.csr.auth);
    expect(taken.body).toMatchObject({ grantsCommitted: '60000000', budgetRemaining: '40000000' });
    const over = await t.http.post('/api/v1/grants').set('Authorization', w.csr.auth).send({ planId: second.plan.id, awardedAmount: '40000001', fundedBudgetLineIds: [w.lines.books.id] });
    expect(over.status).toBe(422);

    // A cancelled grant gives its award back to the envelope.
    await t.http.post(`/api/v1/grants/${first.id}/cancel`).set('Authorization', w.csr.auth).send({ reason: 'Plan redrafted' }).expect(200);
    const back = await t.http.get(yearUrl(w)).set('Authorization', w.csr.auth);
    expect(back.body).toMatchObject({ grantsCommitted: '0', budgetRemaining: '100000000' });
  });

  it("says when the year is closed, hides other companies' years (404) and shows the money only to the company and admins", async () => {
    const closed = await grantWorld(t, { yearStatus: 'closed' });
    const res = await t.http.get(yearUrl(closed)).set('Authorization', closed.csr.auth);
    expect(res.body).toMatchObject({ status: 'closed', readOnly: true });

    const other = await grantWorld(t);
    expect((await t.http.get(yearUrl(closed)).set('Authorization', other.csr.auth)).status).toBe(404);
    expect((await t.http.get(`/api/v1/programs/${closed.program.id}/years/${randomUUID()}`).set('Authorization', closed.csr.auth)).status).toBe(404);
    const school = await t.http.get(yearUrl(closed)).set('Authorization', closed.principal.auth);
    expect(school.status).toBe(200);
    expect(school.body).toMatchObject({ grantsCommitted: null, budgetRemaining: null });
    expect((await t.http.get(`/api/v1/programs/${closed.program.id}/years/x`).set('Authorization', other.csr.auth)).status).toBe(422);
    const admin = await signedIn(t.dataSource, t.http, 'admin');
    const asAdmin = await t.http.get(yearUrl(closed)).set('Authorization', admin.auth);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.grantsCommitted).toBe('0');
  });
});
