import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Topic } from '../common/catalog/topics';
import { planAssignments } from '../competitions/assignment-plan';
import type { TeamMember } from '../competitions/competition-entry.entity';
import { CompetitionEntry } from '../competitions/competition-entry.entity';
import { inCohortSql } from '../competitions/competition-scope';
import { Competition } from '../competitions/competition.entity';
import { CompetitionsRepository } from '../competitions/competitions.repository';
import { toConflictMap } from '../competitions/conflicts';
import { CompetitionJudge, JudgeAssignment } from '../competitions/judging.entities';
import { JudgingRepository } from '../competitions/judging.repository';
import { ResultsRepository } from '../competitions/results.repository';
import { ResultsService } from '../competitions/results.service';
import { readStoredContent } from '../plans/plan-content';
import { User } from '../users/user.entity';
// From demo-ids, not demo: demo.ts imports this step, and demo-ids imports nothing back.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';

/** Fixed ids of the competition demo records. */
export const COMPETITION_DEMO_IDS = {
  national2025: '00000000-0000-4000-8000-000000000c25',
} as const;

const YEAR = 2025;

/** The three categories, each with the plan topic an entry in it grows from. */
const CATEGORIES: Array<{ name: string; topic: Topic; titles: string[] }> = [
  {
    name: 'Inovasi literasi',
    topic: 'literacy',
    titles: ['Pojok Baca Keliling', 'Sahabat Literasi Pagi', 'Pohon Literasi Kelas', 'Jurnal Cerita Siswa', 'Perpustakaan Lorong', 'Literasi Bersama Orang Tua', 'Festival Dongeng Sekolah'],
  },
  {
    name: 'Sekolah ramah anak',
    topic: 'child_friendly_school',
    titles: ['Sekolah Tanpa Perundungan', 'Kotak Suara Anak', 'Duta Ramah Anak', 'Kelas Nyaman Bersama', 'Taman Bermain Aman', 'Forum Anak Sekolah', 'Sahabat Sebaya'],
  },
  {
    name: 'Kesiapsiagaan bencana',
    topic: 'disaster_preparedness',
    titles: ['Siaga Banjir Sejak Dini', 'Jalur Evakuasi Cerdas', 'Tas Siaga Keluarga', 'Simulasi Gempa Bulanan', 'Kampung Siaga Sekolah', 'Peta Risiko Bersama Siswa', 'Sirine Sekolah Tangguh'],
  },
];

const CRITERIA = [
  { name: 'Kebaruan', description: 'Seberapa baru gagasan ini bagi sekolah dan lingkungannya.', weight: 30, maxScore: 20 },
  { name: 'Dampak bagi siswa', description: 'Apa yang berubah bagi siswa, disertai bukti.', weight: 30, maxScore: 20 },
  { name: 'Keberlanjutan', description: 'Apakah sekolah dapat meneruskannya tanpa dana hibah.', weight: 25, maxScore: 10 },
  { name: 'Keterlibatan orang tua dan masyarakat', description: 'Bagaimana orang tua, komite sekolah dan warga sekitar ikut terlibat.', weight: 15, maxScore: 10 },
];

/** The four judges added to the demo judge; all of Universitas Lambung Mangkurat. */
const MORE_JUDGES = [
  { email: 'judge2@ulm.example', fullName: 'Dr. Hj. Rahmawati, M.Pd. (Juri)' },
  { email: 'judge3@ulm.example', fullName: 'Prof. Dr. Ahmad Suriansyah (Juri)' },
  { email: 'judge4@ulm.example', fullName: 'Dra. Nurul Hikmah, M.Si. (Juri)' },
  { email: 'judge5@ulm.example', fullName: 'Dr. Budi Santoso, M.Pd. (Juri)' },
];

/** Each judge's leniency: the first is generous, the third strict, so normalisation has work to do. */
const LENIENCY = [0.04, 0.0, -0.09, 0.02, -0.03];

const at = (iso: string) => new Date(iso);

/**
 * The 2025 national innovation competition of Generasi Trakindo, published: three categories, a
 * four-criterion rubric, an entry from every school in the 2025 cohort (Pelambuan 4's grows from its
 * 2025 child-friendly school plan), five judges of Universitas Lambung Mangkurat assigned three per
 * entry with the same conflict check and balancing as the API, deterministic scores, and results
 * computed and frozen by the same code as publishing through the API.
 */
export const competitionsDemoStep: DemoStep = {
  name: 'demo:competitions',
  async run(manager: EntityManager) {
    const ds = manager.dataSource;
    const [year] = (await manager.query(
      `SELECT py.id, py.program_id AS "programId" FROM program_years py JOIN programs pr ON pr.id = py.program_id
        WHERE pr.company_id = $1 AND pr.name = 'Generasi Trakindo' AND py.year = $2`,
      [DEMO_IDS.trakindo, YEAR],
    )) as Array<{ id: string; programId: string }>;
    if (!year) throw new Error(`demo:competitions needs the ${YEAR} year of Generasi Trakindo: run the programs demo step first`);
    const csr = await manager.findOne(User, { where: { email: DEMO_USERS.find((u) => u.role === 'csr_officer')?.email } });
    const demoJudge = await manager.findOne(User, { where: { email: DEMO_USERS.find((u) => u.role === 'judge')?.email } });
    if (!csr || !demoJudge) throw new Error('demo:competitions needs the demo CSR officer and judge: run the foundation step first');
    const schools = (await manager.query(
      `SELECT s.id, s.name,
              (SELECT u.id FROM users u WHERE u.organization_id = s.id AND u.role = 'principal' ORDER BY u.created_at LIMIT 1) AS "principalId"
         FROM organizations s
        WHERE s.type = 'school' AND ${inCohortSql('$1', '$2', 's.id')}
        ORDER BY s.name`,
      [year.programId, year.id],
    )) as Array<{ id: string; name: string; principalId: string | null }>;
    if (schools.length < CATEGORIES.length) throw new Error(`demo:competitions found ${schools.length} schools in the ${YEAR} cohort of Generasi Trakindo; the programs demo step should give about twenty`);

    const competitionId = COMPETITION_DEMO_IDS.national2025;
    await manager.insert(Competition, {
      id: competitionId,
      programYearId: year.id,
      companyId: DEMO_IDS.trakindo,
      title: 'Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025',
      level: 'national',
      phase: 'published',
      entriesOpenAt: at('2025-09-01T00:00:00+07:00'),
      entriesCloseAt: at('2025-10-31T23:59:59+07:00'),
      judgingEndsAt: at('2025-11-30T23:59:59+07:00'),
      publishedAt: at('2025-12-10T10:00:00+07:00'),
      minJudgesPerEntry: 3,
      createdAt: at('2025-08-15T09:00:00+07:00'),
    });
    const competitions = new CompetitionsRepository(ds);
    await competitions.replaceCategories(competitionId, CATEGORIES.map((c) => c.name), manager);
    await competitions.replaceCriteria(competitionId, CRITERIA, manager);
    const categories = await competitions.categoriesOf(competitionId, manager);
    const criteria = await competitions.criteriaOf(competitionId, manager);

    await manager.insert(
      User,
      MORE_JUDGES.map((j) => ({ email: j.email, fullName: j.fullName, role: 'judge' as const, organizationId: DEMO_IDS.ulm, passwordHash: demoJudge.passwordHash })),
    );
    const judges = [demoJudge];
    for (const j of MORE_JUDGES) judges.push(await manager.findOneOrFail(User, { where: { email: j.email } }));
    await manager.insert(
      CompetitionJudge,
      judges.map((j, i) => ({ competitionId, judgeUserId: j.id, createdAt: at(`2025-08-2${i}T09:00:00+07:00`) })),
    );

    // Pelambuan 4 enters the category its 2025 plan is about; the others take turns over the three.
    const plans = (await manager.query('SELECT id, school_id AS "schoolId", content FROM plans WHERE program_year_id = $1', [year.id])) as Array<{ id: string; schoolId: string; content: Record<string, unknown> }>;
    const entries: Array<{ id: string; schoolId: string; category: number }> = [];
    const used = CATEGORIES.map(() => 0);
    const rows = schools.map((s, i) => {
      const category = s.id === DEMO_IDS.pelambuan4 ? 1 : i % CATEGORIES.length;
      const plan = plans.find((p) => p.schoolId === s.id);
      const program = plan ? readStoredContent(plan.content).programs.find((p) => p.topic === CATEGORIES[category].topic) : undefined;
      const title = program?.name ?? CATEGORIES[category].titles[used[category]++ % CATEGORIES[category].titles.length];
      const team: TeamMember[] = [
        { name: 'Kepala sekolah', role: 'Penanggung jawab' },
        { name: 'Guru kelas 5', role: 'Koordinator inovasi' },
        { name: 'Perwakilan komite sekolah', role: 'Pendamping orang tua' },
      ];
      const id = randomUUID();
      const made = at(`2025-10-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00+07:00`);
      entries.push({ id, schoolId: s.id, category });
      return {
        id,
        competitionId,
        categoryId: categories[category].id,
        schoolId: s.id,
        title: title.slice(0, 200),
        summary: program?.goal ?? `${title}: inovasi ${s.name} dalam kategori ${CATEGORIES[category].name.toLowerCase()} selama tahun program ${YEAR}, dijalankan bersama siswa, guru dan orang tua.`,
        planId: program && plan ? plan.id : null,
        planProgramId: program ? program.id : null,
        teamMembers: team,
        submittedByUserId: s.principalId ?? csr.id,
        // Last changed when made: entries cannot change once the entry window has closed.
        createdAt: made,
        updatedAt: made,
      };
    });
    await manager.insert(CompetitionEntry, rows);

    // Assignments: three judges per entry, category by category, with the API's conflict check and balancing.
    const judging = new JudgingRepository(ds);
    const judgeIds = judges.map((j) => j.id);
    const conflicts = toConflictMap(await judging.conflictFacts(competitionId, YEAR, judgeIds, schools.map((s) => s.id), manager), YEAR);
    const load = new Map<string, number>();
    const assignments: Array<{ entryId: string; judgeUserId: string }> = [];
    for (const [k] of CATEGORIES.entries()) {
      const plan = planAssignments({
        entries: entries.filter((e) => e.category === k).map((e) => ({ entryId: e.id, schoolId: e.schoolId, assignedJudgeIds: [] })),
        judgeIds,
        conflictsOf: (judge, school) => conflicts.get(judge)?.get(school) ?? [],
        load,
        judgesPerEntry: 3,
      });
      if (plan.unfilled.length > 0) throw new Error(`demo:competitions could not give ${plan.unfilled.length} entries three unconflicted judges`);
      for (const a of plan.assigned) load.set(a.judgeUserId, (load.get(a.judgeUserId) ?? 0) + 1);
      assignments.push(...plan.assigned);
    }
    await manager.insert(
      JudgeAssignment,
      assignments.map((a) => ({ competitionId, entryId: a.entryId, judgeUserId: a.judgeUserId, assignedByUserId: csr.id, createdAt: at('2025-11-01T09:00:00+07:00') })),
    );

    // Scores: each entry has a quality, each judge a leniency, each sheet a little noise; all deterministic.
    const scoreRows: Array<Record<string, unknown>> = [];
    for (const a of assignments) {
      const e = entries.findIndex((x) => x.id === a.entryId);
      const j = judgeIds.indexOf(a.judgeUserId);
      const quality = 0.55 + ((e * 37) % 40) / 100;
      criteria.forEach((c, ci) => {
        const noise = (((e * 7 + j * 13 + ci * 5) % 11) - 5) / 100;
        const share = Math.min(1, Math.max(0, quality + LENIENCY[j] + noise));
        scoreRows.push({
          entryId: a.entryId,
          judgeUserId: a.judgeUserId,
          criterionId: c.id,
          score: Math.round(share * c.maxScore),
          comment: ci === 0 ? 'Dinilai berdasarkan dokumen dan presentasi sekolah.' : null,
          updatedAt: at(`2025-11-${String(10 + ((e + j) % 15)).padStart(2, '0')}T10:00:00+07:00`),
        });
      });
    }
    await manager.query(
      `INSERT INTO entry_scores (entry_id, judge_user_id, criterion_id, score, comment, updated_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::timestamptz[])`,
      [
        scoreRows.map((s) => s.entryId),
        scoreRows.map((s) => s.judgeUserId),
        scoreRows.map((s) => s.criterionId),
        scoreRows.map((s) => s.score),
        scoreRows.map((s) => s.comment),
        scoreRows.map((s) => (s.updatedAt as Date).toISOString()),
      ],
    );

    // The results, computed and frozen exactly as publishing through the API does.
    const competition = await competitions.findById(competitionId, manager);
    if (!competition) throw new Error('demo:competitions lost its competition');
    await new ResultsService(ds, competitions, judging, new ResultsRepository(ds)).freeze(competition, manager);
  },
};
