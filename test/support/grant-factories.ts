import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Organization } from '../../src/organizations/organization.entity';
import { Partnership } from '../../src/partnerships/partnership.entity';
import type { PlanStatus } from '../../src/plans/plan-status';
import { Plan } from '../../src/plans/plan.entity';
import { ProgramFacilitator } from '../../src/programs/program-facilitator.entity';
import type { ProgramYearStatus } from '../../src/programs/program-year-status';
import { ProgramYear } from '../../src/programs/program-year.entity';
import { Program } from '../../src/programs/program.entity';
import type { TestApp } from './app';
import { createOrganization, signedIn } from './factories';

type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/** A budget line of a plan's content, as the plans module stores it. */
export interface BudgetLineFixture {
  id: string;
  item: string;
  unit: string | null;
  quantity: number;
  unitCost: string;
  total: string;
  fundingSource: 'stimulus_grant' | 'school_budget_bos' | 'other';
}

/** A budget line of `total` rupiah (one unit). */
export function budgetLine(item: string, total: string, fundingSource: BudgetLineFixture['fundingSource'] = 'stimulus_grant'): BudgetLineFixture {
  return { id: randomUUID(), item, unit: 'paket', quantity: 1, unitCost: total, total, fundingSource };
}

/** Inserts a program of a company. */
export function insertProgram(ds: DataSource, companyId: string, extra: Partial<Program> = {}): Promise<Program> {
  return ds.getRepository(Program).save({ companyId, name: `Program ${randomUUID().slice(0, 8)}`, startYear: 2000, endYear: null, ...extra });
}

/** Inserts a year of a program with a budget envelope (whole rupiah). */
export function insertProgramYear(ds: DataSource, programId: string, year: number, budgetEnvelope: string, status: ProgramYearStatus = 'running'): Promise<ProgramYear> {
  return ds.getRepository(ProgramYear).save({ programId, year, theme: `Theme ${year}`, budgetEnvelope, status });
}

/** Inserts an active partnership of a school in a program. */
export function insertPartnership(ds: DataSource, program: Program, schoolId: string): Promise<Partnership> {
  return ds.getRepository(Partnership).save({ programId: program.id, companyId: program.companyId, schoolId, status: 'active', startedOn: '2020-01-06' });
}

/** Inserts a plan of a school for a year with the given budget lines (one program), approved by default. */
export function insertPlan(
  ds: DataSource,
  fields: { schoolId: string; programYearId: string; partnershipId: string; createdByUserId: string; lines: BudgetLineFixture[]; status?: PlanStatus; facilitatorUserId?: string | null },
): Promise<Plan> {
  const content = {
    workshop: { date: null, facilitatorName: null, participants: {}, reflectionNotes: null, needs: [], opportunities: [] },
    programs: [{ id: randomUUID(), topic: 'literacy', name: 'Pojok Literasi', goal: null, background: null, targetGroup: null, activities: [], budgetLines: fields.lines, indicators: [], risks: [] }],
    planningDocuments: { rktReference: null, rkasReference: null, lines: [] },
  };
  return ds.getRepository(Plan).save({
    schoolId: fields.schoolId,
    programYearId: fields.programYearId,
    partnershipId: fields.partnershipId,
    facilitatorUserId: fields.facilitatorUserId ?? null,
    title: 'Rencana Program Literasi',
    content,
    status: fields.status ?? 'approved',
    createdByUserId: fields.createdByUserId,
  });
}

/** A company's program with a partner school, its people signed in, and a year with an approved plan. */
export interface GrantWorld {
  company: Organization;
  school: Organization;
  csr: SignedIn;
  principal: SignedIn;
  facilitator: SignedIn;
  program: Program;
  partnership: Partnership;
  year: ProgramYear;
  plan: Plan;
  /** Two stimulus_grant lines (books, training) and one BOS line. */
  lines: { books: BudgetLineFixture; training: BudgetLineFixture; bos: BudgetLineFixture };
}

let yearCounter = 0;
/** A program year number not used yet in this process (one program can hold a hundred). */
export const nextYear = () => 2001 + (yearCounter++ % 99);

/**
 * Builds a GrantWorld: a company with a CSR officer, a school with a principal, a facilitator
 * organisation working in the program with a facilitator named on the plan, and one program year
 * (envelope `envelope`) with an approved plan.
 */
export async function grantWorld(t: TestApp, options: { envelope?: string; planStatus?: PlanStatus; yearStatus?: ProgramYearStatus } = {}): Promise<GrantWorld> {
  const ds = t.dataSource;
  const company = await createOrganization(ds, 'company');
  const school = await createOrganization(ds, 'school', { regionCode: '63.71' });
  const facilitatorOrg = await createOrganization(ds, 'facilitator');
  const [csr, principal, facilitator] = await Promise.all([
    signedIn(ds, t.http, 'csr_officer', { organization: company }),
    signedIn(ds, t.http, 'principal', { organization: school }),
    signedIn(ds, t.http, 'facilitator', { organization: facilitatorOrg }),
  ]);
  const program = await insertProgram(ds, company.id);
  await ds.getRepository(ProgramFacilitator).save({ programId: program.id, facilitatorId: facilitatorOrg.id });
  const partnership = await insertPartnership(ds, program, school.id);
  const year = await insertProgramYear(ds, program.id, nextYear(), options.envelope ?? '1000000000', options.yearStatus);
  const lines = { books: budgetLine('Buku bacaan anak', '60000000'), training: budgetLine('Pelatihan guru', '40000000'), bos: budgetLine('Rak buku', '5000000', 'school_budget_bos') };
  const plan = await insertPlan(ds, {
    schoolId: school.id,
    programYearId: year.id,
    partnershipId: partnership.id,
    createdByUserId: principal.user.id,
    lines: [lines.books, lines.training, lines.bos],
    status: options.planStatus,
    facilitatorUserId: facilitator.user.id,
  });
  return { company, school, csr, principal, facilitator, program, partnership, year, plan, lines };
}

/** Another approved plan of the world's school in a new year of the same program (for one grant per run). */
export async function anotherYear(t: TestApp, w: GrantWorld, envelope = '1000000000'): Promise<GrantWorld> {
  const year = await insertProgramYear(t.dataSource, w.program.id, nextYear(), envelope);
  const plan = await insertPlan(t.dataSource, {
    schoolId: w.school.id,
    programYearId: year.id,
    partnershipId: w.partnership.id,
    createdByUserId: w.principal.user.id,
    lines: [w.lines.books, w.lines.training, w.lines.bos],
    facilitatorUserId: w.facilitator.user.id,
  });
  return { ...w, year, plan };
}

/**
 * The world's school in a new program of the same company (its own partnership, year and approved
 * plan): a fresh grant slot for as many runs as a test needs.
 */
export async function freshProgram(t: TestApp, w: GrantWorld, envelope = '9000000000000000000'): Promise<GrantWorld> {
  const program = await insertProgram(t.dataSource, w.company.id);
  await t.dataSource.getRepository(ProgramFacilitator).save({ programId: program.id, facilitatorId: w.facilitator.user.organizationId });
  const partnership = await insertPartnership(t.dataSource, program, w.school.id);
  const year = await insertProgramYear(t.dataSource, program.id, 2024, envelope);
  const plan = await insertPlan(t.dataSource, {
    schoolId: w.school.id,
    programYearId: year.id,
    partnershipId: partnership.id,
    createdByUserId: w.principal.user.id,
    lines: [w.lines.books, w.lines.training, w.lines.bos],
    facilitatorUserId: w.facilitator.user.id,
  });
  return { ...w, program, partnership, year, plan };
}

/** An approved plan of a second partner school in the same program year (its own stimulus line, the world's line ids reused). */
export async function planOfAnotherSchool(t: TestApp, w: GrantWorld): Promise<GrantWorld> {
  const school = await createOrganization(t.dataSource, 'school', { regionCode: '63.71' });
  const partnership = await insertPartnership(t.dataSource, w.program, school.id);
  const plan = await insertPlan(t.dataSource, {
    schoolId: school.id,
    programYearId: w.year.id,
    partnershipId: partnership.id,
    createdByUserId: w.csr.user.id,
    lines: [w.lines.books, w.lines.training, w.lines.bos],
  });
  return { ...w, school, partnership, plan };
}

/** A tiny valid PDF, enough for the content sniffing of receipts. */
export const RECEIPT_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

const BASE = '/api/v1/grants';

/** Awards a grant through the API and returns its body; fails the test on anything but 201. */
export async function awardGrant(t: TestApp, w: GrantWorld, awardedAmount: string | number, extra: Record<string, unknown> = {}): Promise<{ id: string; version: number; [k: string]: unknown }> {
  const res = await t.http
    .post(BASE)
    .set('Authorization', w.csr.auth)
    .send({ planId: w.plan.id, awardedAmount, fundedBudgetLineIds: [w.lines.books.id, w.lines.training.id], conditions: ['Receipts for every purchase'], ...extra });
  if (res.status !== 201) throw new Error(`award failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A disbursement request through the API (not checked). */
export function postDisbursement(t: TestApp, w: GrantWorld, grantId: string, amount: string | number, key: string = randomUUID(), extra: Record<string, unknown> = {}) {
  return t.http
    .post(`${BASE}/${grantId}/disbursements`)
    .set('Authorization', w.csr.auth)
    .set('Idempotency-Key', key)
    .send({ amount, disbursedOn: '2024-03-01', transferReference: `TRF-${key.slice(0, 8)}`, ...extra });
}

/** Disburses through the API and returns the disbursement; fails the test on anything but 201. */
export async function disburse(t: TestApp, w: GrantWorld, grantId: string, amount: string | number): Promise<{ id: string; trancheNumber: number }> {
  const res = await postDisbursement(t, w, grantId, amount);
  if (res.status !== 201) throw new Error(`disbursement failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The principal writes an expense report with lines on the books line (each with a receipt) and
 * submits it; returns the submitted report.
 */
export async function submittedReport(
  t: TestApp,
  w: GrantWorld,
  grantId: string,
  amounts: Array<string | number>,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; lines: Array<{ id: string; amount: string }>; [k: string]: unknown }> {
  const created = await t.http
    .post(`${BASE}/${grantId}/expense-reports`)
    .set('Authorization', w.principal.auth)
    .send({
      title: 'Belanja literasi',
      lines: amounts.map((amount, i) => ({ spentOn: '2024-03-10', description: `Pembelian ${i + 1}`, budgetLineId: w.lines.books.id, amount })),
      ...extra,
    });
  if (created.status !== 201) throw new Error(`report failed: ${created.status} ${JSON.stringify(created.body)}`);
  for (const line of created.body.lines as Array<{ id: string }>) {
    const up = await t.http
      .post(`${BASE}/${grantId}/expense-reports/${created.body.id}/lines/${line.id}/receipts`)
      .set('Authorization', w.principal.auth)
      .attach('file', RECEIPT_PDF, 'nota.pdf');
    if (up.status !== 201) throw new Error(`receipt failed: ${up.status} ${JSON.stringify(up.body)}`);
  }
  const submitted = await t.http.post(`${BASE}/${grantId}/expense-reports/${created.body.id}/submit`).set('Authorization', w.principal.auth);
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}

/** The CSR officer's review of a report: every line accepted unless listed in `reject` (not checked). */
export function postReview(t: TestApp, w: GrantWorld, grantId: string, report: { id: string; lines: Array<{ id: string }> }, decision: 'accept' | 'return', reject: string[] = []) {
  return t.http
    .post(`${BASE}/${grantId}/expense-reports/${report.id}/review`)
    .set('Authorization', w.csr.auth)
    .send({
      decision,
      reason: decision === 'return' ? 'Please attach clearer receipts' : undefined,
      lines: report.lines.map((l) => ({ lineId: l.id, review: reject.includes(l.id) ? 'rejected' : 'accepted', note: reject.includes(l.id) ? 'No date on the receipt' : undefined })),
    });
}
