import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { assign, insertPartnership, mentoringWorld, MentoringWorld } from '../support/mentoring-factories';

const ASSIGNMENTS = '/api/v1/mentoring/assignments';

/** The choices the portal offers: whom a CSR officer can assign where, and whom a facilitator can name as attendees. */
describe('mentoring choices', () => {
  let t: TestApp;
  let w: MentoringWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await mentoringWorld(t);
  });
  afterAll(() => t.close());

  const get = (url: string, who: { auth: string }) => t.http.get(url).set('Authorization', who.auth);

  it('offers the CSR officer the facilitators of the program and its running partner schools for a year', async () => {
    const paused = await createOrganization(t.dataSource, 'school', { name: 'SD Jeda' });
    await insertPartnership(t.dataSource, w.programId, w.company.id, paused.id, 'paused');
    const res = await get(`${ASSIGNMENTS}/candidates?programYearId=${w.yearId}`, w.csr);
    expect(res.status).toBe(200);
    expect(res.body.programYear).toMatchObject({ id: w.yearId, programId: w.programId });
    expect(res.body.facilitators.map((f: { id: string }) => f.id).sort()).toEqual([w.facilitator.user.id, w.facilitator2.user.id].sort());
    expect(res.body.facilitators[0].organization).toMatchObject({ id: w.facilitatorOrg.id });
    expect(res.body.schools).toEqual([expect.objectContaining({ id: w.school.id, partnershipStatus: 'active' })]);
  });

  it("refuses other companies' years (422 naming programYearId) and roles that do not assign (403)", async () => {
    const other = await mentoringWorld(t);
    const res = await get(`${ASSIGNMENTS}/candidates?programYearId=${other.yearId}`, w.csr);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'programYearId' });
    expect((await get(`${ASSIGNMENTS}/candidates?programYearId=${w.yearId}`, w.facilitator)).status).toBe(403);
    expect((await get(`${ASSIGNMENTS}/candidates`, w.csr)).status).toBe(422);
  });

  it('lists the people of the school and of the facilitator organisation as possible named attendees, to those who see the assignment', async () => {
    const a = await assign(t, w);
    const colleague = await signedIn(t.dataSource, t.http, 'principal', { organization: w.school, fullName: 'Guru Penggerak' });
    const res = await get(`${ASSIGNMENTS}/${a.id}/attendees`, w.facilitator);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([w.principal.user.id, colleague.user.id, w.facilitator.user.id, w.facilitator2.user.id]));
    expect(res.body.items[0].organizationId).toBe(w.school.id);
    expect(ids).not.toContain(w.csr.user.id);
    const other = await mentoringWorld(t);
    expect((await get(`${ASSIGNMENTS}/${a.id}/attendees`, other.facilitator)).status).toBe(404);
  });
});
