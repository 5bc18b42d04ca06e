import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';

/**
 * A national-scale dataset for the report benchmarks, generated set-based in PostgreSQL (every
 * table filled by a few INSERT … SELECT over generate_series, never row by row and never through
 * the API): 50 companies with one program each over 13 program years, 20,000 schools spread over
 * every regency/city, about 17,900 partnerships (the largest company 2,000 schools; some schools
 * without a partner, some with two), their MoU chains, plans, grants with disbursements and expense
 * reports, mentoring assignments with about 1,000,000 sessions and their follow-ups, trainings with
 * participants, and competitions with results. Deterministic: the same numbers every run (all
 * variation comes from hashes of row numbers), relative to `today`.
 */
export interface DatasetSize {
  companies: number;
  schools: number;
  years: number;
  /** Schools of the largest company (company 1). */
  largest: number;
  sessions: number;
}

export const FULL_SIZE: DatasetSize = { companies: 50, schools: 20_000, years: 13, largest: 2_000, sessions: 1_000_000 };

/** One timed step of the generation. */
export interface GenerationStep {
  step: string;
  ms: number;
  rows: number;
}

/** What the generator made, for the benchmark to use. */
export interface GeneratedDataset {
  steps: GenerationStep[];
  largestProgramId: string;
  largestCompanyId: string;
  counts: Record<string, number>;
}

/** A number 0..n-1 from a hash of the expression: deterministic variation without random(). */
const pick = (expr: string, n: number) => `(abs(hashtext(CAST(${expr} AS text))) % ${n})`;

/** Generates the dataset into an empty, migrated database. */
export async function generatePortfolioDataset(ds: DataSource, today: string, size: DatasetSize = FULL_SIZE, log: (line: string) => void = () => {}): Promise<GeneratedDataset> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  const steps: GenerationStep[] = [];
  const currentYear = Number(today.slice(0, 4));
  const startYear = currentYear - size.years + 1;
  const params: Record<string, string | number> = { today, cur: currentYear, start: startYear, schools: size.schools, companies: size.companies, largest: size.largest };
  const sql = (text: string) => text.replace(/:(today|cur|start|schools|companies|largest)\b/g, (_, k: string) => (k === 'today' ? `DATE '${today}'` : String(params[k])));
  const step = async (name: string, statements: string[]) => {
    const started = performance.now();
    let rows = 0;
    for (const s of statements) {
      const result = (await runner.query(sql(s), undefined, true)) as { affected?: number | null };
      if (/^\s*INSERT/i.test(s)) rows += result.affected ?? 0;
    }
    const ms = performance.now() - started;
    steps.push({ step: name, ms, rows });
    log(`  ${name}: ${(ms / 1000).toFixed(1)} s`);
  };
  try {
    await runner.query('SET synchronous_commit = off');
    await runner.query(`SET work_mem = '64MB'`);
    await runner.query(`SET maintenance_work_mem = '256MB'`);
    await step('organisations and users', [
      `INSERT INTO organizations (type, name, sector) SELECT 'company', 'PT Bench ' || lpad(CAST(n AS text), 2, '0'), 'Industry' FROM generate_series(1, :companies) n`,
      `INSERT INTO organizations (type, name, npsn, school_level, ownership, region_code, student_count, teacher_count)
       SELECT 'school', 'SD Bench ' || n, CAST(70000000 + n AS text), 'SD', CASE WHEN n % 5 = 0 THEN 'private' ELSE 'public' END, r.code, 100 + n % 700, 8 + n % 30
         FROM generate_series(1, :schools) n
         JOIN (SELECT code, CAST(row_number() OVER (ORDER BY code) AS integer) - 1 AS k FROM regions WHERE level = 'regency') r
           ON r.k = n % (SELECT count(*) FROM regions WHERE level = 'regency')`,
      `INSERT INTO organizations (type, name) SELECT 'facilitator', 'Bench Fasilitator ' || n FROM generate_series(1, 10) n`,
      `INSERT INTO organizations (type, name) VALUES ('other', 'Bench data')`,
      `CREATE TEMP TABLE b_company AS SELECT CAST(substr(name, 10) AS integer) AS n, id FROM organizations WHERE type = 'company' AND name LIKE 'PT Bench %'`,
      `CREATE TEMP TABLE b_school AS SELECT CAST(substr(name, 10) AS integer) AS n, id, region_code FROM organizations WHERE type = 'school' AND name LIKE 'SD Bench %'`,
      `CREATE TEMP TABLE b_facorg AS SELECT CAST(substr(name, 18) AS integer) AS n, id FROM organizations WHERE type = 'facilitator' AND name LIKE 'Bench Fasilitator %'`,
      `INSERT INTO users (organization_id, email, full_name, role, password_hash)
       SELECT id, 'bench.data@jalin.test', 'Bench data', 'admin', 'not-a-login' FROM organizations WHERE name = 'Bench data'`,
      `INSERT INTO users (organization_id, email, full_name, role, password_hash)
       SELECT f.id, 'bench.facilitator.' || f.n || '.' || k || '@jalin.test', 'Fasilitator ' || f.n || '-' || k, 'facilitator', 'not-a-login'
         FROM b_facorg f CROSS JOIN generate_series(1, 5) k`,
      `CREATE TEMP TABLE b_facuser AS SELECT CAST(row_number() OVER (ORDER BY u.email) AS integer) AS n, u.id, u.organization_id FROM users u WHERE u.email LIKE 'bench.facilitator.%'`,
      `CREATE TEMP TABLE b_by AS SELECT id FROM users WHERE email = 'bench.data@jalin.test'`,
    ]);
    await step('programs and program years', [
      `INSERT INTO programs (company_id, name, start_year, focus_areas) SELECT id, 'Program Bench ' || lpad(CAST(n AS text), 2, '0'), :start, '{literacy}' FROM b_company`,
      `CREATE TEMP TABLE b_program AS SELECT c.n, pr.id, pr.company_id FROM programs pr JOIN b_company c ON c.id = pr.company_id`,
      `INSERT INTO program_years (program_id, year, theme, budget_envelope, plan_deadline, grant_reporting_deadline, competition_date, status)
       SELECT p.id, y, 'Tema ' || y, 5000000000, make_date(y, 3, 1), make_date(y, 11, 30), make_date(y, 11, 15), CASE WHEN y < :cur THEN 'closed' ELSE 'running' END
         FROM b_program p CROSS JOIN generate_series(:start, :cur) y`,
      `CREATE TEMP TABLE b_year AS SELECT y.program_id, y.year, y.id FROM program_years y JOIN b_program p ON p.id = y.program_id`,
      `INSERT INTO program_facilitators (program_id, facilitator_id) SELECT p.id, f.id FROM b_program p JOIN b_facorg f ON f.n IN (1 + p.n % 10, 1 + (p.n + 3) % 10)`,
    ]);
    await step('partnerships and status history', [
      // Company 1 is the largest; the others take 200–449 schools each, from blocks of a permutation of
      // the schools spaced out by a quarter of their size, so some schools have no partner and the
      // blocks that wrap around give others a second one.
      `CREATE TEMP TABLE b_pship AS
       SELECT gen_random_uuid() AS id, p.id AS program_id, p.company_id, s.id AS school_id, p.n AS company_n, j, started_on,
              CASE WHEN j % 25 = 7 AND started_on + make_interval(years => 2 + j % 4) < :today THEN CAST(started_on + make_interval(years => 2 + j % 4) AS date) END AS ended_on
         FROM (SELECT n, size, CAST(floor(COALESCE(sum(size) OVER (ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) * 1.25) AS bigint) AS off
                 FROM (SELECT n, CASE WHEN n = 1 THEN :largest ELSE CAST(round((200 + (n * 97) % 250) * :schools / 20000.0) AS integer) END AS size FROM generate_series(1, :companies) n) sz) o
         JOIN b_program p ON p.n = o.n
         CROSS JOIN LATERAL generate_series(0, o.size - 1) j
         CROSS JOIN LATERAL (SELECT LEAST(make_date(:start + j % 13, 1 + (j * 7) % 12, 1 + (j * 13) % 28), :today - 30) AS started_on) d
         JOIN b_school s ON s.n = CAST((CAST(o.off + j AS bigint) % :schools) * 7919 % :schools AS integer) + 1`,
      `INSERT INTO partnerships (id, program_id, company_id, school_id, status, started_on, ended_on, status_reason, created_at)
       SELECT id, program_id, company_id, school_id, CASE WHEN ended_on IS NULL THEN 'active' ELSE 'ended' END, started_on, ended_on,
              CASE WHEN ended_on IS NOT NULL THEN 'Program moved to other schools' END, started_on FROM b_pship`,
      `INSERT INTO partnership_events (partnership_id, from_status, to_status, occurred_on, created_at)
       SELECT id, NULL, 'active', started_on, started_on FROM b_pship
       UNION ALL
       SELECT id, 'active', 'ended', ended_on, ended_on FROM b_pship WHERE ended_on IS NOT NULL`,
      `UPDATE partnership_events SET reason = 'Program moved to other schools' WHERE to_status = 'ended' AND reason IS NULL`,
    ]);
    await step('MoUs', [
      // Three-year MoUs back to back from the start; one partnership in eleven lets its last one lapse;
      // an ended partnership's MoU in force is terminated on the day it ended.
      `INSERT INTO mous (partnership_id, number, title, scope, effective_date, expiry_date, status, terminated_on, termination_reason, created_by_user_id)
       SELECT bp.id, 'BENCH/' || bp.company_n || '/' || bp.j || '/' || m, 'Nota Kesepahaman', 'Kerja sama peningkatan mutu pendidikan', e.eff, e.exp,
              CASE WHEN bp.ended_on IS NOT NULL AND bp.ended_on <= e.exp THEN 'terminated'
                   WHEN e.exp < :today AND m < c.n - 1 THEN 'superseded'
                   WHEN e.exp < :today THEN 'expired'
                   ELSE 'active' END,
              CASE WHEN bp.ended_on IS NOT NULL AND bp.ended_on <= e.exp THEN bp.ended_on END,
              CASE WHEN bp.ended_on IS NOT NULL AND bp.ended_on <= e.exp THEN 'Partnership ended' END,
              (SELECT id FROM b_by)
         FROM b_pship bp
         CROSS JOIN LATERAL (SELECT CAST(EXTRACT(year FROM age(COALESCE(bp.ended_on, :today), bp.started_on)) AS integer) / 3 + 1 AS all_n) a
         CROSS JOIN LATERAL (SELECT CASE WHEN bp.j % 11 = 3 AND a.all_n > 1 AND bp.ended_on IS NULL THEN a.all_n - 1 ELSE a.all_n END AS n) c
         CROSS JOIN LATERAL generate_series(0, c.n - 1) m
         CROSS JOIN LATERAL (SELECT CAST(bp.started_on + make_interval(years => 3 * m) AS date) AS eff,
                                    CAST(bp.started_on + make_interval(years => 3 * m + 3) AS date) - 1 AS exp) e`,
    ]);
    await step('plans and indicator results', [
      `CREATE TEMP TABLE b_plan AS
       SELECT gen_random_uuid() AS id, bp.id AS partnership_id, bp.school_id, bp.company_id, bp.company_n, bp.j, y.id AS program_year_id, y.year,
              ${pick("bp.id || '/' || y.year", 100)} AS h
         FROM b_pship bp JOIN b_year y ON y.program_id = bp.program_id
          AND y.year BETWEEN EXTRACT(year FROM bp.started_on) AND COALESCE(EXTRACT(year FROM bp.ended_on), :cur)`,
      `ALTER TABLE b_plan ADD COLUMN status text, ADD COLUMN late boolean`,
      `UPDATE b_plan SET late = (h % 13 = 0),
              status = CASE WHEN year < :cur THEN CASE WHEN h < 2 THEN 'withdrawn' WHEN h < 5 THEN 'approved' ELSE 'completed' END
                            ELSE CASE WHEN h < 10 THEN 'draft' WHEN h < 30 THEN 'submitted' WHEN h < 60 THEN 'approved' ELSE 'in_progress' END END`,
      `INSERT INTO plans (id, school_id, program_year_id, partnership_id, title, content, status, revision, submitted_at, submitted_late, approved_at, completed_at, created_by_user_id, created_at)
       SELECT id, school_id, program_year_id, partnership_id, 'Rencana program ' || year,
              CAST('{"programs":[{"id":"00000000-0000-4000-8000-0000000000a1","topic":"literacy","name":"Gerakan literasi","indicators":[{"id":"00000000-0000-4000-8000-0000000000b1","name":"Fluent readers","baseline":"40","target":"75","unit":"%"}]}]}' AS jsonb),
              status, 0,
              CASE WHEN status = 'draft' THEN NULL WHEN late THEN make_date(year, 3, 20) ELSE make_date(year, 2, 15) END,
              status <> 'draft' AND late,
              CASE WHEN status IN ('approved', 'in_progress', 'completed') THEN make_date(year, 4, 1) END,
              CASE WHEN status = 'completed' THEN make_date(year, 12, 10) END,
              (SELECT id FROM b_by), make_date(year, 1, 20)
         FROM b_plan`,
      `INSERT INTO plan_indicator_results (plan_id, indicator_id, achieved_value, updated_by_user_id)
       SELECT id, '00000000-0000-4000-8000-0000000000b1', 30 + h % 60, (SELECT id FROM b_by) FROM b_plan
        WHERE year >= :cur - 1 AND status IN ('in_progress', 'completed')`,
    ]);
    await step('grants, disbursements and expense reports', [
      `CREATE TEMP TABLE b_grant AS
       SELECT gen_random_uuid() AS id, p.id AS plan_id, p.school_id, p.program_year_id, p.partnership_id, p.company_id, p.year, p.h,
              CAST((50 + (p.h * 7) % 100) AS bigint) * 1000000 AS awarded
         FROM b_plan p WHERE p.status IN ('approved', 'in_progress', 'completed')`,
      `ALTER TABLE b_grant ADD COLUMN disbursed bigint, ADD COLUMN accepted bigint, ADD COLUMN returned bigint, ADD COLUMN carried bigint, ADD COLUMN status text`,
      `UPDATE b_grant SET disbursed = awarded,
              returned = CASE WHEN h % 10 = 0 THEN 5000000 ELSE 0 END,
              carried = CASE WHEN h % 10 = 1 THEN 5000000 ELSE 0 END,
              accepted = awarded - CASE WHEN h % 10 IN (0, 1) THEN 5000000 ELSE 0 END,
              status = 'closed'
        WHERE year < :cur`,
      // One grant in 33 of last year still holds 10 million after the reporting deadline.
      `UPDATE b_grant SET accepted = awarded - 10000000, returned = 0, carried = 0, status = 'reporting' WHERE year = :cur - 1 AND h % 33 = 0`,
      `UPDATE b_grant SET disbursed = awarded / 2, accepted = awarded / 2 * (h % 5) / 5, returned = 0, carried = 0, status = 'disbursing' WHERE year = :cur`,
      `INSERT INTO grants (id, plan_id, school_id, program_year_id, partnership_id, company_id, awarded_amount, disbursed_amount, accepted_amount, returned_amount, carried_over_amount,
                          status, awarded_by_user_id, created_at)
       SELECT id, plan_id, school_id, program_year_id, partnership_id, company_id, awarded, disbursed, accepted, returned, carried, status, (SELECT id FROM b_by), make_date(year, 4, 5)
         FROM b_grant`,
      `INSERT INTO disbursements (grant_id, kind, tranche_number, amount, disbursed_on, transfer_reference, recorded_by_user_id, created_at)
       SELECT id, 'tranche', 1, disbursed, make_date(year, 4, 10), 'BENCH-' || h, (SELECT id FROM b_by), make_date(year, 4, 10) FROM b_grant WHERE disbursed > 0`,
      `INSERT INTO expense_reports (grant_id, title, status, submitted_at, reviewed_at, accepted_amount, created_by_user_id, created_at)
       SELECT id, 'Laporan belanja ' || year, 'accepted', make_date(year, 9, 20), make_date(year, 10, 1), accepted, (SELECT id FROM b_by), make_date(year, 9, 1) FROM b_grant WHERE accepted > 0
       UNION ALL
       SELECT id, 'Laporan belanja susulan', 'submitted', :today - 3, NULL, 0, (SELECT id FROM b_by), :today - 10 FROM b_grant WHERE year = :cur AND h % 20 = 0`,
      // The ledger each grant's movements would have written, signed as they move the money at the school.
      `INSERT INTO grant_ledger_entries (grant_id, kind, amount, occurred_on, recorded_by_user_id, created_at)
       SELECT g.id, k.kind, k.amount, k.on_date, (SELECT id FROM b_by), k.on_date
         FROM b_grant g
        CROSS JOIN LATERAL (VALUES (1, 'award', g.awarded, make_date(g.year, 4, 5)),
                                   (2, 'tranche', g.disbursed, make_date(g.year, 4, 10)),
                                   (3, 'expense_accepted', -g.accepted, make_date(g.year, 10, 1)),
                                   (4, 'returned', -g.returned, make_date(g.year, 12, 15)),
                                   (5, 'carried_over', -g.carried, make_date(g.year, 12, 15))) k(n, kind, amount, on_date)
        WHERE k.amount <> 0
        ORDER BY g.id, k.n`,
    ]);
    await step('mentoring assignments', [
      `CREATE TEMP TABLE b_assignment AS
       SELECT gen_random_uuid() AS id, p.id AS plan_id, p.school_id, p.program_year_id, p.partnership_id, p.year, p.h, f.id AS facilitator_user_id, f.organization_id
         FROM b_plan p JOIN b_facuser f ON f.n = 1 + (p.company_n * 7 + p.j) % 50
        WHERE p.status <> 'withdrawn'`,
      `INSERT INTO mentoring_assignments (id, facilitator_user_id, facilitator_organization_id, school_id, program_year_id, partnership_id, planned_sessions, planned_minutes,
                                         ended_at, ended_reason, assigned_by_user_id, created_at)
       SELECT id, facilitator_user_id, organization_id, school_id, program_year_id, partnership_id, 6, 540,
              CASE WHEN year < :cur THEN make_date(year, 12, 20) END, CASE WHEN year < :cur THEN 'Year closed' END, (SELECT id FROM b_by), make_date(year, 1, 20)
         FROM b_assignment`,
    ]);
    const [{ assignments }] = (await runner.query('SELECT CAST(count(*) AS integer) AS assignments FROM b_assignment')) as Array<{ assignments: number }>;
    // Sessions per assignment vary from 1 to 2 × average − 1, so the total is close to the target.
    const average = Math.max(1, Math.round(size.sessions / assignments));
    await step('mentoring sessions', [
      `INSERT INTO mentoring_sessions (assignment_id, school_id, held_on, duration_minutes, mode, topic, confirmation, dispute_reason, confirmed_at, created_by_user_id, created_at)
       SELECT a.id, a.school_id, d.held_on, 60 + 30 * ((a.h + i) % 3),
              (ARRAY['visit', 'online', 'workshop', 'visit', 'evaluation'])[1 + (a.h + i) % 5], 'literacy',
              c.confirmation, CASE WHEN c.confirmation = 'disputed' THEN 'Did not take place' END,
              CASE WHEN c.confirmation = 'confirmed' THEN d.held_on + 2 END, a.facilitator_user_id, d.held_on
         FROM b_assignment a
         CROSS JOIN LATERAL (SELECT 1 + ${pick("a.id || '/n'", 2 * average - 1)} AS k) n
         CROSS JOIN LATERAL generate_series(1, n.k) i
         CROSS JOIN LATERAL (SELECT CASE WHEN a.year < :cur THEN make_date(a.year, 2, 1) + (i * 300) / n.k
                                         ELSE make_date(a.year, 2, 1) + (i * (:today - 1 - make_date(a.year, 2, 1))) / n.k END AS held_on) d
         CROSS JOIN LATERAL (SELECT CASE WHEN ${pick("a.id || '/' || i", 100)} < 85 THEN 'confirmed'
                                         WHEN ${pick("a.id || '/' || i", 100)} < 97 THEN 'pending' ELSE 'disputed' END AS confirmation) c`,
    ]);
    await step('follow-up actions', [
      `INSERT INTO mentoring_actions (session_id, assignment_id, description, owner_side, due_date, status, dropped_reason, closed_at, created_by_user_id, created_at)
       SELECT ms.id, ms.assignment_id, 'Tindak lanjut sesi', CASE WHEN x.h % 2 = 0 THEN 'school' ELSE 'facilitator' END, ms.held_on + 30, x.status,
              CASE WHEN x.status = 'dropped' THEN 'No longer needed' END, CASE WHEN x.status <> 'open' THEN ms.held_on + 20 END, ms.created_by_user_id, ms.held_on
         FROM mentoring_sessions ms
         CROSS JOIN LATERAL (SELECT ${pick('ms.id', 100)} AS h) hh
         CROSS JOIN LATERAL (SELECT hh.h,
                                    CASE WHEN ms.held_on >= make_date(:cur, 1, 1) THEN CASE WHEN hh.h % 2 = 0 THEN 'open' ELSE 'done' END
                                         WHEN hh.h % 20 = 0 THEN 'open' WHEN hh.h % 20 = 1 THEN 'dropped' ELSE 'done' END AS status) x
        WHERE hh.h % 4 = 0`,
    ]);
    await step('trainings and participants', [
      `INSERT INTO trainings (title, level, starts_on, ends_on, organiser_id, program_year_id, topic, created_by_user_id)
       SELECT 'Pelatihan ' || k || ' ' || y.year, 'regional', make_date(y.year, 4 + 4 * k, 10), make_date(y.year, 4 + 4 * k, 11), p.company_id, y.id, 'literacy', (SELECT id FROM b_by)
         FROM b_year y JOIN b_program p ON p.id = y.program_id CROSS JOIN generate_series(0, 1) k
        WHERE make_date(y.year, 4 + 4 * k, 11) < :today`,
      `CREATE TEMP TABLE b_plan_rank AS SELECT school_id, program_year_id, CAST(row_number() OVER (PARTITION BY program_year_id ORDER BY h, id) AS integer) AS r FROM b_plan`,
      // Each training: 25 teachers of the year's cohort schools (a different school for each k).
      `INSERT INTO training_participants (training_id, external_name, role, school_id, attended, pre_score, post_score)
       SELECT t.id, 'Guru ' || i, 'teacher', pr.school_id, (i % 10 <> 0), 40 + (i * 7) % 30, CASE WHEN i % 10 <> 0 THEN 40 + (i * 7) % 30 + (i * 3) % 25 END
         FROM trainings t
         JOIN b_year y ON y.id = t.program_year_id
         CROSS JOIN generate_series(1, 25) i
         JOIN b_plan_rank pr ON pr.program_year_id = t.program_year_id AND pr.r = i + 25 * CAST(EXTRACT(month FROM t.starts_on) > 6 AS integer)`,
    ]);
    await step('competitions, entries and results', [
      `INSERT INTO competitions (program_year_id, company_id, title, level, phase, entries_open_at, entries_close_at, judging_ends_at, published_at)
       SELECT y.id, p.company_id, 'Lomba Inovasi ' || y.year, 'national', CASE WHEN y.year < :cur THEN 'published' ELSE 'open' END,
              make_date(y.year, 8, 1), make_date(y.year, 9, 1), make_date(y.year, 10, 15), CASE WHEN y.year < :cur THEN make_date(y.year, 11, 20) END
         FROM b_year y JOIN b_program p ON p.id = y.program_id`,
      `INSERT INTO competition_categories (competition_id, name, position)
       SELECT c.id, k.name, k.position FROM competitions c JOIN b_year y ON y.id = c.program_year_id CROSS JOIN (VALUES ('Literasi', 1), ('Numerasi', 2)) AS k(name, position)`,
      `INSERT INTO competition_entries (competition_id, category_id, school_id, title, summary, plan_id, submitted_by_user_id)
       SELECT c.id, cat.id, p.school_id, 'Inovasi ' || p.year, 'Ringkasan', p.id, (SELECT id FROM b_by)
         FROM b_plan p JOIN competitions c ON c.program_year_id = p.program_year_id
         JOIN competition_categories cat ON cat.competition_id = c.id AND cat.position = 1 + p.h % 2
        WHERE p.h % 10 < 3 AND p.status <> 'withdrawn'`,
      `INSERT INTO competition_results (competition_id, category_id, entry_id, school_id, rank, award, mean_score, median_score, normalized_score, judge_count)
       SELECT r.competition_id, r.category_id, r.id, r.school_id, r.rank, CASE r.rank WHEN 1 THEN 'winner' WHEN 2 THEN 'runner_up' WHEN 3 THEN 'special_mention' END,
              r.score, r.score, (r.score - 70) / 15.0, 3
         FROM (SELECT e.id, e.competition_id, e.category_id, e.school_id, 50 + ${pick('e.id', 4800)} / 100.0 AS score,
                      row_number() OVER (PARTITION BY e.competition_id, e.category_id ORDER BY ${pick('e.id', 4800)} DESC, e.id) AS rank
                 FROM competition_entries e JOIN competitions c ON c.id = e.competition_id
                WHERE c.phase = 'published' AND c.program_year_id IN (SELECT id FROM b_year)) r`,
    ]);
    await step('VACUUM ANALYZE', [`VACUUM ANALYZE`]);
    const counts: Record<string, number> = {};
    for (const table of [
      'organizations',
      'partnerships',
      'partnership_events',
      'mous',
      'plans',
      'plan_indicator_results',
      'grants',
      'disbursements',
      'expense_reports',
      'grant_ledger_entries',
      'mentoring_assignments',
      'mentoring_sessions',
      'mentoring_actions',
      'trainings',
      'training_participants',
      'competitions',
      'competition_entries',
      'competition_results',
    ]) {
      const [{ n }] = (await runner.query(`SELECT CAST(count(*) AS integer) AS n FROM ${table}`)) as Array<{ n: number }>;
      counts[table] = n;
    }
    const [largest] = (await runner.query(`SELECT p.id AS "programId", p.company_id AS "companyId" FROM b_program p WHERE p.n = 1`)) as Array<{ programId: string; companyId: string }>;
    return { steps, largestProgramId: largest.programId, largestCompanyId: largest.companyId, counts };
  } finally {
    await runner.release();
  }
}
