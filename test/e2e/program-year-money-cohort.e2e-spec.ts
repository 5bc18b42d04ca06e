import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { grantWorld } from '../support/grant-factories';
import { companyWithCsr, insertCohortYears, insertPartnership, insertProgram, insertProgramYear } from '../support/program-factories';

describe('program years: the room left in the envelope, and the cohort', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("shows the company and admins the grants committed and the room left; others read the envelope only", async () => {
    const w = await grantWorld(t, { envelope: '1000000000' });
    const award = await t.http
      .post('/api/v1/grants')
      .set('Authorization', w.csr.auth)
      .send({ planId: w.plan.id, awardedAmount: 75_000_000, fundedBudgetLineIds: [w.lines.books.id] });
    expect(award.status).toBe(201);

    const list = await t.http.get(`/api/v1/programs/${w.program.id}/years`).set('Authorization', w.csr.auth);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: w.year.id, budgetEnvelope: '1000000000', grantsCommitted: '75000000', budgetRemaining: '925000000' });

    const admin = await signedIn(t.dataSource, t.http, 'admin');
    const one = await t.http.get(`/api/v1/programs/${w.program.id}/years/${w.year.id}`).set('Authorization', admin.auth);
    expect(one.body).toMatchObject({ grantsCommitted: '75000000', budgetRemaining: '925000000' });

    const changed = await t.http
      .patch(`/api/v1/programs/${w.program.id}/years/${w.year.id}`)
      .set('Authorization', w.csr.auth)
      .send({ version: one.body.version, budgetEnvelope: '50000000' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ budgetEnvelope: '50000000', grantsCommitted: '75000000', budgetRemaining: '0' });

    const principal = await t.http.get(`/api/v1/programs/${w.program.id}/years/${w.year.id}`).set('Authorization', w.principal.auth);
    expect(principal.status).toBe(200);
    expect(principal.body).toMatchObject({ budgetEnvelope: '50000000', grantsCommitted: null, budgetRemaining: null });
  });

  it("lists a year's cohort by school name: explicit years and years the partnership was active, only those the reader sees", async () => {
    const { company, csr } = await companyWithCsr(t.dataSource, t.http);
    const program = await insertProgram(t.dataSource, company.id, { startYear: 2012 });
    const y2013 = await insertProgramYear(t.dataSource, program.id, 2013);
    const inCity = await createOrganization(t.dataSource, 'school', { name: 'SD Aktif Uji', regionCode: '63.71' });
    const explicitSchool = await createOrganization(t.dataSource, 'school', { name: 'SD Bertanda Uji', regionCode: '64.71' });
    const outside = await createOrganization(t.dataSource, 'school', { name: 'SD Calon Uji', regionCode: '63.71' });
    const active = await insertPartnership(t.dataSource, program, inCity, [{ to: 'active', on: '2012-03-10' }]);
    const explicit = await insertPartnership(t.dataSource, program, explicitSchool, [{ to: 'prospective', on: '2014-01-10' }]);
    await insertCohortYears(t.dataSource, explicit.id, [y2013.id]);
    await insertPartnership(t.dataSource, program, outside, [{ to: 'prospective', on: '2014-01-10' }]);

    const res = await t.http.get(`/api/v1/programs/${program.id}/years/${y2013.id}/cohort`).set('Authorization', csr.auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { partnershipId: active.id, school: { id: inCity.id, name: 'SD Aktif Uji', npsn: inCity.npsn }, status: 'active', explicit: false },
      { partnershipId: explicit.id, school: { id: explicitSchool.id, name: 'SD Bertanda Uji', npsn: explicitSchool.npsn }, status: 'prospective', explicit: true },
    ]);

    const office = await createOrganization(t.dataSource, 'education_office', { regionCode: '63.71' });
    const officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });
    const seen = await t.http.get(`/api/v1/programs/${program.id}/years/${y2013.id}/cohort`).set('Authorization', officer.auth);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i: { partnershipId: string }) => i.partnershipId)).toEqual([active.id]);

    const other = await companyWithCsr(t.dataSource, t.http);
    const hidden = await t.http.get(`/api/v1/programs/${program.id}/years/${y2013.id}/cohort`).set('Authorization', other.csr.auth);
    expect(hidden.status).toBe(404);
    const wrongYear = await t.http.get(`/api/v1/programs/${program.id}/years/${explicit.id}/cohort`).set('Authorization', csr.auth);
    expect(wrongYear.status).toBe(404);
  });
});
