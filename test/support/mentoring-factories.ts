import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import type { Organization } from '../../src/organizations/organization.entity';
import type { ProgramYearStatus } from '../../src/programs/program-year-status';
import type { TestApp } from './app';
import { createOrganization, signedIn } from './factories';

export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

const unique = () => randomBytes(4).toString('hex');

/**
 * Fixes the app's Clock at `date` (YYYY-MM-DD, mid-morning UTC) until the next call or
 * `releaseClock`: every rule that asks for "today" (future session dates, overdue actions, the
 * 60-day flag) sees that day.
 */
export function fixToday(t: TestApp, date: string): void {
  const clock = t.app.get(Clock);
  jest.restoreAllMocks();
  jest.spyOn(clock, 'now').mockReturnValue(new Date(`${date}T03:00:00.000Z`));
}

/** Lets the Clock run on real time again. */
export function releaseClock(): void {
  jest.restoreAllMocks();
}

/** Inserts a program of `companyId` directly (no API, no audit), with facilitator organisations working in it. */
export async function insertProgram(ds: DataSource, companyId: string, facilitatorIds: string[] = []): Promise<string> {
  const [{ id }] = (await ds.query(`INSERT INTO programs (company_id, name, start_year) VALUES ($1, $2, 2012) RETURNING id`, [companyId, `Generasi Uji ${unique()}`])) as Array<{ id: string }>;
  for (const f of facilitatorIds) await ds.query('INSERT INTO program_facilitators (program_id, facilitator_id) VALUES ($1, $2)', [id, f]);
  return id;
}

/** Inserts a year of a program directly. */
export async function insertYear(ds: DataSource, programId: string, year: number, status: ProgramYearStatus = 'running'): Promise<string> {
  const [{ id }] = (await ds.query(`INSERT INTO program_years (program_id, year, theme, status) VALUES ($1, $2, $3, $4) RETURNING id`, [programId, year, `Theme ${year}`, status])) as Array<{ id: string }>;
  return id;
}

/** Inserts a partnership of a program's company with a school directly. */
export async function insertPartnership(ds: DataSource, programId: string, companyId: string, schoolId: string, status = 'active'): Promise<string> {
  const [{ id }] = (await ds.query(`INSERT INTO partnerships (program_id, company_id, school_id, status, started_on) VALUES ($1, $2, $3, $4, '2012-03-01') RETURNING id`, [
    programId,
    companyId,
    schoolId,
    status,
  ])) as Array<{ id: string }>;
  return id;
}

/** Inserts a plan of a school for a program year directly, with one program in its content; returns the plan and program ids. */
export async function insertPlan(ds: DataSource, w: { school: Organization; yearId: string; partnershipId: string; principal: SignedIn }): Promise<{ planId: string; programId: string }> {
  const programId = '5d1c3b2a-0f9e-4d8c-b7a6-5e4d3c2b1a0f';
  const content = { workshop: {}, programs: [{ id: programId, topic: 'literacy', name: 'Reading corners', activities: [], budgetLines: [], indicators: [], risks: [] }], planningDocuments: {} };
  const [{ id }] = (await ds.query(
    `INSERT INTO plans (school_id, program_year_id, partnership_id, title, content, created_by_user_id) VALUES ($1, $2, $3, 'Rencana Program', $4, $5) RETURNING id`,
    [w.school.id, w.yearId, w.partnershipId, JSON.stringify(content), w.principal.user.id],
  )) as Array<{ id: string }>;
  return { planId: id, programId };
}

/**
 * The reference case in miniature: a company with its CSR officer, a Banjarmasin school (63.71)
 * with its principal, the city education office, a facilitator organisation with two facilitators
 * working in the company's program, a running year and the school's partnership.
 */
export interface MentoringWorld {
  company: Organization;
  school: Organization;
  office: Organization;
  facilitatorOrg: Organization;
  programId: string;
  yearId: string;
  partnershipId: string;
  csr: SignedIn;
  principal: SignedIn;
  officer: SignedIn;
  facilitator: SignedIn;
  facilitator2: SignedIn;
}

/** Builds a MentoringWorld; `regionCode` places the school (and the office) elsewhere. */
export async function mentoringWorld(t: TestApp, options: { regionCode?: string; yearStatus?: ProgramYearStatus } = {}): Promise<MentoringWorld> {
  const regionCode = options.regionCode ?? '63.71';
  const ds = t.dataSource;
  const company = await createOrganization(ds, 'company');
  const school = await createOrganization(ds, 'school', { regionCode, name: `SDN Uji ${unique()}` });
  const office = await createOrganization(ds, 'education_office', { officeLevel: 'regency', regionCode });
  const facilitatorOrg = await createOrganization(ds, 'facilitator', { name: `Edukasi Uji ${unique()}` });
  const programId = await insertProgram(ds, company.id, [facilitatorOrg.id]);
  const yearId = await insertYear(ds, programId, 2026, options.yearStatus ?? 'running');
  const partnershipId = await insertPartnership(ds, programId, company.id, school.id);
  return {
    company,
    school,
    office,
    facilitatorOrg,
    programId,
    yearId,
    partnershipId,
    csr: await signedIn(ds, t.http, 'csr_officer', { organization: company }),
    principal: await signedIn(ds, t.http, 'principal', { organization: school }),
    officer: await signedIn(ds, t.http, 'education_officer', { organization: office }),
    facilitator: await signedIn(ds, t.http, 'facilitator', { organization: facilitatorOrg, fullName: 'Dewi Uji' }),
    facilitator2: await signedIn(ds, t.http, 'facilitator', { organization: facilitatorOrg, fullName: 'Budi Uji' }),
  };
}

/** Assigns the world's first facilitator (or `who`) to its school through the API and returns the assignment. */
export async function assign(t: TestApp, w: MentoringWorld, extra: Record<string, unknown> = {}): Promise<AssignmentBody> {
  const res = await t.http
    .post('/api/v1/mentoring/assignments')
    .set('Authorization', w.csr.auth)
    .send({ facilitatorUserId: w.facilitator.user.id, schoolId: w.school.id, programYearId: w.yearId, plannedSessions: 12, plannedHours: 30, ...extra });
  if (res.status !== 201) throw new Error(`assign failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AssignmentBody;
}

/** Logs a session through the API as `who` (default the world's first facilitator). */
export async function logSession(t: TestApp, w: MentoringWorld, assignmentId: string, extra: Record<string, unknown> = {}, who: SignedIn = w.facilitator): Promise<SessionBody> {
  const res = await t.http
    .post('/api/v1/mentoring/sessions')
    .set('Authorization', who.auth)
    .send({ assignmentId, heldOn: '2026-02-11', durationMinutes: 120, mode: 'visit', topic: 'literacy', ...extra });
  if (res.status !== 201) throw new Error(`log session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SessionBody;
}

/** Inserts a session directly (no API), e.g. already confirmed on a given day. */
export async function insertSession(ds: DataSource, a: { id: string; schoolId: string; createdBy: string }, heldOn: string, confirmation: 'pending' | 'confirmed' | 'disputed' = 'confirmed', minutes = 90): Promise<string> {
  const [{ id }] = (await ds.query(
    `INSERT INTO mentoring_sessions (assignment_id, school_id, held_on, duration_minutes, mode, topic, confirmation, dispute_reason, created_by_user_id)
     VALUES ($1, $2, $3, $4, 'visit', 'literacy', $5, $6, $7) RETURNING id`,
    [a.id, a.schoolId, heldOn, minutes, confirmation, confirmation === 'disputed' ? 'Did not happen' : null, a.createdBy],
  )) as Array<{ id: string }>;
  return id;
}

/** Inserts a follow-up directly (no API). */
export async function insertAction(
  ds: DataSource,
  fields: { sessionId: string; assignmentId: string; ownerSide: 'school' | 'facilitator'; dueDate: string; createdBy: string; ownerUserId?: string | null; status?: 'open' | 'done' | 'dropped' },
): Promise<string> {
  const [{ id }] = (await ds.query(
    `INSERT INTO mentoring_actions (session_id, assignment_id, description, owner_side, owner_user_id, due_date, status, dropped_reason, created_by_user_id)
     VALUES ($1, $2, 'Follow up', $3, $4, $5, $6, $7, $8) RETURNING id`,
    [fields.sessionId, fields.assignmentId, fields.ownerSide, fields.ownerUserId ?? null, fields.dueDate, fields.status ?? 'open', fields.status === 'dropped' ? 'No longer needed' : null, fields.createdBy],
  )) as Array<{ id: string }>;
  return id;
}

/** An assignment as the API answers it (the parts the tests read). */
export interface AssignmentBody {
  id: string;
  school: { id: string; name: string };
  facilitator: { id: string; fullName: string | null };
  facilitatorOrganization: { id: string; name: string };
  programYear: { id: string; year: number; status: string; programId: string; programName: string };
  partnershipId: string;
  active: boolean;
  startedOn: string;
  endedAt: string | null;
  endedReason: string | null;
  replacedById: string | null;
  replacesId: string | null;
  progress: {
    sessionsPlanned: number;
    sessionsDone: number;
    sessionsConfirmed: number;
    sessionsPending: number;
    sessionsDisputed: number;
    minutesPlanned: number;
    minutesDone: number;
    minutesConfirmed: number;
    hoursPlanned: number;
    hoursDone: number;
    hoursConfirmed: number;
    lastContactOn: string | null;
    lastConfirmedOn: string | null;
    schoolLastConfirmedOn: string | null;
    openActions: number;
    overdueActions: number;
    doneActions: number;
    droppedActions: number;
    noContactFlag: boolean;
  };
  version: number;
}

/** A session as the API answers it (the parts the tests read). */
export interface SessionBody {
  id: string;
  assignmentId: string;
  school: { id: string; name: string };
  heldOn: string;
  durationMinutes: number;
  mode: string;
  topic: string;
  planId: string | null;
  planProgramId: string | null;
  attendees: { users: Array<{ id: string; fullName: string }>; counts: Record<string, number>; countedTotal: number };
  notes: string | null;
  evidenceDocumentIds: string[];
  evidence?: Array<{ id: string; filename: string }>;
  confirmation: string;
  unconfirmed: boolean;
  confirmedBy: { id: string } | null;
  disputeReason: string | null;
  version: number;
}

/** A valid training body: a national literacy training with three questionnaire items. */
export function trainingBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Pelatihan Nasional Literasi Kelas Awal',
    level: 'national',
    startsOn: '2026-07-14',
    endsOn: '2026-07-14',
    topic: 'literacy',
    venue: 'Hotel Rattan Inn, Banjarmasin',
    questionnaire: [{ text: 'The material is useful for my class.' }, { text: 'The facilitator explained clearly.' }, { text: 'I will use this in class next month.' }],
    ...extra,
  };
}

/** Creates a training through the API as `who`. */
export async function createTraining(t: TestApp, who: SignedIn, extra: Record<string, unknown> = {}): Promise<TrainingBody> {
  const res = await t.http.post('/api/v1/trainings').set('Authorization', who.auth).send(trainingBody(extra));
  if (res.status !== 201) throw new Error(`create training failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TrainingBody;
}

/** Adds a participant through the API as the organiser `who`. */
export async function addParticipant(t: TestApp, who: SignedIn, trainingId: string, body: Record<string, unknown>): Promise<ParticipantBody> {
  const res = await t.http.post(`/api/v1/trainings/${trainingId}/participants`).set('Authorization', who.auth).send(body);
  if (res.status !== 201) throw new Error(`add participant failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ParticipantBody;
}

/** A training as the API answers it (the parts the tests read). */
export interface TrainingBody {
  id: string;
  title: string;
  level: string;
  organiser: { id: string; name: string };
  programYear: { id: string; year: number } | null;
  facilitators: Array<{ id: string; fullName: string }>;
  scoreScale: { min: number; max: number };
  questionnaire: Array<{ id: string; text: string }>;
  quotaPerSchool: number | null;
  participantCount: number;
  attendedCount: number;
  version: number;
}

/** A participant as the API answers it. */
export interface ParticipantBody {
  id: string;
  userId: string | null;
  fullName: string;
  external: boolean;
  role: string;
  school: { id: string; name: string } | null;
  attended: boolean | null;
  preScore: number | null;
  postScore: number | null;
  satisfaction: Record<string, number>;
  nominatedByUserId: string | null;
  version: number;
}
