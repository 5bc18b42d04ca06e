import type { DataSource } from 'typeorm';
import { DEMO_IDS, DEMO_USERS } from '../../../src/demo/demo';
import { COMPETITION_2026_DEMO_IDS } from '../../../src/demo/demo-competition-2026';
import { COMPETITION_DEMO_IDS } from '../../../src/demo/demo-competitions';
import { GRANT_DEMO_IDS } from '../../../src/demo/demo-grants';
import { FACILITY_DEMO_IDS } from '../../../src/demo/demo-facilities';
import { MENTORING_DEMO_IDS } from '../../../src/demo/demo-mentoring';
import { MOU_DEMO_IDS } from '../../../src/demo/demo-mous';
import { parentEngagementDemoId } from '../../../src/demo/demo-parent-engagement';
import { PARTNER_DEMO_IDS } from '../../../src/demo/demo-partners';
import { PLAN_DEMO_IDS } from '../../../src/demo/demo-plans';
import { PRACTICE_DEMO_IDS } from '../../../src/demo/demo-practices';
import { PROGRAM_DEMO_IDS } from '../../../src/demo/demo-programs';
import { CHART_NAMES } from '../../../src/reports/reports.service';
import type { MatrixRole } from '../authorization-matrix';

// How the matrix calls each operation: the records of tenant A a request names (in its path, its
// query and its body) and a body that is valid but for the point under test. The spec repeats the
// same request with the ids of tenant B and C (see tenants.ts), so only tenant A's ids are written
// here. An operation needs a line here only when its path has an id whose record is not found by
// the parameter's name alone, or when its body needs more than the document's examples.

type Schema = Record<string, any>;
export type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };

/** A file sent as multipart/form-data. */
export interface Upload {
  fields: Record<string, string>;
}

/** One request of the matrix, in tenant A's ids. */
export interface MatrixRequest {
  path: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  upload?: Upload;
}

/** The records of tenant A the requests name, read from the demo once it is loaded. */
export type World = Awaited<ReturnType<typeof readWorld>>;

/** A minimal PDF: documents are sniffed, so the content must look like one. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function one(ds: DataSource, sql: string, params: unknown[] = []): Promise<string> {
  const rows = (await ds.query(sql, params)) as Array<{ id: string }>;
  if (!rows[0]) throw new Error(`the demo has no record for: ${sql} ${JSON.stringify(params)}`);
  return String(rows[0].id);
}

/** Reads the ids of tenant A's records that the requests use. */
export async function readWorld(ds: DataSource) {
  const userOf = async (email: string) => one(ds, `SELECT id FROM users WHERE email = $1`, [email]);
  const users = {} as Record<Exclude<MatrixRole, 'anonymous'>, string>;
  for (const u of DEMO_USERS) users[u.role] = await userOf(u.email);
  const orgs: Record<Exclude<MatrixRole, 'anonymous'>, string> = {
    admin: DEMO_IDS.operator,
    csr_officer: DEMO_IDS.trakindo,
    principal: DEMO_IDS.pelambuan4,
    education_officer: DEMO_IDS.disdikBanjarmasin,
    facilitator: DEMO_IDS.edukasi101,
    judge: DEMO_IDS.ulm,
  };
  const contacts = {} as Record<Exclude<MatrixRole, 'anonymous'>, string>;
  for (const [role, org] of Object.entries(orgs)) contacts[role as keyof typeof contacts] = await one(ds, `SELECT id FROM contacts WHERE organization_id = $1 ORDER BY created_at LIMIT 1`, [org]);
  const plan = PLAN_DEMO_IDS.plan2026;
  const planContent = ((await ds.query(`SELECT content FROM plans WHERE id = $1`, [plan])) as Array<{ content: any }>)[0].content;
  const planProgram = planContent.programs[0];
  // The 2025 plan is in progress: progress, results and their documents are reported on it.
  const runningPlan = PLAN_DEMO_IDS.plan2025;
  const runningContent = ((await ds.query(`SELECT content FROM plans WHERE id = $1`, [runningPlan])) as Array<{ content: any }>)[0].content;
  const grant = GRANT_DEMO_IDS.grant2025;
  const grantPlan = await one(ds, `SELECT plan_id AS id FROM grants WHERE id = $1`, [grant]);
  const grantContent = ((await ds.query(`SELECT content FROM plans WHERE id = $1`, [grantPlan])) as Array<{ content: any }>)[0].content;
  const report = await one(ds, `SELECT id FROM expense_reports WHERE grant_id = $1 ORDER BY created_at DESC LIMIT 1`, [grant]);
  // The 2026 competition is open: its entry and judge assignment are made by the spec (see
  // addCompetitionEntry); the published 2025 one serves its results.
  const competition = COMPETITION_2026_DEMO_IDS.national2026;
  const otherJudge = await one(ds, `SELECT judge_user_id AS id FROM competition_judges WHERE competition_id = $1 AND judge_user_id <> $2 ORDER BY created_at, judge_user_id LIMIT 1`, [competition, users.judge]);
  const questionnaire = ((await ds.query(`SELECT questionnaire FROM trainings WHERE id = $1`, [MENTORING_DEMO_IDS.training])) as Array<{ questionnaire: Array<{ id: string }> }>)[0].questionnaire;
  const version = async (table: string, id: string) => Number(await one(ds, `SELECT version AS id FROM ${table} WHERE id = $1`, [id]));
  return {
    versions: { plan: await version('plans', plan), participant: await version('training_participants', MENTORING_DEMO_IDS.participant(1)), facility: await version('facility_items', FACILITY_DEMO_IDS.awaitingHandover) },
    users,
    orgs,
    questionnaireItem: String(questionnaire[0]?.id),
    contacts,
    program: PROGRAM_DEMO_IDS.generasiTrakindo,
    year2026: PROGRAM_DEMO_IDS.year(2026),
    partnership: PROGRAM_DEMO_IDS.partnershipOf(DEMO_IDS.pelambuan4),
    school: DEMO_IDS.pelambuan4,
    otherSchool: DEMO_IDS.sungaiMiai5,
    office: DEMO_IDS.disdikBanjarmasin,
    openRequest: PARTNER_DEMO_IDS.disasterRequest,
    answeredRequest: PARTNER_DEMO_IDS.request2012,
    recommendation: PARTNER_DEMO_IDS.recommendation2012,
    plan,
    planProgram: String(planProgram.id ?? ''),
    runningPlan,
    activity: String(runningContent.programs[0].activities[0].id),
    indicator: String(runningContent.programs[0].indicators[0].id),
    planComment: await one(ds, `SELECT id FROM plan_comments ORDER BY created_at LIMIT 1`),
    mou: MOU_DEMO_IDS.pelambuan4[4],
    amendedMou: MOU_DEMO_IDS.pelambuan4[1],
    amendment: MOU_DEMO_IDS.amendment2016,
    grant,
    budgetLine: String(grantContent.programs[0].budgetLines[0].id),
    disbursement: await one(ds, `SELECT id FROM disbursements WHERE grant_id = $1 ORDER BY created_at LIMIT 1`, [grant]),
    report,
    line: await one(ds, `SELECT id FROM expense_lines WHERE report_id = $1 ORDER BY position LIMIT 1`, [report]),
    lines: ((await ds.query(`SELECT id FROM expense_lines WHERE report_id = $1 ORDER BY position`, [report])) as Array<{ id: string }>).map((r) => r.id),
    assignment: MENTORING_DEMO_IDS.assignment,
    session: MENTORING_DEMO_IDS.session(1),
    /** An open follow-up of the school's, which its principal may mark done. */
    action: await one(ds, `SELECT id FROM mentoring_actions WHERE status = 'open' AND owner_side = 'school' ORDER BY created_at LIMIT 1`),
    actionVersion: Number(await one(ds, `SELECT version AS id FROM mentoring_actions WHERE status = 'open' AND owner_side = 'school' ORDER BY created_at LIMIT 1`)),
    training: MENTORING_DEMO_IDS.training,
    participant: MENTORING_DEMO_IDS.participant(1),
    competition,
    publishedCompetition: COMPETITION_DEMO_IDS.national2025,
    /** The category of the spec's entry, and another one for a new entry. */
    entryCategory: COMPETITION_2026_DEMO_IDS.category(1),
    category: COMPETITION_2026_DEMO_IDS.category(2),
    criterion: COMPETITION_2026_DEMO_IDS.criterion(1),
    otherJudge,
    entry: '',
    judgeAssignment: '',
    /** Made by the spec before the copies: a session not yet confirmed, a draft expense report and its line. */
    openSession: '',
    draftReport: '',
    draftLine: '',
    draftReportVersion: 0,
    notification: await one(ds, `SELECT id FROM notifications ORDER BY created_at LIMIT 1`),
    /** Facilities support: the 2013 library books (handed over, checked) and the 2026 projectors awaiting their handover. */
    facilityItem: FACILITY_DEMO_IDS.item(1),
    pendingFacility: FACILITY_DEMO_IDS.awaitingHandover,
    /** SDN Pelambuan 4's first parent-engagement activity of 2025 (the committee meeting). */
    parentActivity: parentEngagementDemoId(2025, 1),
    documents: {} as Record<string, string>,
    /** A published practice (readable by everyone), the school's private draft, and the sharing session it hosted. */
    practice: PRACTICE_DEMO_IDS.pojokBaca,
    draftPractice: PRACTICE_DEMO_IDS.draft,
    learningEvent: PRACTICE_DEMO_IDS.event,
    completedPlan: PLAN_DEMO_IDS.plan2024,
    completedPlanProgram: String(((await ds.query(`SELECT content FROM plans WHERE id = $1`, [PLAN_DEMO_IDS.plan2024])) as Array<{ content: any }>)[0].content.programs[0].id),
  };
}

/** A date `days` from today in Indonesia's easternmost zone (the latest "today" the API accepts), so bodies stay valid whenever the suite runs. */
function fromToday(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Path parameters found by name, per route prefix; the first pattern that matches the path wins. */
function pathIds(w: World, role: Exclude<MatrixRole, 'anonymous'>, path: string): Record<string, string> {
  const p: Record<string, string> = {};
  const at = (prefix: string) => path.startsWith(`/api/v1/${prefix}`);
  if (at('organizations')) Object.assign(p, { id: path.includes('/contacts/') ? w.contacts[role] : w.orgs[role], organizationId: w.orgs[role] });
  if (at('users')) p.id = w.users[role];
  // Not a record: a token that was never issued.
  if (at('auth/password-reset')) p.token = 'never-issued-token-0123456789abcdefghijklmnop';
  if (at('partner-requests')) Object.assign(p, { id: path.includes('{recommendationId}') ? w.answeredRequest : w.openRequest, recommendationId: w.recommendation });
  if (at('programs')) Object.assign(p, { id: w.program, yearId: w.year2026 });
  if (at('partnerships') || at('reports/partnerships')) p.id = w.partnership;
  if (at('plans')) Object.assign(p, { id: /progress|\/result|\/documents\/|\/complete/.test(path) ? w.runningPlan : w.plan, activityId: w.activity, indicatorId: w.indicator, number: '1', userId: w.users.principal, documentId: w.documents.plan });
  if (at('mentoring/assignments')) p.id = w.assignment;
  if (at('mentoring/sessions')) Object.assign(p, { id: w.openSession, documentId: w.documents.session });
  if (at('mentoring/actions')) p.id = w.action;
  if (at('trainings')) Object.assign(p, { id: w.training, participantId: w.participant });
  if (at('mous')) Object.assign(p, { id: path.includes('{amendmentId}') ? w.amendedMou : w.mou, amendmentId: w.amendment, documentId: w.documents.mou });
  if (at('competitions')) Object.assign(p, { id: path.includes('/results') ? w.publishedCompetition : w.competition, userId: w.otherJudge, assignmentId: w.judgeAssignment });
  if (at('entries')) Object.assign(p, { id: w.entry, documentId: w.documents.entry });
  if (at('notifications')) p.id = w.notification;
  if (at('grants'))
    // The submitted report is reviewed; the draft one is written, submitted and read.
    Object.assign(p, { id: w.grant, disbursementId: w.disbursement, reportId: path.endsWith('/review') ? w.report : w.draftReport, lineId: w.draftLine, documentId: w.documents.receipt });
  if (at('facilities')) Object.assign(p, { id: /\/condition-checks|\/documents\//.test(path) ? w.facilityItem : w.pendingFacility, documentId: w.documents.facility });
  if (at('parent-engagement')) Object.assign(p, { id: w.parentActivity, documentId: w.documents.parentEngagement });
  if (at('reports/portfolio/charts')) p.name = CHART_NAMES[0];
  if (at('schools')) p.id = w.school;
  if (at('practices')) Object.assign(p, { id: /\/practices\/\{id\}$/.test(path) ? w.practice : w.draftPractice, documentId: w.documents.practice });
  if (at('learning-events')) p.id = w.learningEvent;
  return p;
}

/** Query parameters an operation needs. */
function queryOf(w: World, key: string): Record<string, string> {
  if (key.includes('/reports/portfolio')) return { programId: w.program };
  if (key.includes('/mentoring/assignments/candidates')) return { programYearId: w.year2026 };
  if (key === 'GET /api/v1/reports/region') return { regionCode: '63.71' };
  if (key === 'GET /api/v1/practices/prefill') return { planId: w.completedPlan, planProgramId: w.completedPlanProgram };
  if (key === 'GET /api/v1/parent-engagement/activities') return { schoolId: w.school };
  return {};
}

/**
 * Bodies: the document's examples (which name demo records) filled in for every property that has
 * one or is required, then what an operation needs beyond them.
 */
function bodyOverrides(w: World, role: Exclude<MatrixRole, 'anonymous'>): Record<string, Record<string, unknown> | ((b: any) => unknown)> {
  return {
    'POST /api/v1/organizations': () => ({ type: 'company', name: 'PT Uji Matriks', sector: 'Energi' }),
    'PATCH /api/v1/organizations/{id}': (b) => ({ version: b.version, name: 'Nama Uji Matriks' }),
    'POST /api/v1/partner-requests': { educationOfficeId: w.office, programId: w.program, regionCode: '63.71', dueDate: fromToday(60) },
    'POST /api/v1/partner-requests/{id}/recommendations': { recommendations: [{ schoolId: w.otherSchool, rank: 1, rationale: 'Sekolah ini membutuhkan pendampingan literasi.' }] },
    'POST /api/v1/partner-requests/{id}/recommendations/{recommendationId}/accept': { programId: w.program },
    'POST /api/v1/programs': { companyId: w.orgs.csr_officer, facilitatorIds: [w.orgs.facilitator] },
    'PATCH /api/v1/programs/{id}': { facilitatorIds: [w.orgs.facilitator] },
    'POST /api/v1/partnerships': { programId: w.program, schoolId: w.otherSchool },
    'PUT /api/v1/partnerships/{id}/years': { programYearIds: [w.year2026] },
    'POST /api/v1/plans': { programYearId: w.year2026, schoolId: w.school, facilitatorUserId: w.users.facilitator },
    'PUT /api/v1/plans/{id}/activities/{activityId}/progress': (b) => ({ ...b, evidenceDocumentId: undefined }),
    'PUT /api/v1/plans/{id}/indicators/{indicatorId}/result': { achievedValue: '10' },
    'PATCH /api/v1/plans/{id}': { facilitatorUserId: w.users.facilitator },
    'POST /api/v1/plans/{id}/editors': { userId: w.users.principal },
    'POST /api/v1/plans/{id}/comments': { parentId: w.planComment },
    'POST /api/v1/mentoring/assignments': { facilitatorUserId: w.users.facilitator, schoolId: w.otherSchool, programYearId: w.year2026 },
    'POST /api/v1/mentoring/assignments/{id}/reassign': { facilitatorUserId: w.users.facilitator },
    'POST /api/v1/mentoring/sessions': { assignmentId: w.assignment, planId: w.plan, planProgramId: w.planProgram, attendeeUserIds: [w.users.principal] },
    'PATCH /api/v1/mentoring/sessions/{id}': { attendeeUserIds: [w.users.principal] },
    'POST /api/v1/trainings': (b) => ({ ...b, programYearId: w.year2026, facilitatorUserIds: [w.users.facilitator], questionnaire: (b.questionnaire ?? []).map(({ id: _id, ...q }: Record<string, unknown>) => q) }),
    'PATCH /api/v1/trainings/{id}': { programYearId: w.year2026, facilitatorUserIds: [w.users.facilitator] },
    'POST /api/v1/trainings/{id}/participants': (b) => ({ ...b, externalName: undefined, userId: w.users.principal, schoolId: w.school }),
    'PUT /api/v1/trainings/{id}/participants/me/responses': (b) => ({ ...b, satisfaction: { [w.questionnaireItem]: 4 } }),
    'POST /api/v1/trainings/{id}/nominations': { userId: w.users.principal },
    // A user of the caller's own kind in the caller's organisation (admins: a principal of the school).
    'POST /api/v1/users': (b) => ({ ...b, password: undefined, role: role === 'admin' ? 'principal' : role, organizationId: role === 'admin' ? w.orgs.principal : w.orgs[role] }),
    'PATCH /api/v1/users/{id}': (b) => ({ version: b.version, fullName: 'Nama Uji Matriks' }),
    'POST /api/v1/plans/{id}/request-changes': { version: w.versions.plan },
    'POST /api/v1/plans/{id}/approve': { version: w.versions.plan },
    'PATCH /api/v1/trainings/{id}/participants/{participantId}': (b) => ({ ...b, version: w.versions.participant, satisfaction: { [w.questionnaireItem]: 4 } }),
    'POST /api/v1/competitions': { programYearId: w.year2026 },
    'POST /api/v1/competitions/{id}/entries': { categoryId: w.category, planId: w.plan, planProgramId: w.planProgram },
    'PATCH /api/v1/entries/{id}': { planId: w.plan, planProgramId: w.planProgram },
    'POST /api/v1/competitions/{id}/judges': { userId: w.users.judge },
    'POST /api/v1/competitions/{id}/assignments': { judgeUserId: w.otherJudge, entryId: w.entry },
    'POST /api/v1/competitions/{id}/assignments/by-category': { categoryId: w.entryCategory, judgeUserIds: [w.otherJudge] },
    'POST /api/v1/competitions/{id}/conflicts': { schoolId: w.school },
    'PUT /api/v1/entries/{id}/scores': { scores: [{ criterionId: w.criterion, score: 1 }] },
    'POST /api/v1/grants/{id}/settlement': { settledOn: fromToday(0) },
    'POST /api/v1/mentoring/actions': { sessionId: w.session, ownerUserId: w.users.principal, dueDate: fromToday(30) },
    'POST /api/v1/grants': { planId: w.plan, fundedBudgetLineIds: [w.budgetLine] },
    'PATCH /api/v1/grants/{id}': { fundedBudgetLineIds: [w.budgetLine] },
    'POST /api/v1/grants/{id}/expense-reports': { lines: [{ budgetLineId: w.budgetLine, spentOn: '2025-08-01', description: 'Buku bacaan', amount: '100000' }] },
    'POST /api/v1/grants/{id}/expense-reports/{reportId}/lines': { budgetLineId: w.budgetLine },
    'PATCH /api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}': { budgetLineId: w.budgetLine },
    'POST /api/v1/grants/{id}/expense-reports/{reportId}/review': (b) => ({ ...b, lines: w.lines.map((lineId) => ({ ...(b.lines?.[0] ?? {}), lineId })) }),
    // A principal marks the school's follow-up done; the facilitator may change more.
    'PATCH /api/v1/mentoring/actions/{id}': () => (role === 'principal' ? { version: w.actionVersion, status: 'done' } : { version: w.actionVersion, description: 'Tindak lanjut dari sesi perencanaan.' }),
    // The next MoU of the partnership, from the day after the one in force ends.
    'POST /api/v1/mous': { partnershipId: w.partnership, number: 'MX/001/TU-CSR/MOU/2027', effectiveDate: '2027-03-12', expiryDate: '2030-03-11' },
    'PATCH /api/v1/grants/{id}/expense-reports/{reportId}': { version: w.draftReportVersion },
    'POST /api/v1/practices': (b) => ({ ...b, sourceEntryId: undefined, sourcePlanId: w.completedPlan, sourcePlanProgramId: w.completedPlanProgram }),
    'PATCH /api/v1/facilities/{id}': { version: w.versions.facility },
    'POST /api/v1/facilities': { value: '42500000' },
  };
}

/** Multipart uploads: the file goes in `file`, the rest as fields. */
const UPLOADS: Record<string, Record<string, string>> = {
  'POST /api/v1/organizations/import': {},
  'POST /api/v1/mentoring/sessions/{id}/evidence': {},
  'POST /api/v1/parent-engagement/activities/{id}/evidence': {},
  'POST /api/v1/mous/{id}/documents': { kind: 'annex' },
  'POST /api/v1/entries/{id}/evidence': {},
  'POST /api/v1/practices/{id}/evidence': {},
  'POST /api/v1/grants/{id}/expense-reports/{reportId}/lines/{lineId}/receipts': {},
  'POST /api/v1/facilities/{id}/handover': { handoverNumber: '021/BAST/CSR-TU/XI/2026', handedOverOn: fromToday(0), receivedBy: 'Hj. Siti Rahmah, S.Pd.' },
  'POST /api/v1/facilities/{id}/condition-checks': { condition: 'good', checkedOn: fromToday(0) },
};

function resolveSchema(doc: Doc, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.$ref; i++) cur = doc.components.schemas[String(cur.$ref).split('/').pop() as string] ?? {};
  if (cur.allOf) return Object.assign({}, ...cur.allOf.map((x: Schema) => resolveSchema(doc, x)), { ...cur, allOf: undefined });
  if (cur.oneOf) return resolveSchema(doc, cur.oneOf[0]);
  return cur;
}

/** A value that follows a schema: its example, else the first of its enum, else the smallest fit. */
export function exampleOf(doc: Doc, raw: Schema | undefined, depth = 0, name = ''): unknown {
  const s = resolveSchema(doc, raw);
  // Money travels as a string of whole rupiah.
  if (s.example === undefined && s.type === 'string' && /amount|budget|envelope/i.test(name)) return '100000';
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  if (s.type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    const required = new Set<string>(s.required ?? []);
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      const r = resolveSchema(doc, v);
      if (required.has(k) || r.example !== undefined) out[k] = exampleOf(doc, v, depth + 1, k);
    }
    return out;
  }
  if (s.type === 'array') return depth > 4 ? [] : Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => exampleOf(doc, s.items, depth + 1));
  if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
  if (s.type === 'boolean') return true;
  if (s.format === 'date') return '2026-08-17';
  if (s.format === 'date-time') return '2026-08-17T02:00:00.000Z';
  if (s.format === 'email') return 'matrix.check@jalin.example';
  return 'Contoh isian'.padEnd(Math.max(s.minLength ?? 0, 12), '.');
}

/** The request of `key` ("METHOD /path") for `role`, in tenant A's ids. */
export function matrixRequest(doc: Doc, w: World, key: string, role: Exclude<MatrixRole, 'anonymous'>): MatrixRequest {
  const [method, path] = key.split(' ');
  const op = doc.paths[path][method.toLowerCase()] as Schema;
  const ids = pathIds(w, role, path);
  const path_: Record<string, string> = {};
  for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
    if (!ids[name]) throw new Error(`${key}: no record of tenant A for the path parameter {${name}}: add it to pathIds in test/security/support/matrix-requests.ts`);
    path_[name] = ids[name];
  }
  const out: MatrixRequest = { path: path_, query: queryOf(w, key) };
  if (UPLOADS[key]) return { ...out, upload: { fields: UPLOADS[key] } };
  const schema = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  if (schema) {
    const body = exampleOf(doc, schema) as Record<string, unknown>;
    const extra = bodyOverrides(w, role)[key];
    out.body = typeof extra === 'function' ? extra(body) : { ...body, ...(extra ?? {}) };
  }
  return out;
}
