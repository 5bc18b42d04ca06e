import { randomUUID } from 'node:crypto';
import { DEMO_IDS, DEMO_PASSWORD, DEMO_USERS, loadDemoData } from '../../src/demo/demo';
import { COMPETITION_DEMO_IDS } from '../../src/demo/demo-competitions';
import { PRACTICE_DEMO_IDS } from '../../src/demo/demo-practices';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';
import { assign, fixToday, insertYear, mentoringWorld, MentoringWorld, releaseClock, SignedIn } from '../support/mentoring-factories';

// The library of good practice (horizontal learning) and its sharing sessions: the workflow draft →
// proposed → published | returned, the one deliberate exception to "another organisation's record is
// 404" (a published practice is readable by everyone signed in), search ranking and filters on a
// known set, pre-filled drafts from a completed plan program and from a competition entry, and the
// horizontal-learning events in the schools' timelines.

const BASE = '/api/v1/practices';
const EVENTS = '/api/v1/learning-events';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Practice = { id: string; status: string; version: number; title: string; rank: number | null; school: Record<string, unknown>; evidence?: Array<{ id: string }>; returnedReason: string | null; results: unknown[] };

describe('practices and horizontal-learning events', () => {
  let t: TestApp;
  let w: MentoringWorld;
  /** Another company with its own school: outside w's program. */
  let other: MentoringWorld;
  /** An education office outside w's region. */
  let farOfficer: SignedIn;
  let judge: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    w = await mentoringWorld(t);
    other = await mentoringWorld(t, { regionCode: '64.71' });
    farOfficer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: await createOrganization(t.dataSource, 'education_office', { officeLevel: 'regency', regionCode: '35.78' }) });
    judge = await signedIn(t.dataSource, t.http, 'judge');
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  afterAll(() => t.close());

  const get = (url: string, who: SignedIn) => t.http.get(url).set('Authorization', who.auth);
  const post = (url: string, who: SignedIn, body: Record<string, unknown> = {}) => t.http.post(url).set('Authorization', who.auth).send(body);
  const patch = (url: string, who: SignedIn, body: Record<string, unknown>) => t.http.patch(url).set('Authorization', who.auth).send(body);
  const fields = (res: { body: { errors?: Array<{ field: string }> } }) => (res.body.errors ?? []).map((e) => e.field);

  const practiceBody = (extra: Record<string, unknown> = {}) => ({
    title: 'Pojok Baca Kelas',
    summary: 'Setiap kelas memiliki pojok baca dan siswa membaca 15 menit setiap pagi.',
    topic: 'literacy',
    schoolLevel: 'SD',
    whatWasDone: 'Guru dan orang tua menata pojok baca di 12 kelas; wali kelas memandu membaca setiap pagi.',
    results: [{ indicator: 'Siswa kelas 1–3 yang membaca lancar', value: '78', unit: '%' }],
    year: 2025,
    ...extra,
  });

  async function draft(who: SignedIn = w.principal, extra: Record<string, unknown> = {}): Promise<Practice> {
    const res = await post(BASE, who, practiceBody(extra));
    expect(res.status).toBe(201);
    return res.body as Practice;
  }

  async function published(world: MentoringWorld = w, extra: Record<string, unknown> = {}): Promise<Practice> {
    const p = await draft(world.principal, extra);
    const proposed = await post(`${BASE}/${p.id}/propose`, world.principal, { version: p.version });
    expect(proposed.status).toBe(200);
    const res = await post(`${BASE}/${p.id}/publish`, world.csr, { version: proposed.body.version });
    expect(res.status).toBe(200);
    return res.body as Practice;
  }

  describe('access', () => {
    it('answers 401 without a token on every endpoint', async () => {
      const id = randomUUID();
      const endpoints: Array<['get' | 'post' | 'patch', string]> = [
        ['get', BASE],
        ['get', `${BASE}/prefill`],
        ['post', BASE],
        ['get', `${BASE}/${id}`],
        ['patch', `${BASE}/${id}`],
        ['post', `${BASE}/${id}/propose`],
        ['post', `${BASE}/${id}/publish`],
        ['post', `${BASE}/${id}/return`],
        ['post', `${BASE}/${id}/evidence`],
        ['get', `${BASE}/${id}/evidence/${randomUUID()}`],
        ['get', EVENTS],
        ['post', EVENTS],
        ['get', `${EVENTS}/${id}`],
        ['patch', `${EVENTS}/${id}`],
      ];
      for (const [method, url] of endpoints) expect([method, url, (await t.http[method](url).send({})).status]).toEqual([method, url, 401]);
    });

    it('answers 403 to roles without the permission', async () => {
      const p = await draft();
      expect((await post(BASE, w.csr, practiceBody())).status).toBe(403);
      expect((await post(BASE, w.officer, practiceBody())).status).toBe(403);
      expect((await get(`${BASE}/prefill?entryId=${randomUUID()}`, w.csr)).status).toBe(403);
      expect((await patch(`${BASE}/${p.id}`, w.csr, { ...practiceBody(), version: 1 })).status).toBe(403);
      expect((await post(`${BASE}/${p.id}/propose`, w.facilitator, { version: 1 })).status).toBe(403);
      expect((await post(`${BASE}/${p.id}/publish`, w.principal, { version: 1 })).status).toBe(403);
      expect((await post(`${BASE}/${p.id}/publish`, w.officer, { version: 1 })).status).toBe(403);
      expect((await post(`${BASE}/${p.id}/return`, judge, { version: 1, reason: 'x' })).status).toBe(403);
      expect((await get(EVENTS, judge)).status).toBe(403);
      expect((await post(EVENTS, w.officer, {})).status).toBe(403);
      expect((await patch(`${EVENTS}/${randomUUID()}`, judge, {})).status).toBe(403);
    });

    it('refuses admins acting in a school or company name (422), while they read everything', async () => {
      const p = await draft();
      const res = await post(BASE, admin, practiceBody());
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('rule_violated');
      expect((await post(`${BASE}/${p.id}/publish`, admin, { version: 1 })).status).toBe(422);
      expect((await get(`${BASE}/${p.id}`, admin)).status).toBe(200);
    });
  });

  describe('writing and the workflow', () => {
    it('writes a draft that stays private to its school: every other organisation gets 404, as for a missing record', async () => {
      const p = await draft();
      expect(p).toMatchObject({ status: 'draft', version: 1, title: 'Pojok Baca Kelas', school: { id: w.school.id, name: w.school.name } });
      expect((await get(`${BASE}/${p.id}`, w.principal)).status).toBe(200);
      for (const who of [w.csr, w.facilitator, w.officer, other.principal, other.csr, farOfficer, judge]) {
        const res = await get(`${BASE}/${p.id}`, who);
        expect([who.user.role, res.status, res.body.code]).toEqual([who.user.role, 404, 'not_found']);
        const list = await get(`${BASE}?schoolId=${w.school.id}`, who);
        expect(list.body.items.map((i: Practice) => i.id)).not.toContain(p.id);
      }
      expect((await get(`${BASE}/${randomUUID()}`, w.principal)).status).toBe(404);
      // Another school's principal cannot change it either.
      expect((await patch(`${BASE}/${p.id}`, other.principal, { ...practiceBody(), version: 1 })).status).toBe(404);
      expect((await post(`${BASE}/${p.id}/propose`, other.principal, { version: 1 })).status).toBe(404);
    });

    it('answers 422 naming the field for bad input, and nothing is written', async () => {
      const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM practices'))[0].n;
      const noTitle = await post(BASE, w.principal, practiceBody({ title: ' ' }));
      expect(noTitle.status).toBe(422);
      expect(fields(noTitle)).toEqual(['title']);
      const badResult = await post(BASE, w.principal, practiceBody({ results: [{ indicator: 'Siswa', value: '' }] }));
      expect(fields(badResult)).toEqual(['results[0].value']);
      expect(badResult.body.errors[0].label).toBeDefined();
      expect(fields(await post(BASE, w.principal, practiceBody({ topic: 'cooking' })))).toEqual(['topic']);
      expect(fields(await post(BASE, w.principal, practiceBody({ year: 1990 })))).toEqual(['year']);
      expect(fields(await post(BASE, w.principal, practiceBody({ sourcePlanId: randomUUID(), sourcePlanProgramId: randomUUID() })))).toEqual(['sourcePlanId']);
      expect(fields(await post(BASE, w.principal, practiceBody({ sourceEntryId: randomUUID() })))).toEqual(['sourceEntryId']);
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM practices'))[0].n).toBe(before);
    });

    it('proposes (with at least one result), returns with a reason, changes and publishes; the assigned facilitator may publish too', async () => {
      const p = await draft(w.principal, { results: [] });
      const empty = await post(`${BASE}/${p.id}/propose`, w.principal, { version: p.version });
      expect(empty.status).toBe(422);
      expect(fields(empty)).toEqual(['results']);
      const withResult = await patch(`${BASE}/${p.id}`, w.principal, { ...practiceBody(), version: p.version });
      expect(withResult.status).toBe(200);
      expect((await post(`${BASE}/${p.id}/propose`, w.principal, { version: p.version })).status).toBe(409);
      const proposed = await post(`${BASE}/${p.id}/propose`, w.principal, { version: withResult.body.version });
      expect(proposed.body).toMatchObject({ status: 'proposed' });
      expect(proposed.body.proposedAt).toEqual(expect.any(String));

      // Proposed: the reviewers see it now; others still do not, and it no longer changes.
      expect((await get(`${BASE}/${p.id}`, w.csr)).status).toBe(200);
      expect((await get(`${BASE}/${p.id}`, other.csr)).status).toBe(404);
      expect((await get(`${BASE}/${p.id}`, w.facilitator)).status).toBe(404);
      expect((await patch(`${BASE}/${p.id}`, w.principal, { ...practiceBody(), version: proposed.body.version })).status).toBe(422);
      expect((await post(`${BASE}/${p.id}/publish`, other.csr, { version: proposed.body.version })).status).toBe(404);

      const noReason = await post(`${BASE}/${p.id}/return`, w.csr, { version: proposed.body.version });
      expect(noReason.status).toBe(422);
      expect(fields(noReason)).toEqual(['reason']);
      const returned = await post(`${BASE}/${p.id}/return`, w.csr, { version: proposed.body.version, reason: 'Tambahkan angka awal sebelum program.' });
      expect(returned.body).toMatchObject({ status: 'returned', returnedReason: 'Tambahkan angka awal sebelum program.' });
      expect((await get(`${BASE}/${p.id}`, w.principal)).body.returnedReason).toBe('Tambahkan angka awal sebelum program.');

      const changed = await patch(`${BASE}/${p.id}`, w.principal, { ...practiceBody({ summary: 'Dari 42% menjadi 78% siswa membaca lancar.' }), version: returned.body.version });
      const again = await post(`${BASE}/${p.id}/propose`, w.principal, { version: changed.body.version });
      expect(again.body.status).toBe('proposed');

      // A facilitator reviews once assigned to the school.
      expect((await post(`${BASE}/${p.id}/publish`, w.facilitator, { version: again.body.version })).status).toBe(404);
      await assign(t, w, { programYearId: w.yearId });
      const pub = await post(`${BASE}/${p.id}/publish`, w.facilitator, { version: again.body.version });
      expect(pub.status).toBe(200);
      expect(pub.body).toMatchObject({ status: 'published', returnedReason: null, reviewedByName: 'Dewi Uji' });
      expect((await post(`${BASE}/${p.id}/publish`, w.csr, { version: pub.body.version })).status).toBe(422);
      const steps = (await t.dataSource.query(`SELECT changes -> 'status' ->> 'to' AS "to" FROM audit_events WHERE entity_id = $1 AND action = 'state_change' ORDER BY id`, [p.id])) as Array<{ to: string }>;
      expect(steps.map((s) => s.to)).toEqual(['proposed', 'returned', 'proposed', 'published']);
    });
  });

  describe('the published exception', () => {
    it('lets every signed-in user of every organisation read a published practice, with its evidence and the school\'s public profile only', async () => {
      const p = await draft();
      const upload = await t.http.post(`${BASE}/${p.id}/evidence`).set('Authorization', w.principal.auth).attach('file', PDF, { filename: 'jurnal-membaca.pdf', contentType: 'application/pdf' });
      expect(upload.status).toBe(201);
      expect((await t.http.post(`${BASE}/${p.id}/evidence`).set('Authorization', other.principal.auth).attach('file', PDF, 'x.pdf')).status).toBe(404);
      expect((await get(`${BASE}/${p.id}/evidence/${upload.body.id}`, other.csr)).status).toBe(404);
      const proposed = await post(`${BASE}/${p.id}/propose`, w.principal, { version: p.version });
      await post(`${BASE}/${p.id}/publish`, w.csr, { version: proposed.body.version });
      await t.dataSource.query(`INSERT INTO contacts (organization_id, name, position, phone, email, is_primary) VALUES ($1, 'Ibu Kepala', 'Kepala Sekolah', '+62 811 0000 9999', 'rahasia@sekolah.example', true)`, [w.school.id]);

      for (const who of [other.principal, other.csr, other.officer, farOfficer, other.facilitator, judge, w.officer]) {
        const res = await get(`${BASE}/${p.id}`, who);
        expect([who.user.role, res.status]).toEqual([who.user.role, 200]);
        expect(res.body.evidence.map((d: { id: string }) => d.id)).toEqual([upload.body.id]);
        expect((await get(`${BASE}/${p.id}/evidence/${upload.body.id}`, who)).status).toBe(200);
        // Who to contact: the school's directory profile, never a person's e-mail or phone.
        expect(res.body.school).toEqual({
          id: w.school.id,
          name: w.school.name,
          npsn: w.school.npsn,
          schoolLevel: w.school.schoolLevel ?? null,
          address: w.school.address ?? null,
          regionCode: '63.71',
          regionName: expect.any(String),
          provinceName: expect.any(String),
          districtName: null,
          principalName: w.school.principalName ?? null,
        });
        const text = JSON.stringify(res.body);
        for (const secret of ['rahasia@sekolah.example', '+62 811 0000 9999', w.principal.user.email]) expect(text).not.toContain(secret);
      }
      // Readable, but not writable: the exception is for reading only.
      expect((await patch(`${BASE}/${p.id}`, other.principal, { ...practiceBody(), version: 3 })).status).toBe(404);
      expect((await post(`${BASE}/${p.id}/return`, other.csr, { version: 3, reason: 'Tidak relevan' })).status).toBe(404);
      // The files stay the school's to add: a published practice takes no more.
      expect((await t.http.post(`${BASE}/${p.id}/evidence`).set('Authorization', w.principal.auth).attach('file', PDF, 'x.pdf')).status).toBe(422);
    });
  });

  describe('search', () => {
    // A known set, each with the made-up word "kelorkata" in one place (or inside a longer word), in two regions and two years.
    let set: Record<'title' | 'summary' | 'body' | 'inside' | 'none', Practice>;
    beforeAll(async () => {
      set = {
        title: await published(w, { title: 'Kelorkata di pojok baca', topic: 'literacy', year: 2024 }),
        summary: await published(w, { title: 'Bank sampah', summary: 'Siswa menabung sampah kelorkata setiap Senin.', topic: 'sanitation', year: 2025 }),
        body: await published(other, { title: 'Cuci tangan pakai sabun', whatWasDone: 'Wastafel di setiap kelas; jadwal cuci tangan kelorkata sebelum makan.', topic: 'sanitation', year: 2025 }),
        inside: await published(other, { title: 'Siaga banjir', whatWasDone: 'Latihan evakuasi superkelorkatanya setiap bulan.', topic: 'disaster_preparedness', year: 2025 }),
        none: await published(w, { title: 'Kantin sehat', topic: 'sanitation', year: 2025 }),
      };
    });
    const search = async (query: string, who: SignedIn = farOfficer) => {
      const res = await get(`${BASE}?${query}`, who);
      expect(res.status).toBe(200);
      return (res.body.items as Practice[]).map((p) => p.id);
    };

    it('ranks a word in the title above one in the summary, above one in what was done, above one found only inside a longer word', async () => {
      expect(await search('q=kelorkata')).toEqual([set.title.id, set.summary.id, set.body.id, set.inside.id]);
      // Each word also matches the start of a longer one, and case does not matter.
      expect(await search('q=KELORK')).toEqual([set.title.id, set.summary.id, set.body.id, set.inside.id]);
      // Every word must match.
      expect(await search('q=kelorkata%20sampah')).toEqual([set.summary.id]);
      expect(await search('q=kelorkata%20tidakada')).toEqual([]);
      const res = await get(`${BASE}?q=kelorkata`, farOfficer);
      const ranks = (res.body.items as Practice[]).map((p) => p.rank as number);
      expect(ranks.every((r, i) => i === 0 || r <= ranks[i - 1])).toBe(true);
    });

    it('filters by topic, school level, province or regency, year and school', async () => {
      expect(await search('q=kelorkata&topic=sanitation')).toEqual([set.summary.id, set.body.id]);
      expect(await search('q=kelorkata&regionCode=63')).toEqual([set.title.id, set.summary.id]);
      expect(await search('q=kelorkata&regionCode=64.71')).toEqual([set.body.id, set.inside.id]);
      expect(await search('q=kelorkata&year=2024')).toEqual([set.title.id]);
      expect(await search('q=kelorkata&schoolLevel=SMP')).toEqual([]);
      expect(await search(`schoolId=${other.school.id}&topic=disaster_preparedness`)).toEqual([set.inside.id]);
      // Without q, newest first.
      expect(await search(`schoolId=${w.school.id}&status=published&limit=3`)).toEqual([set.none.id, set.summary.id, set.title.id]);
      for (const [query, field] of [
        ['regionCode=6', 'regionCode'],
        ['topic=cooking', 'topic'],
        ['year=abc', 'year'],
        ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
        ['limit=101', 'limit'],
      ]) {
        const res = await get(`${BASE}?${query}`, farOfficer);
        expect([query, res.status, fields(res)]).toEqual([query, 422, [field]]);
      }
    });

    it('pages through the ranked results with a keyset cursor, at a fixed number of statements per page', async () => {
      const seen: string[] = [];
      const statements: number[] = [];
      let cursor: string | null = null;
      do {
        const before = t.queries.count;
        const res = await get(`${BASE}?q=kelorkata&limit=1${cursor ? `&cursor=${cursor}` : ''}`, farOfficer);
        statements.push(t.queries.count - before);
        seen.push(...(res.body.items as Practice[]).map((p) => p.id));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual([set.title.id, set.summary.id, set.body.id, set.inside.id]);
      expect(new Set(statements).size).toBe(1);
      // A page of newest-first costs the same whatever its size.
      const cost = async (limit: number) => {
        const before = t.queries.count;
        await get(`${BASE}?limit=${limit}`, w.principal);
        return t.queries.count - before;
      };
      expect(await cost(1)).toBe(await cost(50));
    });
  });

  describe('pre-filled drafts', () => {
    async function completedPlan(world: MentoringWorld, status = 'completed', year = 2024) {
      const programId = randomUUID();
      const indicators = [
        { id: randomUUID(), name: 'Siswa kelas 1–3 yang membaca lancar', baseline: '42', target: '75', unit: '%' },
        { id: randomUUID(), name: 'Peminjaman buku per bulan', baseline: '35', target: '150', unit: 'buku' },
      ];
      const content = {
        workshop: {},
        programs: [
          {
            id: programId,
            topic: 'literacy',
            name: 'Gerakan Literasi: Pojok Baca Kelas',
            goal: 'Seluruh siswa kelas 1–3 membaca lancar.',
            background: 'Hanya 42% siswa kelas 1–3 membaca lancar.',
            activities: [{ id: randomUUID(), name: 'Membaca 15 menit sebelum pelajaran', expectedOutput: 'Jurnal membaca per kelas' }],
            budgetLines: [],
            indicators,
            risks: [],
          },
        ],
        planningDocuments: {},
      };
      const yearId = await insertYear(t.dataSource, world.programId, year, 'closed');
      const [{ id }] = (await t.dataSource.query(
        `INSERT INTO plans (school_id, program_year_id, partnership_id, title, content, created_by_user_id, status, submitted_at, approved_at, completed_at)
         VALUES ($1, $2, $3, 'Rencana Program 2024', $4, $5, CAST($6 AS varchar), '2024-02-20', '2024-03-01', CASE WHEN CAST($6 AS varchar) = 'completed' THEN TIMESTAMPTZ '2024-12-05' END) RETURNING id`,
        [world.school.id, yearId, world.partnershipId, JSON.stringify(content), world.principal.user.id, status],
      )) as Array<{ id: string }>;
      await t.dataSource.query(`INSERT INTO plan_indicator_results (plan_id, indicator_id, achieved_value, updated_by_user_id) VALUES ($1, $2, 78, $3)`, [id, indicators[0].id, world.principal.user.id]);
      return { planId: id, programId };
    }

    it('fills a draft from a program of a completed plan, and saves the practice with its source', async () => {
      const w2 = await mentoringWorld(t);
      const { planId, programId } = await completedPlan(w2);
      const res = await get(`${BASE}/prefill?planId=${planId}&planProgramId=${programId}`, w2.principal);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        title: 'Gerakan Literasi: Pojok Baca Kelas',
        summary: 'Seluruh siswa kelas 1–3 membaca lancar.',
        topic: 'literacy',
        schoolLevel: 'SD',
        whatWasDone: 'Hanya 42% siswa kelas 1–3 membaca lancar.\nKegiatan:\n- Membaca 15 menit sebelum pelajaran (Jurnal membaca per kelas)',
        results: [{ indicator: 'Siswa kelas 1–3 yang membaca lancar', value: '78', unit: '%' }],
        year: 2024,
        sourcePlanId: planId,
        sourcePlanProgramId: programId,
        sourceEntryId: null,
      });
      // Nothing is saved until the principal sends the (edited) draft.
      expect((await get(`${BASE}?schoolId=${w2.school.id}`, w2.principal)).body.items).toEqual([]);
      const saved = await post(BASE, w2.principal, { ...res.body, title: 'Pojok Baca Kelas (diedit)', sourceEntryId: undefined });
      expect(saved.status).toBe(201);
      expect(saved.body).toMatchObject({ title: 'Pojok Baca Kelas (diedit)', status: 'draft', source: { planId, planProgramId: programId, entryId: null } });
    });

    it('refuses a plan that is not completed, not the school\'s, or a program that is not in it (422 naming the field)', async () => {
      const w2 = await mentoringWorld(t);
      const running = await completedPlan(w2, 'in_progress');
      const notDone = await get(`${BASE}/prefill?planId=${running.planId}&planProgramId=${running.programId}`, w2.principal);
      expect([notDone.status, fields(notDone), notDone.body.errors[0].code]).toEqual([422, ['planId'], 'plan_not_completed']);
      const done = await completedPlan(w2, 'completed', 2023);
      expect(fields(await get(`${BASE}/prefill?planId=${done.planId}&planProgramId=${randomUUID()}`, w2.principal))).toEqual(['planProgramId']);
      expect(fields(await get(`${BASE}/prefill?planId=${done.planId}&planProgramId=${done.programId}`, other.principal))).toEqual(['planId']);
      expect(fields(await get(`${BASE}/prefill?planId=${done.planId}`, w2.principal))).toEqual(['planProgramId']);
      expect(fields(await get(`${BASE}/prefill`, w2.principal))).toEqual(['planId']);
      expect(fields(await get(`${BASE}/prefill?planId=not-a-uuid`, w2.principal))).toEqual(['planId']);
      expect(fields(await post(BASE, other.principal, practiceBody({ sourcePlanId: done.planId, sourcePlanProgramId: done.programId })))).toEqual(['sourcePlanId']);
    });
  });

  describe('horizontal-learning events', () => {
    const eventBody = (extra: Record<string, unknown> = {}) => ({
      hostSchoolId: w.school.id,
      title: 'Berbagi Praktik Baik: Pojok Baca',
      heldOn: '2026-09-15',
      place: 'Aula sekolah',
      visitingSchoolIds: [other.school.id],
      visitingCompanyIds: [other.company.id],
      attendees: [
        { role: 'principals', count: 2 },
        { role: 'teachers', count: 12 },
        { role: 'company_staff', count: 1 },
      ],
      ...extra,
    });
    /** The same fields for a change: the host is fixed once recorded. */
    const changeBody = (extra: Record<string, unknown>) => {
      const { hostSchoolId: _host, ...rest } = eventBody(extra);
      return rest;
    };
    beforeEach(() => fixToday(t, '2026-09-20'));
    afterEach(() => releaseClock());

    it('records a sharing session hosted by the school, seen by the host, its visitors, its partners and the offices of both regions', async () => {
      const practice = await published(w, { title: 'Pojok baca untuk acara' });
      const res = await post(EVENTS, w.principal, eventBody({ practiceIds: [practice.id] }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        hostSchool: { id: w.school.id, name: w.school.name },
        visitingSchools: [{ id: other.school.id }],
        visitingCompanies: [{ id: other.company.id }],
        practices: [{ id: practice.id, title: 'Pojok baca untuk acara' }],
        attendeeTotal: 15,
        version: 1,
      });
      const id = res.body.id as string;
      for (const who of [w.principal, w.csr, w.facilitator, w.officer, other.principal, other.csr, other.officer]) {
        expect([who.user.role, (await get(`${EVENTS}/${id}`, who)).status]).toEqual([who.user.role, 200]);
      }
      const stranger = await mentoringWorld(t, { regionCode: '35.78' });
      for (const who of [stranger.principal, stranger.csr, stranger.facilitator, farOfficer]) {
        expect([who.user.role, (await get(`${EVENTS}/${id}`, who)).status]).toEqual([who.user.role, 404]);
        expect((await get(EVENTS, who)).body.items.map((e: { id: string }) => e.id)).not.toContain(id);
      }
      expect((await get(`${EVENTS}?schoolId=${other.school.id}`, other.principal)).body.items.map((e: { id: string }) => e.id)).toContain(id);
      expect((await get(`${EVENTS}?practiceId=${practice.id}`, w.csr)).body.items.map((e: { id: string }) => e.id)).toEqual([id]);

      // The host changes it; a visitor reads it but cannot change it.
      const changed = await patch(`${EVENTS}/${id}`, w.principal, changeBody({ version: 1, title: 'Berbagi Praktik Baik (revisi)' }));
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ title: 'Berbagi Praktik Baik (revisi)', practices: [], version: 2 });
      expect((await patch(`${EVENTS}/${id}`, w.principal, changeBody({ version: 1 }))).status).toBe(409);
      expect((await patch(`${EVENTS}/${id}`, other.principal, changeBody({ version: 2 }))).status).toBe(422);
      expect((await patch(`${EVENTS}/${id}`, stranger.principal, changeBody({ version: 2 }))).status).toBe(404);
    });

    it('lets a CSR officer or facilitator of the host\'s program record it, not another company', async () => {
      expect((await post(EVENTS, w.csr, eventBody())).status).toBe(201);
      expect((await post(EVENTS, w.facilitator, eventBody())).status).toBe(201);
      const res = await post(EVENTS, other.csr, eventBody());
      expect([res.status, fields(res)]).toEqual([422, ['hostSchoolId']]);
      expect(fields(await post(EVENTS, other.principal, eventBody()))).toEqual(['hostSchoolId']);
      expect((await post(EVENTS, admin, eventBody())).status).toBe(422);
    });

    it('answers 422 naming the field for a future day, a repeated role, a visitor that is no school, a private practice', async () => {
      const draftOfOther = await draft(other.principal);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ heldOn: '2026-09-30' }, 'heldOn'],
        [{ heldOn: '2026-02-30' }, 'heldOn'],
        [{ attendees: [{ role: 'teachers', count: 1 }, { role: 'teachers', count: 2 }] }, 'attendees[1].role'],
        [{ attendees: [{ role: 'aliens', count: 1 }] }, 'attendees.0.role'],
        [{ visitingSchoolIds: [other.company.id] }, 'visitingSchoolIds[0]'],
        [{ visitingSchoolIds: [w.school.id] }, 'visitingSchoolIds[0]'],
        [{ visitingCompanyIds: [other.school.id] }, 'visitingCompanyIds[0]'],
        [{ practiceIds: [draftOfOther.id] }, 'practiceIds[0]'],
        [{ place: '' }, 'place'],
      ];
      for (const [extra, field] of cases) {
        const res = await post(EVENTS, w.principal, eventBody(extra));
        expect([JSON.stringify(extra), res.status, fields(res).map((f) => f.replace(/\[(\d+)\]/g, '.$1'))]).toEqual([JSON.stringify(extra), 422, [field.replace(/\[(\d+)\]/g, '.$1')]]);
      }
    });

    it('appears in the timeline of the host and of each visiting school, with the host\'s published practices', async () => {
      const host = await mentoringWorld(t);
      const visitor = await mentoringWorld(t);
      const practice = await published(host, { title: 'Kelas tanpa perundungan' });
      const res = await post(EVENTS, host.principal, eventBody({ hostSchoolId: host.school.id, visitingSchoolIds: [visitor.school.id], practiceIds: [practice.id], title: 'Sesi berbagi kelas ramah anak' }));
      expect(res.status).toBe(201);
      type Timeline = { partnerships: Array<{ years: Array<{ events: Array<{ kind: string; title: string; detail: string | null; refId: string; date: string }> }> }> };
      const events = async (schoolId: string, who: SignedIn) => {
        const tl = await t.http.get(`/api/v1/schools/${schoolId}/timeline`).set('Authorization', who.auth).set('Accept-Language', 'id');
        expect(tl.status).toBe(200);
        return (tl.body as Timeline).partnerships.flatMap((p) => p.years.flatMap((y) => y.events));
      };
      const hosted = (await events(host.school.id, host.principal)).filter((e) => e.kind === 'learning_event' || e.kind === 'practice_published');
      expect(hosted).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'learning_event', refId: res.body.id, date: '2026-09-15', title: 'Menjadi tuan rumah belajar horizontal: Sesi berbagi kelas ramah anak', detail: '1 sekolah tamu, 15 peserta; Aula sekolah' }),
          expect.objectContaining({ kind: 'practice_published', refId: practice.id, title: 'Praktik baik diterbitkan di pustaka: Kelas tanpa perundungan' }),
        ]),
      );
      const visited = (await events(visitor.school.id, visitor.csr)).filter((e) => e.kind === 'learning_event');
      expect(visited).toEqual([expect.objectContaining({ refId: res.body.id, title: `Belajar horizontal ke ${host.school.name}: Sesi berbagi kelas ramah anak` })]);
    });
  });

  describe('the demo', () => {
    let demo: Record<string, SignedIn>;
    beforeAll(async () => {
      await loadDemoData(t.dataSource);
      demo = {};
      for (const u of DEMO_USERS) {
        const res = await t.http.post('/api/v1/auth/login').send({ email: u.email, password: DEMO_PASSWORD });
        const [user] = (await t.dataSource.query('SELECT id, email, role FROM users WHERE email = $1', [u.email])) as Array<{ id: string; email: string; role: string }>;
        demo[u.role] = { auth: `Bearer ${res.body.accessToken}`, user } as unknown as SignedIn;
      }
    });

    it('has three published practices readable by every role, and a draft only SDN Pelambuan 4 sees', async () => {
      for (const who of Object.values(demo)) {
        const ids = (await get(`${BASE}?status=published&limit=100`, who)).body.items.map((p: Practice) => p.id);
        expect(ids).toEqual(expect.arrayContaining([PRACTICE_DEMO_IDS.pojokBaca, PRACTICE_DEMO_IDS.kelasRamahAnak, PRACTICE_DEMO_IDS.otherSchool]));
        expect((await get(`${BASE}/${PRACTICE_DEMO_IDS.draft}`, who)).status).toBe(['principal', 'admin'].includes(who.user.role) ? 200 : 404);
      }
      const found = await get(`${BASE}?q=relawan%20orang%20tua`, other.csr);
      expect(found.body.items[0].id).toBe(PRACTICE_DEMO_IDS.pojokBaca);
      expect(found.body.items[0].school).toMatchObject({ name: 'SDN Pelambuan 4 Banjarmasin', npsn: '30304122', regionName: expect.any(String) });
      const event = await get(`${EVENTS}/${PRACTICE_DEMO_IDS.event}`, demo.education_officer);
      expect(event.body).toMatchObject({ hostSchool: { id: DEMO_IDS.pelambuan4 }, visitingSchools: expect.arrayContaining([expect.objectContaining({ id: DEMO_IDS.sungaiMiai5 })]), attendeeTotal: 28 });
    });

    it('fills a draft from SDN Pelambuan 4\'s 2025 competition entry and its plan program', async () => {
      const [entry] = (await t.dataSource.query(`SELECT id, title FROM competition_entries WHERE competition_id = $1 AND school_id = $2`, [COMPETITION_DEMO_IDS.national2025, DEMO_IDS.pelambuan4])) as Array<{ id: string; title: string }>;
      const res = await get(`${BASE}/prefill?entryId=${entry.id}`, demo.principal);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ title: entry.title, topic: 'child_friendly_school', year: 2025, sourceEntryId: entry.id, sourcePlanId: null });
      expect(res.body.whatWasDone).toContain('Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025');
      expect(fields(await get(`${BASE}/prefill?entryId=${entry.id}`, w.principal))).toEqual(['entryId']);
      expect(fields(await get(`${BASE}/prefill?entryId=${entry.id}&planId=${randomUUID()}`, demo.principal))).toEqual(['planId']);
    });
  });
});
