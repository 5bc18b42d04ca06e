import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import type { Organization } from '../../src/organizations/organization.entity';
import type { Partnership } from '../../src/partnerships/partnership.entity';
import type { ProgramYear } from '../../src/programs/program-year.entity';
import type { Program } from '../../src/programs/program.entity';
import type { TestApp } from './app';
import { createOrganization, signedIn } from './factories';
import { insertPartnership, insertProgram, insertProgramYear, SignedIn } from './program-factories';

export type { SignedIn } from './program-factories';

const DAY = 86_400_000;

/** An instant `days` from now (negative: in the past), ISO 8601. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Fixes the app's Clock at an instant until the next call or `realTime`. */
export function fixNow(t: TestApp, iso: string): void {
  const clock = t.app.get(Clock);
  jest.restoreAllMocks();
  jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
}

/** Lets the app's Clock run on real time again. */
export function realTime(): void {
  jest.restoreAllMocks();
}

/** A partner school with its signed-in principal and its partnership. */
export interface WorldSchool {
  school: Organization;
  principal: SignedIn;
  partnership: Partnership;
}

/**
 * A company with its CSR officer and a program with the years 2023–2025, a facilitator organisation
 * working in it (with a facilitator), the city education office of 63.71 (with an officer), and
 * `schools` active partner schools in 63.71 with their principals.
 */
export interface CompetitionWorld {
  company: Organization;
  csr: SignedIn;
  program: Program;
  year: ProgramYear;
  years: Record<number, ProgramYear>;
  facilitatorOrg: Organization;
  facilitator: SignedIn;
  office: Organization;
  officer: SignedIn;
  schools: WorldSchool[];
}

/** Builds a CompetitionWorld directly in the database. */
export async function competitionWorld(t: TestApp, options: { schools?: number; programName?: string } = {}): Promise<CompetitionWorld> {
  const ds = t.dataSource;
  const company = await createOrganization(ds, 'company');
  const csr = await signedIn(ds, t.http, 'csr_officer', { organization: company });
  const facilitatorOrg = await createOrganization(ds, 'facilitator');
  const facilitator = await signedIn(ds, t.http, 'facilitator', { organization: facilitatorOrg });
  const program = await insertProgram(ds, company.id, { name: options.programName ?? `Generasi ${company.name}`, facilitatorIds: [facilitatorOrg.id] });
  const years: Record<number, ProgramYear> = {};
  for (const y of [2023, 2024, 2025]) years[y] = await insertProgramYear(ds, program.id, y, { status: y < 2025 ? 'closed' : 'running' });
  const office = await createOrganization(ds, 'education_office', { regionCode: '63.71' });
  const officer = await signedIn(ds, t.http, 'education_officer', { organization: office });
  const schools: WorldSchool[] = [];
  for (let i = 0; i < (options.schools ?? 4); i += 1) schools.push(await addSchool(t, program, { name: `SDN Uji ${i + 1} ${company.name}` }));
  return { company, csr, program, year: years[2025], years, facilitatorOrg, facilitator, office, officer, schools };
}

/** Adds a school with an active partnership (or the given history) and its signed-in principal. */
export async function addSchool(t: TestApp, program: Program, extra: Partial<Organization> = {}, history: Parameters<typeof insertPartnership>[3] = [{ to: 'active', on: '2020-02-10' }]): Promise<WorldSchool> {
  const school = await createOrganization(t.dataSource, 'school', { regionCode: '63.71', ...extra });
  const partnership = await insertPartnership(t.dataSource, program, school, history);
  const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: school });
  return { school, principal, partnership };
}

/** The rubric of the hand-computed case: A weighs 60 of max 10, B 40 of max 5, so a total is 6a + 8b. */
export const HAND_RUBRIC = [
  { name: 'A', description: 'Sixty percent.', weight: 60, maxScore: 10 },
  { name: 'B', weight: 40, maxScore: 5 },
];

/** A valid POST /competitions body for the world's 2025 year, entries open now until tomorrow. */
export function competitionBody(w: CompetitionWorld, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    programYearId: w.year.id,
    title: 'Lomba Inovasi Sekolah 2025',
    level: 'national',
    categories: [{ name: 'Literacy innovation' }, { name: 'Child-friendly school' }],
    criteria: HAND_RUBRIC,
    entriesOpenAt: daysFromNow(-1),
    entriesCloseAt: daysFromNow(1),
    judgingEndsAt: daysFromNow(30),
    minJudgesPerEntry: 2,
    ...overrides,
  };
}

/** The competition as the API answers it. */
export interface CompetitionBody {
  id: string;
  phase: string;
  version: number;
  categories: Array<{ id: string; name: string }>;
  criteria: Array<{ id: string; name: string; maxScore: number; weight: number }>;
}

/** Creates a competition through the API (as the world's CSR officer) and moves it to `phase`. */
export async function createCompetition(t: TestApp, w: CompetitionWorld, overrides: Record<string, unknown> = {}, phase: 'draft' | 'open' | 'judging' = 'draft'): Promise<CompetitionBody> {
  const res = await t.http.post('/api/v1/competitions').set('Authorization', w.csr.auth).send(competitionBody(w, overrides));
  if (res.status !== 201) throw new Error(`create competition failed: ${res.status} ${JSON.stringify(res.body)}`);
  let body = res.body as CompetitionBody;
  const steps = phase === 'draft' ? [] : phase === 'open' ? ['open'] : ['open', 'judging'];
  for (const step of steps) body = await movePhase(t, w.csr, body.id, step);
  return body;
}

/** Moves a competition one phase on through the API; throws when refused. */
export async function movePhase(t: TestApp, csr: SignedIn, id: string, phase: string): Promise<CompetitionBody> {
  const res = await t.http.post(`/api/v1/competitions/${id}/phase`).set('Authorization', csr.auth).send({ phase });
  if (res.status !== 200) throw new Error(`phase ${phase} refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CompetitionBody;
}

/** Submits an entry through the API as the school's principal; throws when refused. */
export async function submitEntry(t: TestApp, s: WorldSchool, competitionId: string, categoryId: string, body: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await t.http
    .post(`/api/v1/competitions/${competitionId}/entries`)
    .set('Authorization', s.principal.auth)
    .send({ categoryId, title: `Inovasi ${s.school.name}`, summary: 'Ringkasan inovasi.', ...body });
  if (res.status !== 201) throw new Error(`entry failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
}

/** Inserts a mentoring assignment of a user for a school in a program year directly. */
export async function insertMentoringAssignment(ds: DataSource, f: { userId: string; organizationId: string; schoolId: string; programYearId: string; partnershipId: string; assignedBy: string }): Promise<string> {
  const [{ id }] = (await ds.query(
    `INSERT INTO mentoring_assignments (facilitator_user_id, facilitator_organization_id, school_id, program_year_id, partnership_id, assigned_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [f.userId, f.organizationId, f.schoolId, f.programYearId, f.partnershipId, f.assignedBy],
  )) as Array<{ id: string }>;
  return id;
}

/** Inserts a mentoring session under an assignment, logged by `createdBy`, directly. */
export async function insertMentoringSession(ds: DataSource, f: { assignmentId: string; schoolId: string; createdBy: string }): Promise<string> {
  const [{ id }] = (await ds.query(
    `INSERT INTO mentoring_sessions (assignment_id, school_id, held_on, duration_minutes, mode, topic, created_by_user_id)
     VALUES ($1, $2, '2025-03-10', 90, 'visit', 'literacy', $3) RETURNING id`,
    [f.assignmentId, f.schoolId, f.createdBy],
  )) as Array<{ id: string }>;
  return id;
}

/** Inserts a plan of a school for a program year directly, with the given content. */
export async function insertPlan(ds: DataSource, f: { schoolId: string; programYearId: string; partnershipId: string; createdBy: string; facilitatorUserId?: string | null; content?: Record<string, unknown> }): Promise<string> {
  const [{ id }] = (await ds.query(
    `INSERT INTO plans (school_id, program_year_id, partnership_id, facilitator_user_id, title, content, created_by_user_id)
     VALUES ($1, $2, $3, $4, 'Rencana Program', $5, $6) RETURNING id`,
    [f.schoolId, f.programYearId, f.partnershipId, f.facilitatorUserId ?? null, JSON.stringify(f.content ?? {}), f.createdBy],
  )) as Array<{ id: string }>;
  return id;
}

/** Inserts a comment on a plan directly. */
export async function insertPlanComment(ds: DataSource, planId: string, authorUserId: string): Promise<void> {
  await ds.query(`INSERT INTO plan_comments (plan_id, author_user_id, body) VALUES ($1, $2, 'Tolong perjelas indikatornya.')`, [planId, authorUserId]);
}
