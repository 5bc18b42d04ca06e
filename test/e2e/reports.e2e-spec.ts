import { createTestApp, TestApp } from '../support/app';
import { fixToday } from '../support/mou-factories';
import { reportWorld, ReportWorld } from '../support/report-dataset';
import { pdfPages, pdfText } from '../support/pdf';

/**
 * The reports on a known dataset (test/support/report-dataset.ts). Every expected figure below is
 * worked out by hand from what the dataset writes; the comments say how.
 */
describe('reports', () => {
  let t: TestApp;
  let w: ReportWorld;
  const M = 1_000_000;
  const rp = (millions: number) => String(millions * M);

  beforeAll(async () => {
    t = await createTestApp();
    w = await reportWorld(t);
  });
  beforeEach(() => fixToday(t, '2026-07-15'));
  afterAll(() => t.close());

  const get = (path: string, auth?: string) => {
    const req = t.http.get(path);
    return auth ? req.set('Authorization', auth) : req;
  };
  const portfolio = async (programId: string, auth: string, year = 2026) => {
    const res = await get(`/api/v1/reports/portfolio?programId=${programId}&year=${year}`, auth);
    expect(res.status).toBe(200);
    return res.body;
  };
  const region = async (auth: string, query = '') => {
    const res = await get(`/api/v1/reports/region?year=2026${query}`, auth);
    expect(res.status).toBe(200);
    return res.body;
  };
  const zeroStatuses = { draft: 0, submitted: 0, changes_requested: 0, approved: 0, in_progress: 0, completed: 0, withdrawn: 0 };

  describe('GET /reports/portfolio', () => {
    it("answers program A's 2026 figures, each section worked out by hand", async () => {
      const r = await portfolio(w.programA, w.csrA.auth);
      expect(r.program).toMatchObject({ id: w.programA, startYear: 2024, company: w.companyA });
      expect(r).toMatchObject({ year: 2026, asOf: '2026-07-15', programYear: { id: w.years.a2026, theme: 'Kesiapsiagaan bencana', status: 'running', planDeadline: '2026-03-01' } });
      // Cohort 2026: S1 and S2 (active since 2024), S5 (since 2026-01-10); S6 ended in 2024. S2 has no 2026 plan and the deadline passed.
      expect(r.cohort).toEqual({
        schools: 3,
        partnerships: 3,
        missingPlans: 1,
        byProvince: [
          { provinceCode: '61', provinceName: 'Kalimantan Barat', schools: 2 },
          { provinceCode: '64', provinceName: 'Kalimantan Timur', schools: 1 },
        ],
      });
      // In force on 2026-07-15: M1 (to 2026-08-31, expiring, no renewal) and M5; M2 ran out on 2025-12-31 and lapsed on 2026-01-01.
      expect(r.mous).toEqual({ active: 2, expiring: 1, expired: 1 });
      // S1 in progress (on time), S5 approved but submitted late.
      expect(r.plans).toEqual({ plans: 2, byStatus: { ...zeroStatuses, in_progress: 1, approved: 1 }, late: 1 });
      // S1 150/75/30 and S5 60/30/0 (millions); S5 holds 30 after the 2026-06-30 deadline with no report waiting; S1 has one waiting.
      expect(r.grants).toEqual({
        grants: 2,
        awarded: rp(210),
        disbursed: rp(105),
        accepted: rp(30),
        returned: '0',
        carriedOver: '0',
        balanceAtSchools: rp(75),
        expenseReportsMissing: 1,
      });
      // Planned: S1 6/600 min, S5 4/480, S2 only the replacement 4/240 → 14 sessions, 1320 min = 22 h.
      // Done (not disputed): S1 90+120+60, S5 60, S2 60 (old) + 45 (new) → 6 sessions, 435 min = 7.25 h.
      // No contact: S5 (last confirmed 2026-03-01, before 2026-05-16). Overdue: S1 one, S5 four.
      expect(r.mentoring).toEqual({
        schoolsAssigned: 3,
        plannedSessions: 14,
        plannedHours: 22,
        sessionsDone: 6,
        hoursDone: 7.25,
        unconfirmedSessions: 1,
        disputedSessions: 1,
        schoolsWithoutContact: 1,
        overdueFollowUps: 5,
      });
      // Gains 20, 5 and 15 over the three participants with both scores: 40 / 3 = 13.33.
      expect(r.trainings).toEqual({ trainings: 1, participants: 5, attended: 4, paired: 3, meanGain: 13.33 });
      expect(r.competitions).toEqual({ competitions: 1, entries: 1, schoolsEntered: 1, results: 0, winners: 0, runnersUp: 0, specialMentions: 0, meanScore: null });
    });

    it('gives the series since the program began, and the chosen year equals its row', async () => {
      const r = await portfolio(w.programA, w.csrA.auth);
      expect(r.series.map((s: { year: number; asOf: string }) => [s.year, s.asOf])).toEqual([
        [2024, '2024-12-31'],
        [2025, '2025-12-31'],
        [2026, '2026-07-15'],
      ]);
      const [y2024, y2025, y2026] = r.series;
      // 2024: S1, S2 and S6 (active until 2024-12-15); M1 and M2 in force on 2024-12-31 (M6 was terminated).
      expect(y2024.cohort).toEqual({ schools: 3, partnerships: 3, missingPlans: 0, byProvince: [{ provinceCode: '61', provinceName: 'Kalimantan Barat', schools: 3 }] });
      expect(y2024.mous).toEqual({ active: 2, expiring: 0, expired: 0 });
      expect(y2024.plans).toEqual({ plans: 3, byStatus: { ...zeroStatuses, completed: 2, approved: 1 }, late: 0 });
      // S6's grant was cancelled after paying 20 of its 50: 100 + 80 + 20 awarded.
      expect(y2024.grants).toEqual({ grants: 2, awarded: rp(200), disbursed: rp(200), accepted: rp(190), returned: rp(10), carriedOver: '0', balanceAtSchools: '0', expenseReportsMissing: 0 });
      // 2025: M2 expires on 2025-12-31 itself: in force and expiring that day.
      expect(y2025.mous).toEqual({ active: 2, expiring: 1, expired: 0 });
      expect(y2025.plans).toEqual({ plans: 2, byStatus: { ...zeroStatuses, completed: 2 }, late: 1 });
      // S2 still holds 20 after the 2025-11-30 deadline.
      expect(y2025.grants).toEqual({ grants: 2, awarded: rp(210), disbursed: rp(180), accepted: rp(140), returned: '0', carriedOver: rp(20), balanceAtSchools: rp(20), expenseReportsMissing: 1 });
      expect(y2025.mentoring).toEqual({
        schoolsAssigned: 2,
        plannedSessions: 10,
        plannedHours: 10,
        sessionsDone: 3,
        hoursDone: 4.5,
        unconfirmedSessions: 0,
        disputedSessions: 0,
        schoolsWithoutContact: 0,
        overdueFollowUps: 0,
      });
      // Winner 85.5 and runner-up 72.25: mean 78.875, rounded to 78.88.
      expect(y2025.competitions).toEqual({ competitions: 1, entries: 2, schoolsEntered: 2, results: 2, winners: 1, runnersUp: 1, specialMentions: 0, meanScore: 78.88 });
      expect(y2026).toMatchObject({ year: 2026, programYearId: w.years.a2026, theme: 'Kesiapsiagaan bencana', status: 'running' });
      expect(y2026).toEqual({ ...y2026, cohort: r.cohort, mous: r.mous, plans: r.plans, grants: r.grants, mentoring: r.mentoring, trainings: r.trainings, competitions: r.competitions });
      const past = await portfolio(w.programA, w.csrA.auth, 2025);
      expect(past).toMatchObject({ year: 2025, asOf: '2025-12-31', mous: y2025.mous, plans: y2025.plans, grants: y2025.grants, mentoring: y2025.mentoring, competitions: y2025.competitions });
    });

    it("answers program B's figures for its own CSR officer", async () => {
      const r = await portfolio(w.programB, w.csrB.auth);
      expect(r.cohort).toEqual({ schools: 2, partnerships: 2, missingPlans: 0, byProvince: [{ provinceCode: '61', provinceName: 'Kalimantan Barat', schools: 2 }] });
      // MB3 ran out on 2026-02-28 but its renewal MB3R took over on 2026-03-01: no lapse.
      expect(r.mous).toEqual({ active: 2, expiring: 0, expired: 0 });
      expect(r.plans).toEqual({ plans: 2, byStatus: { ...zeroStatuses, approved: 1, draft: 1 }, late: 0 });
      expect(r.grants).toMatchObject({ grants: 1, awarded: rp(80), disbursed: rp(40), accepted: '0', balanceAtSchools: rp(40), expenseReportsMissing: 0 });
      expect(r.mentoring).toMatchObject({ plannedSessions: 6, plannedHours: 6, sessionsDone: 2, hoursDone: 2.5, unconfirmedSessions: 1, schoolsWithoutContact: 1, overdueFollowUps: 0 });
      expect(r.series.map((s: { year: number }) => s.year)).toEqual([2025, 2026]);
      expect(r.series[0].grants).toMatchObject({ awarded: rp(140), accepted: rp(135), returned: rp(5), balanceAtSchools: '0' });
    });

    it('defaults to the current year, and gives zero figures for a year without a record', async () => {
      const now = await get(`/api/v1/reports/portfolio?programId=${w.programA}`, w.csrA.auth);
      expect(now.body.year).toBe(2026);
      const empty = await portfolio(w.programA, w.csrA.auth, 2020);
      expect(empty).toMatchObject({ year: 2020, asOf: '2020-12-31', programYear: null, cohort: { schools: 0, byProvince: [] }, grants: { awarded: '0' } });
    });

    it('refuses without a token, other roles, another company and bad input', async () => {
      expect((await get(`/api/v1/reports/portfolio?programId=${w.programA}`)).status).toBe(401);
      for (const who of [w.principalS1, w.officeProvince, w.facilitator, w.judge]) {
        const res = await get(`/api/v1/reports/portfolio?programId=${w.programA}`, who.auth);
        expect(res.status).toBe(403);
      }
      const other = await get(`/api/v1/reports/portfolio?programId=${w.programA}`, w.csrB.auth);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('not_found');
      expect((await get(`/api/v1/reports/portfolio?programId=${w.programA}`, w.admin.auth)).status).toBe(200);
      const bad = await get('/api/v1/reports/portfolio?programId=nope&year=1700', w.csrA.auth);
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['programId', 'year']);
      expect((await get('/api/v1/reports/portfolio', w.csrA.auth)).status).toBe(422);
    });
  });

  describe('GET /reports/portfolio/health', () => {
    it('scores each live partnership from 100 with reasons whose points add up to 100 − score', async () => {
      const res = await get(`/api/v1/reports/portfolio/health?programId=${w.programA}`, w.csrA.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ asOf: '2026-07-15', rule: { mou_lapsed: 30, mou_expiring: 15, plan_late: 15, expense_report_overdue: 15, no_contact_60_days: 20, falling_indicators: 10 } });
      const rows = res.body.partnerships as Array<{ partnershipId: string; score: number; band: string; reasons: Array<{ code: string; points: number; detail: string }> }>;
      // S6 ended: not scored. Lowest first.
      expect(rows.map((p) => [p.partnershipId, p.score, p.band])).toEqual([
        [w.partnerships.aS5, 35, 'at_risk'],
        [w.partnerships.aS2, 40, 'at_risk'],
        [w.partnerships.aS1, 70, 'watch'],
      ]);
      for (const p of rows) expect(p.reasons.reduce((s, r) => s + r.points, 0)).toBe(100 - p.score);
      const reasons = (id: string) => rows.find((p) => p.partnershipId === id)!.reasons.map((r) => [r.code, r.points]);
      // S5: submitted late; 30 unreported after 2026-06-30; last confirmed 2026-03-01; four overdue follow-ups (20, capped at 15).
      expect(reasons(w.partnerships.aS5)).toEqual([
        ['plan_late', 15],
        ['expense_report_overdue', 15],
        ['no_contact_60_days', 20],
        ['overdue_followups', 15],
      ]);
      // S2: M2 ran out; no 2026 plan after the deadline; 20 unreported from 2025.
      expect(reasons(w.partnerships.aS2)).toEqual([
        ['mou_lapsed', 30],
        ['plan_late', 15],
        ['expense_report_overdue', 15],
      ]);
      // S1: M1 expires in 47 days; one overdue follow-up; "Fluent readers" 35 against a baseline of 40.
      expect(reasons(w.partnerships.aS1)).toEqual([
        ['mou_expiring', 15],
        ['overdue_followups', 5],
        ['falling_indicators', 10],
      ]);
      const s2 = rows.find((p) => p.partnershipId === w.partnerships.aS2)!;
      expect(s2.reasons[0].detail).toMatch(/since 2026-01-01: MoU M2\/\w+ expired and was not renewed/);
      expect(s2.reasons[1].detail).toBe('No plan for 2026 yet, and the deadline 2026-03-01 has passed');
      expect(s2.reasons[2].detail).toContain('2025: Rp 20.000.000');
      const s1 = rows.find((p) => p.partnershipId === w.partnerships.aS1)!;
      expect(s1.reasons[0].detail).toContain('expires on 2026-08-31 (in 47 days');
      expect(s1.reasons[2].detail).toContain('Fluent readers 2026: 35 %');
    });

    it('reads the reasons in Bahasa Indonesia, and scores program B', async () => {
      const id = await get(`/api/v1/reports/portfolio/health?programId=${w.programA}&locale=id`, w.csrA.auth);
      const s2 = id.body.partnerships.find((p: { partnershipId: string }) => p.partnershipId === w.partnerships.aS2);
      expect(s2.reasons[1].detail).toBe('Belum ada rencana 2026, padahal tenggat 2026-03-01 sudah lewat');
      const b = await get(`/api/v1/reports/portfolio/health?programId=${w.programB}`, w.csrB.auth);
      expect(b.body.partnerships.map((p: { partnershipId: string; score: number }) => [p.partnershipId, p.score])).toEqual([
        [w.partnerships.bS3, 80],
        [w.partnerships.bS1, 100],
      ]);
      expect(b.body.partnerships[1].reasons).toEqual([]);
    });

    it('keeps to the CSR officer of the company and admins', async () => {
      expect((await get(`/api/v1/reports/portfolio/health?programId=${w.programA}`)).status).toBe(401);
      expect((await get(`/api/v1/reports/portfolio/health?programId=${w.programA}`, w.principalS1.auth)).status).toBe(403);
      expect((await get(`/api/v1/reports/portfolio/health?programId=${w.programA}`, w.csrB.auth)).status).toBe(404);
      expect((await get(`/api/v1/reports/portfolio/health?programId=${w.programA}`, w.admin.auth)).status).toBe(200);
    });
  });

  describe('GET /reports/region', () => {
    it('answers the province office for its province: partners, duplication, companies and totals by regency', async () => {
      const r = await region(w.officeProvince.auth, '&regionCode=61');
      expect(r).toMatchObject({ region: { code: '61', name: 'Kalimantan Barat', level: 'province' }, year: 2026, asOf: '2026-07-15' });
      // S1 (A and B), S2 (A), S3 (B) have partners; S4 none; S6's partnership ended in 2024.
      expect(r.totals).toMatchObject({ schools: 5, withPartner: 3, withoutPartner: 2, severalPartners: 1, partnerLinks: 4 });
      expect(r.partnersPerSchool).toEqual([
        { partners: 0, schools: 2 },
        { partners: 1, schools: 2 },
        { partners: 2, schools: 1 },
      ]);
      expect(r.duplicated.map((s: { id: string; companies: Array<{ id: string }> }) => [s.id, s.companies.map((c) => c.id)])).toEqual([[w.schools.s1, [w.companyA.id, w.companyB.id]]]);
      expect(r.schoolsWithPartners.map((s: { id: string }) => s.id)).toEqual([w.schools.s1, w.schools.s2, w.schools.s3]);
      expect(r.companies).toEqual([
        { id: w.companyA.id, name: w.companyA.name, schools: 2, programs: [expect.stringContaining('Generasi Alpha')] },
        { id: w.companyB.id, name: w.companyB.name, schools: 2, programs: [expect.stringContaining('Beta Peduli')] },
      ]);
      // 2026 plans of schools in 61: A's S1 (in progress), B's S1 (approved) and S3 (draft); S5 is in Balikpapan.
      expect(r.totals.plans).toEqual({ plans: 3, byStatus: { ...zeroStatuses, in_progress: 1, approved: 1, draft: 1 }, late: 0 });
      expect(r.totals.grants).toEqual({ grants: 2, awarded: rp(230), disbursed: rp(115), accepted: rp(30), returned: '0', carriedOver: '0', balanceAtSchools: rp(85), expenseReportsMissing: 0 });
      // Planned 600 + 240 + 180 + 180 min = 20 h; done 270 + 105 + 90 + 60 min = 8.75 h.
      expect(r.totals.mentoring).toEqual({
        schoolsAssigned: 3,
        plannedSessions: 16,
        plannedHours: 20,
        sessionsDone: 7,
        hoursDone: 8.75,
        unconfirmedSessions: 2,
        disputedSessions: 1,
        schoolsWithoutContact: 1,
        overdueFollowUps: 1,
      });
      const [pontianak, singkawang] = r.regencies;
      expect(pontianak).toMatchObject({ code: '61.71', name: 'Kota Pontianak', schools: 2, withPartner: 2, withoutPartner: 0, severalPartners: 1, partnerLinks: 3 });
      expect(pontianak.mentoring).toMatchObject({ plannedHours: 17, hoursDone: 7.75, sessionsDone: 6 });
      expect(singkawang).toMatchObject({ code: '61.72', name: 'Kota Singkawang', schools: 3, withPartner: 1, withoutPartner: 2, severalPartners: 0, partnerLinks: 1 });
      expect(singkawang.grants.awarded).toBe('0');
      expect(singkawang.mentoring).toMatchObject({ plannedHours: 3, hoursDone: 1, schoolsWithoutContact: 1 });
      expect(r.regencies).toHaveLength(2);
    });

    it("answers a regency office for its own regency by default, and 404 outside its jurisdiction", async () => {
      const own = await region(w.officeSingkawang.auth);
      expect(own.region.code).toBe('61.72');
      expect(own.totals).toMatchObject({ schools: 3, withPartner: 1, withoutPartner: 2 });
      for (const code of ['61', '61.71', '64.71']) {
        const res = await get(`/api/v1/reports/region?regionCode=${code}`, w.officeSingkawang.auth);
        expect(res.status).toBe(404);
      }
      expect((await get('/api/v1/reports/region?regionCode=64', w.officeProvince.auth)).status).toBe(404);
    });

    it('narrows every figure to one district (kecamatan) inside the region, and refuses a district outside it', async () => {
      await t.dataSource.query(`UPDATE organizations SET district_code = CASE id WHEN $1 THEN '61.71.03' ELSE '61.71.01' END WHERE id IN ($1, $2)`, [w.schools.s1, w.schools.s2]);
      try {
        // Only S1 lies in Pontianak Barat: partnered by A and B, A's 2026 plan in progress and B's approved.
        const r = await region(w.officeProvince.auth, '&regionCode=61&districtCode=61.71.03');
        expect(r.district).toEqual({ code: '61.71.03', name: 'Pontianak Barat' });
        expect(r.totals).toMatchObject({ schools: 1, withPartner: 1, withoutPartner: 0, severalPartners: 1, partnerLinks: 2 });
        expect(r.totals.plans).toMatchObject({ plans: 2, byStatus: { ...zeroStatuses, in_progress: 1, approved: 1 } });
        expect(r.regencies.map((g: { code: string }) => g.code)).toEqual(['61.71']);
        expect(r.schoolsWithPartners.map((s: { id: string }) => s.id)).toEqual([w.schools.s1]);
        expect((await region(w.officeProvince.auth, '&regionCode=61')).district).toBeNull();
        // A district of another regency, one that does not exist, or a malformed code: 422 on districtCode.
        for (const [query, code] of [
          ['&regionCode=61.72&districtCode=61.71.03', 'district_outside_region'],
          ['&regionCode=61&districtCode=61.71.99', 'district_outside_region'],
          ['&regionCode=61&districtCode=61.71.3', undefined],
        ] as const) {
          const res = await get(`/api/v1/reports/region?year=2026${query}`, w.admin.auth);
          expect(res.status).toBe(422);
          expect(res.body.errors[0]).toMatchObject({ field: 'districtCode', ...(code ? { code } : {}) });
        }
        // The office's jurisdiction still decides first: a district of a region it may not see is 404.
        expect((await get('/api/v1/reports/region?regionCode=61.71&districtCode=61.71.03', w.officeSingkawang.auth)).status).toBe(404);
      } finally {
        await t.dataSource.query(`UPDATE organizations SET district_code = NULL WHERE id IN ($1, $2)`, [w.schools.s1, w.schools.s2]);
      }
    });

    it('lets admins read any region (naming one), and refuses other roles and bad codes', async () => {
      expect((await get('/api/v1/reports/region?regionCode=64.71&year=2026', w.admin.auth)).body.totals).toMatchObject({ schools: expect.any(Number), withPartner: 1 });
      const missing = await get('/api/v1/reports/region', w.admin.auth);
      expect(missing.status).toBe(422);
      expect(missing.body.errors[0]).toMatchObject({ field: 'regionCode', code: 'region_required' });
      expect((await get('/api/v1/reports/region?regionCode=6', w.admin.auth)).status).toBe(422);
      expect((await get('/api/v1/reports/region?regionCode=99', w.admin.auth)).status).toBe(404);
      expect((await get('/api/v1/reports/region?regionCode=61')).status).toBe(401);
      for (const who of [w.csrA, w.principalS1, w.facilitator, w.judge]) expect((await get('/api/v1/reports/region?regionCode=61', who.auth)).status).toBe(403);
    });
  });

  describe('GET /schools/{id}/timeline', () => {
    type Year = { year: number; inCohort: boolean; events: Array<{ date: string; kind: string; title: string }>; figures: Record<string, any> };
    type Timeline = { partnerships: Array<{ partnershipId: string; company: { id: string }; years: Year[] }> };

    it('shows the principal every partner of the school, year by year, with events and figures', async () => {
      const res = await get(`/api/v1/schools/${w.schools.s1}/timeline`, w.principalS1.auth);
      expect(res.status).toBe(200);
      const body = res.body as Timeline & { school: { id: string } };
      expect(body.school.id).toBe(w.schools.s1);
      expect(body.partnerships.map((p) => p.partnershipId)).toEqual([w.partnerships.aS1, w.partnerships.bS1]);
      const a = body.partnerships[0];
      expect(a.years.map((y) => [y.year, y.inCohort])).toEqual([
        [2024, true],
        [2025, true],
        [2026, true],
      ]);
      const y2026 = a.years[2];
      expect(y2026.figures.grants).toMatchObject({ awarded: rp(150), disbursed: rp(75), accepted: rp(30), balanceAtSchools: rp(45) });
      expect(y2026.figures.mentoring).toMatchObject({ sessionsDone: 3, hoursDone: 4.5, plannedHours: 10, overdueFollowUps: 1 });
      // Guru A 50 → 70 and Guru B 60 → 65.
      expect(y2026.figures.trainings).toMatchObject({ participants: 2, paired: 2, meanGain: 12.5 });
      const kinds = y2026.events.map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['plan_submitted', 'grant_awarded', 'grant_disbursed', 'mentoring_session']));
      expect(kinds.filter((k) => k === 'mentoring_session')).toHaveLength(3);
      expect(y2026.events.find((e) => e.kind === 'grant_disbursed')).toMatchObject({ date: '2026-03-10', title: 'Tranche 1 of Rp 75.000.000 disbursed' });
      const y2025 = a.years[1];
      expect(y2025.figures.competitions).toMatchObject({ entries: 1, results: 1, winners: 1, meanScore: 85.5 });
      // Competition results come from the competitions module's own source, once.
      expect(y2025.events.filter((e) => e.kind === 'competition_result').map((e) => e.date)).toEqual(['2025-11-20']);
      expect(y2025.events.find((e) => e.kind === 'expense_report_accepted')).toMatchObject({ date: '2025-10-01', title: 'Expense report accepted: Rp 100.000.000 of spending' });
      expect(a.years[0].events[0]).toMatchObject({ date: '2024-02-01', kind: 'partnership_status', title: 'Partnership started' });
      // The same events through the partnership's own timeline: the sources are registered there.
      const own = await get(`/api/v1/partnerships/${w.partnerships.aS1}/timeline`, w.principalS1.auth);
      expect(own.body.years[2].events.map((e: { kind: string }) => e.kind)).toEqual(kinds);
    });

    it('tells every event in Bahasa Indonesia for Accept-Language: id (or ?locale=id), in English otherwise, at the same query cost', async () => {
      type Event = { date: string; kind: string; title: string; detail: string | null };
      // Up to the dataset's today: the MoU source dates an active MoU's lapse by the database's own clock.
      const eventsOf = (body: Timeline, partnershipId: string) =>
        body.partnerships
          .find((p) => p.partnershipId === partnershipId)!
          .years.flatMap((y) => (y.events as Event[]).filter((e) => e.date <= w.today).map((e) => [e.date, e.kind, e.title, e.detail]));
      const timeline = async (school: string, auth: string, language?: string, query = '') => {
        const req = get(`/api/v1/schools/${school}/timeline${query}`, auth);
        const res = await (language ? req.set('Accept-Language', language) : req);
        expect(res.status).toBe(200);
        return res.body as Timeline;
      };
      const facilitator = w.facilitator.user.fullName;
      const id = await timeline(w.schools.s1, w.principalS1.auth, 'id');
      expect(eventsOf(id, w.partnerships.aS1)).toEqual([
        ['2024-02-01', 'partnership_status', 'Kemitraan dimulai', null],
        ['2024-02-20', 'plan_submitted', 'Rencana program 2024 dikirim', 'Rencana program'],
        ['2024-02-27', 'plan_approved', 'Rencana program 2024 disetujui', 'Rencana program'],
        ['2024-03-15', 'grant_awarded', 'Dana stimulus tahun 2024 sebesar Rp 100.000.000 diberikan', null],
        ['2024-12-16', 'plan_completed', 'Rencana program 2024 selesai', 'Rencana program'],
        ['2025-02-20', 'plan_submitted', 'Rencana program 2025 dikirim', 'Rencana program'],
        ['2025-02-27', 'plan_approved', 'Rencana program 2025 disetujui', 'Rencana program'],
        ['2025-03-10', 'mentoring_session', 'Kunjungan pendampingan tentang literasi (120 menit)', `Bersama ${facilitator}; sudah dikonfirmasi sekolah`],
        ['2025-03-15', 'grant_awarded', 'Dana stimulus tahun 2025 sebesar Rp 120.000.000 diberikan', null],
        ['2025-09-10', 'mentoring_session', 'Kunjungan pendampingan tentang literasi (60 menit)', `Bersama ${facilitator}; sudah dikonfirmasi sekolah`],
        ['2025-10-01', 'expense_report_accepted', 'Laporan penggunaan dana diterima: belanja Rp 100.000.000', 'Belanja 2025'],
        [
          '2025-11-20',
          'competition_result',
          'Lomba Inovasi 2025: Juara 1 kategori Literacy innovation (peringkat 1 dari 2)',
          'Karya "Pojok baca" (tingkat nasional); nilai rata-rata 85,5, skor ternormalisasi 0,707, 2 juri; hasil diumumkan 20 November 2025',
        ],
        ['2025-12-17', 'plan_completed', 'Rencana program 2025 selesai', 'Rencana program'],
        ['2026-02-10', 'mentoring_session', 'Kunjungan pendampingan tentang literasi (90 menit)', `Bersama ${facilitator}; sudah dikonfirmasi sekolah`],
        ['2026-02-20', 'plan_submitted', 'Rencana program 2026 dikirim', 'Rencana program'],
        ['2026-02-27', 'plan_approved', 'Rencana program 2026 disetujui', 'Rencana program'],
        ['2026-03-10', 'grant_disbursed', 'Termin 1 sebesar Rp 75.000.000 dicairkan', null],
        ['2026-03-15', 'grant_awarded', 'Dana stimulus tahun 2026 sebesar Rp 150.000.000 diberikan', null],
        ['2026-06-01', 'mentoring_session', 'Kunjungan pendampingan tentang literasi (120 menit)', `Bersama ${facilitator}; sudah dikonfirmasi sekolah`],
        ['2026-06-20', 'mentoring_session', 'Kunjungan pendampingan tentang literasi (60 menit)', `Bersama ${facilitator}; belum dikonfirmasi sekolah`],
      ]);
      const en = await timeline(w.schools.s1, w.principalS1.auth, 'en');
      expect(eventsOf(en, w.partnerships.aS1).map(([date, kind]) => [date, kind])).toEqual(eventsOf(id, w.partnerships.aS1).map(([date, kind]) => [date, kind]));
      const english = new Map(eventsOf(en, w.partnerships.aS1).map(([date, kind, title, detail]) => [`${date} ${kind}`, [title, detail]]));
      expect(english.get('2024-02-01 partnership_status')).toEqual(['Partnership started', null]);
      expect(english.get('2024-02-20 plan_submitted')).toEqual(['Plan 2024 submitted', 'Rencana program']);
      expect(english.get('2024-02-27 plan_approved')).toEqual(['Plan 2024 approved', 'Rencana program']);
      expect(english.get('2024-12-16 plan_completed')).toEqual(['Plan 2024 completed', 'Rencana program']);
      expect(english.get('2024-03-15 grant_awarded')).toEqual(['Stimulus grant of Rp 100.000.000 awarded for 2024', null]);
      expect(english.get('2026-03-10 grant_disbursed')).toEqual(['Tranche 1 of Rp 75.000.000 disbursed', null]);
      expect(english.get('2025-10-01 expense_report_accepted')).toEqual(['Expense report accepted: Rp 100.000.000 of spending', 'Belanja 2025']);
      expect(english.get('2026-06-20 mentoring_session')).toEqual(['Mentoring visit on literacy (60 min)', `With ${facilitator}; not yet confirmed by the school`]);
      expect(english.get('2025-11-20 competition_result')).toEqual([
        'Lomba Inovasi 2025: winner in Literacy innovation (rank 1 of 2)',
        'Entry "Pojok baca" (national); mean score 85.5, normalised score 0.707, 2 judges; results published 2025-11-20',
      ]);
      // Without a header English, as before; ?locale=id asks for Bahasa Indonesia like Accept-Language does.
      expect(await timeline(w.schools.s1, w.principalS1.auth)).toEqual(en);
      expect(await timeline(w.schools.s1, w.principalS1.auth, 'en', '?locale=id')).toEqual(id);

      // The ended partnership of S6: its terminated MoU, the end with its reason, and a reversed tranche.
      const [{ id: grant }] = (await t.dataSource.query('SELECT id FROM grants WHERE partnership_id = $1', [w.partnerships.aS6])) as Array<{ id: string }>;
      const [{ id: tranche }] = (await t.dataSource.query(
        `INSERT INTO disbursements (grant_id, kind, tranche_number, amount, disbursed_on, transfer_reference, recorded_by_user_id) VALUES ($1, 'tranche', 1, 1250000, '2024-04-01', 'TRF-S6', $2) RETURNING id`,
        [grant, w.admin.user.id],
      )) as Array<{ id: string }>;
      await t.dataSource.query(
        `INSERT INTO disbursements (grant_id, kind, tranche_number, amount, disbursed_on, transfer_reference, reverses_id, note, recorded_by_user_id) VALUES ($1, 'reversal', 1, 1250000, '2024-04-05', 'TRF-S6-R', $2, 'Dicatat dua kali', $3)`,
        [grant, tranche, w.admin.user.id],
      );
      const s6 = async (language: string) => eventsOf(await timeline(w.schools.s6, w.admin.auth, language), w.partnerships.aS6);
      const mou6 = (await t.dataSource.query('SELECT number FROM mous WHERE partnership_id = $1', [w.partnerships.aS6])) as Array<{ number: string }>;
      expect(await s6('id')).toEqual([
        ['2024-02-01', 'partnership_status', 'Kemitraan dimulai', null],
        ['2024-02-22', 'plan_submitted', 'Rencana program 2024 dikirim', 'Rencana program'],
        ['2024-02-29', 'plan_approved', 'Rencana program 2024 disetujui', 'Rencana program'],
        ['2024-03-15', 'grant_awarded', 'Dana stimulus tahun 2024 sebesar Rp 50.000.000 diberikan', null],
        ['2024-04-01', 'grant_disbursed', 'Termin 1 sebesar Rp 1.250.000 dicairkan', null],
        ['2024-04-05', 'grant_reversed', 'Pencairan sebesar Rp 1.250.000 dibatalkan', 'Dicatat dua kali'],
        ['2024-12-15', 'partnership_status', 'Kemitraan berakhir', 'Program moved to other schools'],
        ['2024-12-15', 'mou_terminated', `MoU ${mou6[0].number} diakhiri`, 'Partnership ended'],
      ]);
      expect((await s6('en')).map(([, kind, title]) => [kind, title])).toEqual([
        ['partnership_status', 'Partnership started'],
        ['plan_submitted', 'Plan 2024 submitted'],
        ['plan_approved', 'Plan 2024 approved'],
        ['grant_awarded', 'Stimulus grant of Rp 50.000.000 awarded for 2024'],
        ['grant_disbursed', 'Tranche 1 of Rp 1.250.000 disbursed'],
        ['grant_reversed', 'Disbursement of Rp 1.250.000 reversed'],
        ['partnership_status', 'Partnership ended'],
        ['mou_terminated', `MoU ${mou6[0].number} terminated`],
      ]);
      // S2's plan was late and its MoU ran out unrenewed.
      const s2 = eventsOf(await timeline(w.schools.s2, w.admin.auth, 'id'), w.partnerships.aS2);
      expect(s2).toEqual(expect.arrayContaining([['2025-03-10', 'plan_submitted', 'Rencana program 2025 dikirim setelah batas waktu', 'Rencana program']]));
      expect(s2.find(([, kind]) => kind === 'mou_expired')).toEqual([
        '2025-12-31',
        'mou_expired',
        expect.stringMatching(/^MoU M2\/.+ habis masa berlakunya$/),
        'Nota Kesepahaman; berlaku 1 Februari 2024 sampai 31 Desember 2025; tidak diperpanjang',
      ]);

      // The language changes the words, not the number of queries.
      const cost = async (language: string) => {
        const before = t.queries.count;
        await timeline(w.schools.s1, w.principalS1.auth, language);
        return t.queries.count - before;
      };
      expect(await cost('id')).toBe(await cost('en'));
    });

    it('keeps to the caller’s scope: a CSR officer sees only their partnership, an office only its jurisdiction', async () => {
      const csr = await get(`/api/v1/schools/${w.schools.s1}/timeline`, w.csrB.auth);
      expect((csr.body as Timeline).partnerships.map((p) => p.partnershipId)).toEqual([w.partnerships.bS1]);
      expect((await get(`/api/v1/schools/${w.schools.s3}/timeline`, w.csrA.auth)).status).toBe(404);
      expect((await get(`/api/v1/schools/${w.schools.s3}/timeline`, w.principalS1.auth)).status).toBe(404);
      const office = await get(`/api/v1/schools/${w.schools.s4}/timeline`, w.officeProvince.auth);
      expect(office.status).toBe(200);
      expect(office.body.partnerships).toEqual([]);
      expect((await get(`/api/v1/schools/${w.schools.s5}/timeline`, w.officeProvince.auth)).status).toBe(404);
      expect((await get(`/api/v1/schools/${w.schools.s1}/timeline`, w.officeSingkawang.auth)).status).toBe(404);
      expect((await get(`/api/v1/schools/${w.schools.s5}/timeline`, w.admin.auth)).status).toBe(200);
      expect((await get(`/api/v1/schools/${w.schools.s1}/timeline`)).status).toBe(401);
      for (const who of [w.facilitator, w.judge]) expect((await get(`/api/v1/schools/${w.schools.s1}/timeline`, who.auth)).status).toBe(403);
      expect((await get('/api/v1/schools/not-a-uuid/timeline', w.admin.auth)).status).toBe(422);
      expect((await get(`/api/v1/schools/${w.companyA.id}/timeline`, w.admin.auth)).status).toBe(404);
    });
  });

  describe('the same numbers everywhere', () => {
    it('adds up across the portfolio, region and school timeline reports and matches the records', async () => {
      const a = await portfolio(w.programA, w.admin.auth);
      const b = await portfolio(w.programB, w.admin.auth);
      const province = await region(w.admin.auth, '&regionCode=61');
      const balikpapan = await region(w.admin.auth, '&regionCode=64.71');
      const sum = (...xs: Array<string | number>) => xs.reduce<bigint>((acc, x) => acc + BigInt(x), 0n).toString();

      // Every 2026 grant is in program A or B and in a school of 61 or 64.71.
      for (const key of ['awarded', 'disbursed', 'accepted', 'returned', 'carriedOver', 'balanceAtSchools'] as const) {
        expect(sum(a.grants[key], b.grants[key])).toBe(sum(province.totals.grants[key], balikpapan.totals.grants[key]));
      }
      for (const key of ['plans', 'late'] as const) expect(a.plans[key] + b.plans[key]).toBe(province.totals.plans[key] + balikpapan.totals.plans[key]);
      for (const key of ['plannedSessions', 'sessionsDone', 'unconfirmedSessions', 'disputedSessions', 'overdueFollowUps'] as const) {
        expect(a.mentoring[key] + b.mentoring[key]).toBe(province.totals.mentoring[key] + balikpapan.totals.mentoring[key]);
      }
      expect(a.mentoring.hoursDone + b.mentoring.hoursDone).toBeCloseTo(province.totals.mentoring.hoursDone + balikpapan.totals.mentoring.hoursDone, 2);
      // Cohort: the companies' schools in province 61 are the region's school–company pairs.
      const in61 = (r: { cohort: { byProvince: Array<{ provinceCode: string; schools: number }> } }) => r.cohort.byProvince.find((p) => p.provinceCode === '61')?.schools ?? 0;
      expect(in61(a) + in61(b)).toBe(province.totals.partnerLinks);
      // The region's totals are the sum of its regencies.
      expect(province.regencies.reduce((s: number, g: { schools: number }) => s + g.schools, 0)).toBe(province.totals.schools);
      expect(sum(...province.regencies.map((g: { grants: { awarded: string } }) => g.grants.awarded))).toBe(province.totals.grants.awarded);

      // The school timelines of every school add up to the portfolios' 2026 figures.
      let awarded = 0n;
      let sessions = 0;
      let participants = 0;
      for (const school of Object.values(w.schools)) {
        const res = await get(`/api/v1/schools/${school}/timeline`, w.admin.auth);
        for (const p of res.body.partnerships) {
          const y = p.years.find((x: { year: number }) => x.year === 2026);
          if (!y) continue;
          awarded += BigInt(y.figures.grants.awarded);
          sessions += y.figures.mentoring.sessionsDone;
          participants += y.figures.trainings.participants;
        }
      }
      expect(awarded.toString()).toBe(sum(a.grants.awarded, b.grants.awarded));
      expect(sessions).toBe(a.mentoring.sessionsDone + b.mentoring.sessionsDone);
      // The external supervisor has no school: only the portfolio counts them.
      expect(participants).toBe(a.trainings.participants - 1);

      // And against the records themselves, summed without the report definitions.
      const [records] = await t.dataSource.query(
        `SELECT CAST(sum(CASE WHEN g.status = 'cancelled' THEN g.disbursed_amount ELSE g.awarded_amount END) AS text) AS awarded,
                CAST(sum(g.disbursed_amount - g.accepted_amount - g.returned_amount - g.carried_over_amount) AS text) AS balance
           FROM grants g JOIN program_years y ON y.id = g.program_year_id WHERE y.year = 2026 AND g.company_id IN ($1, $2)`,
        [w.companyA.id, w.companyB.id],
      );
      expect(records).toEqual({ awarded: sum(a.grants.awarded, b.grants.awarded), balance: sum(a.grants.balanceAtSchools, b.grants.balanceAtSchools) });
      const [minutes] = await t.dataSource.query(
        `SELECT CAST(sum(ms.duration_minutes) AS integer) AS done, CAST(count(*) AS integer) AS sessions
           FROM mentoring_sessions ms JOIN mentoring_assignments ma ON ma.id = ms.assignment_id
          WHERE ma.program_year_id IN ($1, $2) AND ms.confirmation <> 'disputed'`,
        [w.years.a2026, w.years.b2026],
      );
      expect(minutes).toEqual({ done: 585, sessions: 8 });
      expect(a.mentoring.hoursDone + b.mentoring.hoursDone).toBeCloseTo(585 / 60, 2);
    });
  });

  describe('the mentoring summary behind the reports', () => {
    const assignmentOf = async (partnershipId: string) =>
      ((await t.dataSource.query('SELECT id FROM mentoring_assignments WHERE partnership_id = $1 AND ended_at IS NULL', [partnershipId])) as Array<{ id: string }>)[0].id;
    const recount = async (assignmentId: string) =>
      (
        (await t.dataSource.query(
          `SELECT (SELECT CAST(count(*) AS integer) FROM mentoring_sessions WHERE assignment_id = $1 AND confirmation <> 'disputed') AS done,
                  t.sessions_done AS "summaryDone", t.open_due_dates AS "openDue",
                  (SELECT array_agg(due_date ORDER BY due_date) FROM mentoring_actions WHERE assignment_id = $1 AND status = 'open') AS "recountDue"
             FROM report_mentoring_totals t WHERE t.assignment_id = $1`,
          [assignmentId],
        )) as Array<{ done: number; summaryDone: number; openDue: string[] | null; recountDue: string[] | null }>
      )[0];

    it('follows every change of sessions and follow-ups, also from two transactions at once', async () => {
      const before = (await portfolio(w.programB, w.csrB.auth)).mentoring;
      expect(before).toMatchObject({ sessionsDone: 2, hoursDone: 2.5, schoolsWithoutContact: 1, overdueFollowUps: 0 });
      const assignment = await assignmentOf(w.partnerships.bS3);
      const insert = `INSERT INTO mentoring_sessions (assignment_id, school_id, held_on, duration_minutes, mode, topic, confirmation, created_by_user_id)
                      VALUES ($1, $2, '2026-07-10', $3, 'visit', 'literacy', 'confirmed', $4) RETURNING id`;
      const first = t.dataSource.createQueryRunner();
      const second = t.dataSource.createQueryRunner();
      await first.connect();
      await second.connect();
      try {
        await first.startTransaction();
        await second.startTransaction();
        await first.query(insert, [assignment, w.schools.s3, 60, w.facilitator.user.id]);
        // The second waits for the first's lock on the summary row, then recounts with its session.
        let secondDone = false;
        const secondInsert = second.query(insert, [assignment, w.schools.s3, 30, w.facilitator.user.id]).then((rows: Array<{ id: string }>) => {
          secondDone = true;
          return rows;
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(secondDone).toBe(false);
        await first.commitTransaction();
        const [{ id: laterSession }] = await secondInsert;
        await second.commitTransaction();
        const after = (await portfolio(w.programB, w.csrB.auth)).mentoring;
        // Two more confirmed sessions (60 + 30 min); S3's contact on 2026-07-10 clears its 60-day flag.
        expect(after).toMatchObject({ sessionsDone: 4, hoursDone: 4, schoolsWithoutContact: 0 });
        // S3's assignment: its pending session and the two new ones.
        expect(await recount(assignment)).toMatchObject({ done: 3, summaryDone: 3 });

        await t.dataSource.query(`UPDATE mentoring_sessions SET confirmation = 'disputed', dispute_reason = 'Not held' WHERE id = $1`, [laterSession]);
        await t.dataSource.query(
          `INSERT INTO mentoring_actions (session_id, assignment_id, description, owner_side, due_date, status, created_by_user_id) VALUES ($1, $2, 'Kirim foto kegiatan', 'school', '2026-07-01', 'open', $3)`,
          [laterSession, assignment, w.facilitator.user.id],
        );
        expect((await portfolio(w.programB, w.csrB.auth)).mentoring).toMatchObject({ sessionsDone: 3, hoursDone: 3.5, disputedSessions: 1, overdueFollowUps: 1 });
        await t.dataSource.query(`UPDATE mentoring_actions SET status = 'done', closed_at = now() WHERE assignment_id = $1`, [assignment]);
        expect((await portfolio(w.programB, w.csrB.auth)).mentoring.overdueFollowUps).toBe(0);
        expect(await recount(assignment)).toEqual({ done: 2, summaryDone: 2, openDue: [], recountDue: null });
      } finally {
        if (first.isTransactionActive) await first.rollbackTransaction();
        if (second.isTransactionActive) await second.rollbackTransaction();
        await first.release();
        await second.release();
      }
    });
  });

  it('documents every report endpoint in OpenAPI with its problems and formats', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    for (const path of [
      '/api/v1/reports/portfolio',
      '/api/v1/reports/portfolio/health',
      '/api/v1/reports/portfolio/charts/{name}',
      '/api/v1/reports/region',
      '/api/v1/reports/partnerships/{id}/summary.pdf',
      '/api/v1/schools/{id}/timeline',
    ]) {
      const op = doc.paths[path]?.get;
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '422']));
    }
    expect(Object.keys(doc.paths['/api/v1/reports/portfolio'].get.responses['200'].content)).toEqual(
      expect.arrayContaining(['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
    );
    expect(doc.components.schemas.PortfolioReportResponse.properties.series).toBeDefined();
  });

  describe('GET /reports/partnerships/{id}/summary.pdf', () => {
    it('gives a one-page PDF to anyone who may read the partnership, 404 to others', async () => {
      const res = await get(`/api/v1/reports/partnerships/${w.partnerships.aS1}/summary.pdf`, w.principalS1.auth).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfPages(pdf)).toBe(1);
      const text = pdfText(pdf);
      expect(text).toContain('Partnership summary');
      expect(text).toContain('70/100');
      expect(text).toContain('150,000,000');
      const id = pdfText((await get(`/api/v1/reports/partnerships/${w.partnerships.aS1}/summary.pdf?locale=id`, w.csrA.auth).buffer(true)).body as Buffer);
      expect(id).toContain('Ringkasan kemitraan');
      expect(id).toContain('150.000.000');
      expect((await get(`/api/v1/reports/partnerships/${w.partnerships.aS1}/summary.pdf`, w.principalS3.auth)).status).toBe(404);
      expect((await get(`/api/v1/reports/partnerships/${w.partnerships.aS1}/summary.pdf`, w.csrB.auth)).status).toBe(404);
      expect((await get(`/api/v1/reports/partnerships/${w.partnerships.aS1}/summary.pdf`)).status).toBe(401);
      expect((await get(`/api/v1/reports/partnerships/${w.partnerships.aS1}/summary.pdf`, w.judge.auth)).status).toBe(403);
    });
  });
});
