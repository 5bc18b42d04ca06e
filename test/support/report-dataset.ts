import type { DataSource } from 'typeorm';
import type { TestApp } from './app';
import { createOrganization, signedIn } from './factories';

export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/**
 * The known dataset of the report tests, inserted directly, "today" being 2026-07-15. Two companies
 * (A, B), six schools: S1 and S2 in Kota Pontianak (61.71), S3, S4 and S6 in Kota Singkawang (61.72),
 * S5 in Kota Balikpapan (64.71). Every total the tests expect is worked out by hand in
 * test/e2e/reports.e2e-spec.ts from what is written here.
 *
 * Program A (company A) runs 2024–2026: S1 and S2 since 2024-02-01, S6 from 2024-02-01 until it
 * ended on 2024-12-15, S5 since 2026-01-10. Program B (company B) runs 2025–2026: S1 and S3 since
 * 2025-03-01. S4 has no partner.
 */
export interface ReportWorld {
  today: string;
  companyA: { id: string; name: string };
  companyB: { id: string; name: string };
  programA: string;
  programB: string;
  years: { a2024: string; a2025: string; a2026: string; b2025: string; b2026: string };
  schools: { s1: string; s2: string; s3: string; s4: string; s5: string; s6: string };
  partnerships: { aS1: string; aS2: string; aS5: string; aS6: string; bS1: string; bS3: string };
  csrA: SignedIn;
  csrB: SignedIn;
  principalS1: SignedIn;
  principalS3: SignedIn;
  officeProvince: SignedIn;
  officeSingkawang: SignedIn;
  facilitator: SignedIn;
  admin: SignedIn;
  judge: SignedIn;
}

async function one(ds: DataSource, sql: string, params: unknown[]): Promise<string> {
  const [row] = (await ds.query(sql, params)) as Array<{ id: string }>;
  return row.id;
}

/** Builds the ReportWorld. */
export async function reportWorld(t: TestApp): Promise<ReportWorld> {
  const ds = t.dataSource;
  const tag = Math.random().toString(36).slice(2, 7);
  const companyA = await createOrganization(ds, 'company', { name: `PT Alpha ${tag}` });
  const companyB = await createOrganization(ds, 'company', { name: `PT Beta ${tag}` });
  const school = (name: string, regionCode: string) => createOrganization(ds, 'school', { name: `${name} ${tag}`, regionCode });
  const s1 = await school('SDN 1 Pontianak', '61.71');
  const s2 = await school('SDN 2 Pontianak', '61.71');
  const s3 = await school('SDN 3 Singkawang', '61.72');
  const s4 = await school('SDN 4 Singkawang', '61.72');
  const s5 = await school('SDN 5 Balikpapan', '64.71');
  const s6 = await school('SDN 6 Singkawang', '61.72');
  const officeP = await createOrganization(ds, 'education_office', { name: `Dinas Pendidikan Kalimantan Barat ${tag}`, officeLevel: 'province', regionCode: '61' });
  const officeS = await createOrganization(ds, 'education_office', { name: `Dinas Pendidikan Kota Singkawang ${tag}`, officeLevel: 'regency', regionCode: '61.72' });
  const facilitatorOrg = await createOrganization(ds, 'facilitator', { name: `Edukasi ${tag}` });
  const [csrA, csrB, principalS1, principalS3, officeProvince, officeSingkawang, facilitator, admin, judge] = await Promise.all([
    signedIn(ds, t.http, 'csr_officer', { organization: companyA }),
    signedIn(ds, t.http, 'csr_officer', { organization: companyB }),
    signedIn(ds, t.http, 'principal', { organization: s1 }),
    signedIn(ds, t.http, 'principal', { organization: s3 }),
    signedIn(ds, t.http, 'education_officer', { organization: officeP }),
    signedIn(ds, t.http, 'education_officer', { organization: officeS }),
    signedIn(ds, t.http, 'facilitator', { organization: facilitatorOrg }),
    signedIn(ds, t.http, 'admin'),
    signedIn(ds, t.http, 'judge'),
  ]);
  const by = admin.user.id;

  const programA = await one(ds, `INSERT INTO programs (company_id, name, start_year) VALUES ($1, $2, 2024) RETURNING id`, [companyA.id, `Generasi Alpha ${tag}`]);
  const programB = await one(ds, `INSERT INTO programs (company_id, name, start_year) VALUES ($1, $2, 2025) RETURNING id`, [companyB.id, `Beta Peduli ${tag}`]);
  for (const p of [programA, programB]) await ds.query('INSERT INTO program_facilitators (program_id, facilitator_id) VALUES ($1, $2)', [p, facilitatorOrg.id]);
  const year = (program: string, y: number, theme: string, status: string, planDeadline: string, reportingDeadline: string) =>
    one(ds, `INSERT INTO program_years (program_id, year, theme, status, plan_deadline, grant_reporting_deadline) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
      program,
      y,
      theme,
      status,
      planDeadline,
      reportingDeadline,
    ]);
  const years = {
    a2024: await year(programA, 2024, 'Literasi', 'closed', '2024-03-01', '2024-12-31'),
    a2025: await year(programA, 2025, 'Sekolah ramah anak', 'closed', '2025-03-01', '2025-11-30'),
    a2026: await year(programA, 2026, 'Kesiapsiagaan bencana', 'running', '2026-03-01', '2026-06-30'),
    b2025: await year(programB, 2025, 'Sanitasi', 'closed', '2025-04-01', '2025-12-31'),
    b2026: await year(programB, 2026, 'Parenting', 'running', '2026-08-01', '2026-12-31'),
  };

  /** A partnership with its status history: [status, date] in order. */
  const partnership = async (program: string, company: string, schoolId: string, history: Array<[string, string]>) => {
    const last = history[history.length - 1];
    const id = await one(ds, `INSERT INTO partnerships (program_id, company_id, school_id, status, started_on, ended_on, status_reason) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, [
      program,
      company,
      schoolId,
      last[0],
      history.find((h) => h[0] === 'active')?.[1] ?? null,
      last[0] === 'ended' ? last[1] : null,
      last[0] === 'ended' ? 'Program moved to other schools' : null,
    ]);
    let from: string | null = null;
    for (const [i, [to, on]] of history.entries()) {
      await ds.query(`INSERT INTO partnership_events (partnership_id, from_status, to_status, occurred_on, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        id,
        from,
        to,
        on,
        to === 'ended' ? 'Program moved to other schools' : null,
        new Date(Date.parse('2000-01-01T00:00:00Z') + i * 1000),
      ]);
      from = to;
    }
    return id;
  };
  const partnerships = {
    aS1: await partnership(programA, companyA.id, s1.id, [['active', '2024-02-01']]),
    aS2: await partnership(programA, companyA.id, s2.id, [['active', '2024-02-01']]),
    aS6: await partnership(programA, companyA.id, s6.id, [
      ['active', '2024-02-01'],
      ['ended', '2024-12-15'],
    ]),
    aS5: await partnership(programA, companyA.id, s5.id, [['active', '2026-01-10']]),
    bS1: await partnership(programB, companyB.id, s1.id, [['active', '2025-03-01']]),
    bS3: await partnership(programB, companyB.id, s3.id, [['active', '2025-03-01']]),
  };

  // MoUs
  const mou = (p: string, number: string, effective: string, expiry: string, status: string, extra: { terminatedOn?: string; renews?: string } = {}) =>
    one(
      ds,
      `INSERT INTO mous (partnership_id, number, title, scope, effective_date, expiry_date, status, terminated_on, termination_reason, renews_mou_id, created_by_user_id)
       VALUES ($1, $2, 'Nota Kesepahaman', 'Kerja sama pendidikan', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [p, `${number}/${tag}`, effective, expiry, status, extra.terminatedOn ?? null, extra.terminatedOn ? 'Partnership ended' : null, extra.renews ?? null, by],
    );
  await mou(partnerships.aS1, 'M1', '2024-02-01', '2026-08-31', 'active');
  await mou(partnerships.aS2, 'M2', '2024-02-01', '2025-12-31', 'expired');
  await mou(partnerships.aS5, 'M5', '2026-01-10', '2028-12-31', 'active');
  await mou(partnerships.aS6, 'M6', '2024-02-01', '2026-01-31', 'terminated', { terminatedOn: '2024-12-15' });
  await mou(partnerships.bS1, 'MB1', '2025-03-01', '2027-02-28', 'active');
  const mb3 = await mou(partnerships.bS3, 'MB3', '2025-03-01', '2026-02-28', 'superseded');
  await mou(partnerships.bS3, 'MB3R', '2026-03-01', '2028-02-29', 'active', { renews: mb3 });

  // Plans: [partnership, school, year, status, revision, submitted_at, submitted_late, content]
  const content = (indicators: Array<{ id: string; name: string; baseline: string; target: string; unit: string }>) =>
    JSON.stringify({ programs: [{ id: '00000000-0000-4000-8000-0000000000a1', topic: 'literacy', name: 'Gerakan literasi', indicators }] });
  const plan = (p: string, schoolId: string, yearId: string, status: string, submittedAt: string | null, late: boolean, body = '{}') =>
    one(
      ds,
      `INSERT INTO plans (school_id, program_year_id, partnership_id, title, content, status, revision, submitted_at, submitted_late, approved_at, completed_at, created_by_user_id)
       VALUES ($1, $2, $3, 'Rencana program', $4, $5, 0, $6, $7, $8, $9, $10) RETURNING id`,
      [
        schoolId,
        yearId,
        p,
        body,
        status,
        submittedAt,
        late,
        ['approved', 'in_progress', 'completed'].includes(status) && submittedAt ? new Date(Date.parse(submittedAt) + 7 * 86_400_000) : null,
        status === 'completed' && submittedAt ? new Date(Date.parse(submittedAt) + 300 * 86_400_000) : null,
        by,
      ],
    );
  const fallingIndicator = '00000000-0000-4000-8000-0000000000b1';
  const steadyIndicator = '00000000-0000-4000-8000-0000000000b2';
  const plans = {
    a24s1: await plan(partnerships.aS1, s1.id, years.a2024, 'completed', '2024-02-20T03:00:00Z', false),
    a24s2: await plan(partnerships.aS2, s2.id, years.a2024, 'completed', '2024-02-21T03:00:00Z', false),
    a24s6: await plan(partnerships.aS6, s6.id, years.a2024, 'approved', '2024-02-22T03:00:00Z', false),
    a25s1: await plan(partnerships.aS1, s1.id, years.a2025, 'completed', '2025-02-20T03:00:00Z', false),
    a25s2: await plan(
      partnerships.aS2,
      s2.id,
      years.a2025,
      'completed',
      '2025-03-10T03:00:00Z',
      true,
      content([{ id: steadyIndicator, name: 'Books borrowed per month', baseline: '30', target: '60', unit: 'books' }]),
    ),
    a26s1: await plan(
      partnerships.aS1,
      s1.id,
      years.a2026,
      'in_progress',
      '2026-02-20T03:00:00Z',
      false,
      content([{ id: fallingIndicator, name: 'Fluent readers', baseline: '40', target: '75', unit: '%' }]),
    ),
    a26s5: await plan(partnerships.aS5, s5.id, years.a2026, 'approved', '2026-03-05T03:00:00Z', true),
    b25s1: await plan(partnerships.bS1, s1.id, years.b2025, 'completed', '2025-03-20T03:00:00Z', false),
    b25s3: await plan(partnerships.bS3, s3.id, years.b2025, 'completed', '2025-03-21T03:00:00Z', false),
    b26s1: await plan(partnerships.bS1, s1.id, years.b2026, 'approved', '2026-05-01T03:00:00Z', false),
    b26s3: await plan(partnerships.bS3, s3.id, years.b2026, 'draft', null, false),
  };
  await ds.query(`INSERT INTO plan_indicator_results (plan_id, indicator_id, achieved_value, updated_by_user_id) VALUES ($1, $2, 35, $3), ($4, $5, 50, $3)`, [
    plans.a26s1,
    fallingIndicator,
    by,
    plans.a25s2,
    steadyIndicator,
  ]);

  // Grants: [plan, school, year, partnership, company, awarded, disbursed, accepted, returned, carried, status]
  const awardedOn: Record<string, string> = { [years.a2024]: '2024-03-15', [years.a2025]: '2025-03-15', [years.a2026]: '2026-03-15', [years.b2025]: '2025-04-15', [years.b2026]: '2026-05-15' };
  const grant = (planId: string, schoolId: string, yearId: string, p: string, company: string, m: [number, number, number, number, number], status: string) =>
    one(
      ds,
      `INSERT INTO grants (plan_id, school_id, program_year_id, partnership_id, company_id, awarded_amount, disbursed_amount, accepted_amount, returned_amount, carried_over_amount, status, awarded_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [planId, schoolId, yearId, p, company, ...m, status, by, `${awardedOn[yearId]}T03:00:00Z`],
    );
  const M = 1_000_000;
  await grant(plans.a24s1, s1.id, years.a2024, partnerships.aS1, companyA.id, [100 * M, 100 * M, 90 * M, 10 * M, 0], 'closed');
  await grant(plans.a24s2, s2.id, years.a2024, partnerships.aS2, companyA.id, [80 * M, 80 * M, 80 * M, 0, 0], 'closed');
  await grant(plans.a24s6, s6.id, years.a2024, partnerships.aS6, companyA.id, [50 * M, 20 * M, 20 * M, 0, 0], 'cancelled');
  const g25s1 = await grant(plans.a25s1, s1.id, years.a2025, partnerships.aS1, companyA.id, [120 * M, 120 * M, 100 * M, 0, 20 * M], 'closed');
  await grant(plans.a25s2, s2.id, years.a2025, partnerships.aS2, companyA.id, [90 * M, 60 * M, 40 * M, 0, 0], 'disbursing');
  const g26s1 = await grant(plans.a26s1, s1.id, years.a2026, partnerships.aS1, companyA.id, [150 * M, 75 * M, 30 * M, 0, 0], 'disbursing');
  await grant(plans.a26s5, s5.id, years.a2026, partnerships.aS5, companyA.id, [60 * M, 30 * M, 0, 0, 0], 'disbursing');
  await grant(plans.b25s1, s1.id, years.b2025, partnerships.bS1, companyB.id, [70 * M, 70 * M, 70 * M, 0, 0], 'closed');
  await grant(plans.b25s3, s3.id, years.b2025, partnerships.bS3, companyB.id, [70 * M, 70 * M, 65 * M, 5 * M, 0], 'closed');
  await grant(plans.b26s1, s1.id, years.b2026, partnerships.bS1, companyB.id, [80 * M, 40 * M, 0, 0, 0], 'disbursing');
  await ds.query(`INSERT INTO disbursements (grant_id, kind, tranche_number, amount, disbursed_on, transfer_reference, recorded_by_user_id) VALUES ($1, 'tranche', 1, $2, '2026-03-10', 'TRF-1', $3)`, [
    g26s1,
    75 * M,
    by,
  ]);
  await ds.query(
    `INSERT INTO expense_reports (grant_id, title, status, submitted_at, reviewed_at, accepted_amount, created_by_user_id) VALUES
       ($1, 'Belanja 2025', 'accepted', '2025-09-20T03:00:00Z', '2025-10-01T03:00:00Z', $2, $3),
       ($4, 'Belanja semester 1', 'submitted', '2026-07-01T03:00:00Z', NULL, 0, $3)`,
    [g25s1, 100 * M, by, g26s1],
  );

  // Mentoring
  const assignment = (schoolId: string, yearId: string, p: string, sessions: number, minutes: number, createdAt: string, endedAt: string | null = null) =>
    one(
      ds,
      `INSERT INTO mentoring_assignments (facilitator_user_id, facilitator_organization_id, school_id, program_year_id, partnership_id, planned_sessions, planned_minutes, ended_at, ended_reason, assigned_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [facilitator.user.id, facilitatorOrg.id, schoolId, yearId, p, sessions, minutes, endedAt, endedAt ? 'Year closed' : null, by, createdAt],
    );
  const session = (assignmentId: string, schoolId: string, heldOn: string, minutes: number, confirmation: string) =>
    one(
      ds,
      `INSERT INTO mentoring_sessions (assignment_id, school_id, held_on, duration_minutes, mode, topic, confirmation, dispute_reason, created_by_user_id)
       VALUES ($1, $2, $3, $4, 'visit', 'literacy', $5, $6, $7) RETURNING id`,
      [assignmentId, schoolId, heldOn, minutes, confirmation, confirmation === 'disputed' ? 'Did not happen' : null, facilitator.user.id],
    );
  const action = (sessionId: string, assignmentId: string, due: string, status: string) =>
    ds.query(`INSERT INTO mentoring_actions (session_id, assignment_id, description, owner_side, due_date, status, closed_at, created_by_user_id) VALUES ($1, $2, 'Follow up', 'school', $3, $4, $5, $6)`, [
      sessionId,
      assignmentId,
      due,
      status,
      status === 'done' ? '2026-06-10T03:00:00Z' : null,
      facilitator.user.id,
    ]);
  const aS1 = await assignment(s1.id, years.a2026, partnerships.aS1, 6, 600, '2026-01-15T03:00:00Z');
  await session(aS1, s1.id, '2026-02-10', 90, 'confirmed');
  const s1June = await session(aS1, s1.id, '2026-06-01', 120, 'confirmed');
  await session(aS1, s1.id, '2026-06-20', 60, 'pending');
  await session(aS1, s1.id, '2026-06-25', 30, 'disputed');
  await action(s1June, aS1, '2026-07-01', 'open');
  await action(s1June, aS1, '2026-08-01', 'open');
  await action(s1June, aS1, '2026-06-15', 'done');
  const aS5 = await assignment(s5.id, years.a2026, partnerships.aS5, 4, 480, '2026-02-01T03:00:00Z');
  const s5March = await session(aS5, s5.id, '2026-03-01', 60, 'confirmed');
  for (const due of ['2026-04-01', '2026-05-01', '2026-05-15', '2026-06-01']) await action(s5March, aS5, due, 'open');
  const aS2old = await assignment(s2.id, years.a2026, partnerships.aS2, 4, 240, '2026-01-15T03:00:00Z', '2026-03-01T03:00:00Z');
  await session(aS2old, s2.id, '2026-02-15', 60, 'confirmed');
  const aS2new = await assignment(s2.id, years.a2026, partnerships.aS2, 4, 240, '2026-03-01T03:00:00Z');
  await ds.query('UPDATE mentoring_assignments SET replaced_by_id = $1 WHERE id = $2', [aS2new, aS2old]);
  await session(aS2new, s2.id, '2026-06-10', 45, 'confirmed');
  const aS1y25 = await assignment(s1.id, years.a2025, partnerships.aS1, 5, 300, '2025-01-15T03:00:00Z', '2025-12-20T03:00:00Z');
  await session(aS1y25, s1.id, '2025-03-10', 120, 'confirmed');
  await session(aS1y25, s1.id, '2025-09-10', 60, 'confirmed');
  const aS2y25 = await assignment(s2.id, years.a2025, partnerships.aS2, 5, 300, '2025-01-15T03:00:00Z', '2025-12-20T03:00:00Z');
  await session(aS2y25, s2.id, '2025-04-01', 90, 'confirmed');
  const bS1 = await assignment(s1.id, years.b2026, partnerships.bS1, 3, 180, '2026-04-01T03:00:00Z');
  await session(bS1, s1.id, '2026-05-20', 90, 'confirmed');
  const bS3 = await assignment(s3.id, years.b2026, partnerships.bS3, 3, 180, '2026-04-01T03:00:00Z');
  await session(bS3, s3.id, '2026-07-01', 60, 'pending');

  // A training of program A in 2026.
  const training = await one(
    ds,
    `INSERT INTO trainings (title, level, starts_on, ends_on, organiser_id, program_year_id, topic, created_by_user_id) VALUES ('Pelatihan literasi', 'regional', '2026-04-10', '2026-04-11', $1, $2, 'literacy', $3) RETURNING id`,
    [companyA.id, years.a2026, by],
  );
  const participant = (name: string, schoolId: string | null, attended: boolean | null, pre: number | null, post: number | null) =>
    ds.query(`INSERT INTO training_participants (training_id, external_name, role, school_id, attended, pre_score, post_score) VALUES ($1, $2, 'teacher', $3, $4, $5, $6)`, [
      training,
      name,
      schoolId,
      attended,
      pre,
      post,
    ]);
  await participant('Guru A', s1.id, true, 50, 70);
  await participant('Guru B', s1.id, true, 60, 65);
  await participant('Guru C', s5.id, true, 40, null);
  await participant('Pengawas D', null, true, 55, 70);
  await participant('Guru E', s2.id, false, null, null);

  // Competitions: 2025 published with results; 2026 open with one entry.
  const competition = (yearId: string, title: string, phase: string, publishedAt: string | null, open: string) =>
    one(
      ds,
      `INSERT INTO competitions (program_year_id, company_id, title, level, phase, entries_open_at, entries_close_at, judging_ends_at, published_at)
       VALUES ($1, $2, $3, 'national', $4, $5, CAST($5 AS timestamptz) + interval '30 days', CAST($5 AS timestamptz) + interval '60 days', $6) RETURNING id`,
      [yearId, companyA.id, title, phase, open, publishedAt],
    );
  const c25 = await competition(years.a2025, 'Lomba Inovasi 2025', 'published', '2025-11-20T03:00:00Z', '2025-08-01T00:00:00Z');
  const c26 = await competition(years.a2026, 'Lomba Inovasi 2026', 'open', null, '2026-07-01T00:00:00Z');
  const category = (c: string) => one(ds, `INSERT INTO competition_categories (competition_id, name, position) VALUES ($1, 'Literacy innovation', 1) RETURNING id`, [c]);
  const cat25 = await category(c25);
  const cat26 = await category(c26);
  const entry = (c: string, cat: string, schoolId: string) =>
    one(ds, `INSERT INTO competition_entries (competition_id, category_id, school_id, title, summary, submitted_by_user_id) VALUES ($1, $2, $3, 'Pojok baca', 'Summary', $4) RETURNING id`, [
      c,
      cat,
      schoolId,
      by,
    ]);
  const e1 = await entry(c25, cat25, s1.id);
  const e2 = await entry(c25, cat25, s2.id);
  await entry(c26, cat26, s5.id);
  await ds.query(
    `INSERT INTO competition_results (competition_id, category_id, entry_id, school_id, rank, award, mean_score, median_score, normalized_score, judge_count) VALUES
       ($1, $2, $3, $4, 1, 'winner', 85.5, 85.5, 0.7071, 2), ($1, $2, $5, $6, 2, 'runner_up', 72.25, 72.25, -0.7071, 2)`,
    [c25, cat25, e1, s1.id, e2, s2.id],
  );

  return {
    today: '2026-07-15',
    companyA: { id: companyA.id, name: companyA.name },
    companyB: { id: companyB.id, name: companyB.name },
    programA,
    programB,
    years,
    schools: { s1: s1.id, s2: s2.id, s3: s3.id, s4: s4.id, s5: s5.id, s6: s6.id },
    partnerships,
    csrA,
    csrB,
    principalS1,
    principalS3,
    officeProvince,
    officeSingkawang,
    facilitator,
    admin,
    judge,
  };
}
