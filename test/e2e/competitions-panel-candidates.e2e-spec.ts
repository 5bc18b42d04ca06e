import { createTestApp, TestApp } from '../support/app';
import { competitionWorld, CompetitionWorld, createCompetition, SignedIn, submitEntry } from '../support/competition-factories';
import { createUser, signedIn } from '../support/factories';

const BASE = '/api/v1/competitions';

describe('competition panel: the judges to choose from, and conflict reasons in the reader’s language', () => {
  let t: TestApp;
  let w: CompetitionWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await competitionWorld(t, { schools: 2 });
  });
  afterAll(() => t.close());

  const get = (who: SignedIn, url: string, lang?: string) => {
    const req = t.http.get(url).set('Authorization', who.auth);
    return lang ? req.set('Accept-Language', lang) : req;
  };

  it('offers the active users with the judge role of any organisation, by name, marking those on the panel', async () => {
    const c = await createCompetition(t, w, {}, 'open');
    const tag = `Kandidat ${Date.now().toString(36)}`;
    const a = await signedIn(t.dataSource, t.http, 'judge', { fullName: `${tag} Anwar` });
    const b = await createUser(t.dataSource, 'judge', { fullName: `${tag} Budi` });
    await createUser(t.dataSource, 'judge', { fullName: `${tag} Cahya (nonaktif)`, disabledAt: new Date() });
    await createUser(t.dataSource, 'facilitator', { fullName: `${tag} Fasilitator` });
    expect((await t.http.post(`${BASE}/${c.id}/judges`).set('Authorization', w.csr.auth).send({ userId: a.user.id })).status).toBe(201);

    const res = await get(w.csr, `${BASE}/${c.id}/judge-candidates?q=${encodeURIComponent(tag.toLowerCase())}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ userId: a.user.id, fullName: `${tag} Anwar`, email: a.user.email, onPanel: true, organization: expect.objectContaining({ id: a.user.organizationId }) }),
      expect.objectContaining({ userId: b.id, fullName: `${tag} Budi`, onPanel: false }),
    ]);
    const byEmail = await get(w.csr, `${BASE}/${c.id}/judge-candidates?q=${encodeURIComponent(b.email.toUpperCase())}`);
    expect(byEmail.body.items.map((i: { userId: string }) => i.userId)).toEqual([b.id]);
    expect((await get(w.csr, `${BASE}/${c.id}/judge-candidates?limit=1`)).body.items).toHaveLength(1);
    expect((await get(w.csr, `${BASE}/${c.id}/judge-candidates?limit=0`)).status).toBe(422);

    expect((await get(a, `${BASE}/${c.id}/judge-candidates`)).status).toBe(403);
    const otherCsr = await signedIn(t.dataSource, t.http, 'csr_officer');
    expect((await get(otherCsr, `${BASE}/${c.id}/judge-candidates`)).status).toBe(404);
  });

  it('gives the conflict reasons in Bahasa Indonesia when asked, English otherwise', async () => {
    const c = await createCompetition(t, w, {}, 'open');
    await submitEntry(t, w.schools[0], c.id, c.categories[0].id, { title: 'Karya Bahasa' });
    const judge = await signedIn(t.dataSource, t.http, 'judge', { fullName: 'Juri Dwibahasa' });
    expect((await t.http.post(`${BASE}/${c.id}/judges`).set('Authorization', w.csr.auth).send({ userId: judge.user.id })).status).toBe(201);
    const declared = await t.http.post(`${BASE}/${c.id}/conflicts`).set('Authorization', judge.auth).send({ schoolId: w.schools[0].school.id, reason: 'Adik saya guru di sana.' });
    expect(declared.status).toBe(201);

    const id = await get(w.csr, `${BASE}/${c.id}/conflicts`, 'id');
    expect(id.body.items).toEqual([expect.objectContaining({ reasons: [{ code: 'declared', reason: expect.stringContaining('Juri Dwibahasa menyatakan konflik kepentingan dengan') }] })]);
    const en = await get(w.csr, `${BASE}/${c.id}/conflicts`);
    expect(en.body.items[0].reasons[0].reason).toContain('Juri Dwibahasa declared a conflict of interest with');

    const byCategory = await t.http
      .post(`${BASE}/${c.id}/assignments/by-category`)
      .set('Authorization', w.csr.auth)
      .set('Accept-Language', 'id')
      .send({ categoryId: c.categories[0].id, judgesPerEntry: 1 });
    expect(byCategory.status).toBe(200);
    expect(byCategory.body.skipped).toEqual([expect.objectContaining({ judge: { id: judge.user.id, fullName: 'Juri Dwibahasa' }, reasons: [expect.objectContaining({ code: 'declared', reason: expect.stringContaining('menyatakan konflik') })] })]);
  });
});
