import { ApiProperty } from '@nestjs/swagger';
import { PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import { planTotals, readStoredContent } from '../plan-content';
import { PLAN_STATUSES } from '../plan-status';
import type { PlanStatus } from '../plan-status';
import type { PlanDetailRow, PlanEditorRow, PlanListRow, PlanRow } from '../plans.repository';
import { PlanContentResponse, PlanTotalsResponse } from './plan-content.response';

/** An organisation named in a plan. */
export class PlanOrganizationRefResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;
}

/** The school of a plan. */
export class PlanSchoolResponse extends PlanOrganizationRefResponse {
  @ApiProperty({ nullable: true, type: String, example: '30304122' })
  npsn: string | null;
}

/** A user named in a plan. */
export class PlanUserRefResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Dewi Lestari (Fasilitator, Edukasi 101)' })
  fullName: string | null;
}

/** The program year a plan is for, with its deadline. */
export class PlanProgramYearResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  id: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: 'Student mental health' })
  theme: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-02-28', description: 'The plan deadline; a later first submission is allowed but flagged late.' })
  planDeadline: string | null;

  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'running', description: "closed: the year's plans are read-only." })
  status: ProgramYearStatus;
}

/** The program a plan belongs to. */
export class PlanProgramRefResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  id: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  name: string;
}

const ref = (id: string | null, fullName: string | null): PlanUserRefResponse | null => (id === null ? null : { id, fullName });

/** A plan as listed: who, for which year, where it stands, and its budget totals. */
export class PlanResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260000' })
  id: string;

  @ApiProperty({ example: 'Rencana Program 2026: Kesehatan Mental Siswa' })
  title: string;

  @ApiProperty({ enum: PLAN_STATUSES, example: 'submitted' })
  status: PlanStatus;

  @ApiProperty({ example: 0, description: '0 for the first approval round; each revision of an approved plan adds one.' })
  revision: number;

  @ApiProperty({ example: 4, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ type: PlanSchoolResponse })
  school: PlanSchoolResponse;

  @ApiProperty({ type: PlanProgramYearResponse })
  programYear: PlanProgramYearResponse;

  @ApiProperty({ type: PlanProgramRefResponse })
  program: PlanProgramRefResponse;

  @ApiProperty({ type: PlanOrganizationRefResponse, description: "The program's company." })
  company: PlanOrganizationRefResponse;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ nullable: true, type: PlanUserRefResponse, description: 'The facilitator reviewing the plan.' })
  facilitator: PlanUserRefResponse | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-02-20T03:00:00.000Z', description: 'The latest submission.' })
  submittedAt: string | null;

  @ApiProperty({ example: false, description: "The first submission came after the program year's plan deadline." })
  submittedLate: boolean;

  @ApiProperty({ example: false, description: 'Not submitted yet and the deadline has passed.' })
  overdue: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  approvedAt: string | null;

  @ApiProperty({ nullable: true, type: PlanUserRefResponse })
  approvedBy: PlanUserRefResponse | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  completedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  withdrawnReason: string | null;

  @ApiProperty({ example: '15500000', description: 'All budget lines, whole rupiah, computed by the API.' })
  budgetTotal: string;

  @ApiProperty({ example: '12500000', description: 'The lines funded by the stimulus grant.' })
  stimulusGrantTotal: string;

  @ApiProperty({ type: PlanUserRefResponse })
  createdBy: PlanUserRefResponse;

  @ApiProperty({ example: '2026-01-16T02:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-02-20T03:00:00.000Z' })
  updatedAt: string;

  /** `today` (YYYY-MM-DD) decides whether an unsubmitted plan is overdue. */
  static of(this: void, r: PlanRow, totals: { budgetTotal: string; stimulusGrantTotal: string }, today: string): PlanResponse {
    const unsubmitted = r.status === 'draft' && r.revision === 0 && r.submittedAt === null;
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      revision: r.revision,
      version: r.version,
      school: { id: r.schoolId, name: r.schoolName, npsn: r.schoolNpsn },
      programYear: { id: r.programYearId, year: r.year, theme: r.theme, planDeadline: r.planDeadline, status: r.yearStatus },
      program: { id: r.programId, name: r.programName },
      company: { id: r.companyId, name: r.companyName },
      partnershipId: r.partnershipId,
      facilitator: ref(r.facilitatorUserId, r.facilitatorName),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      submittedLate: r.submittedLate,
      overdue: unsubmitted && r.planDeadline !== null && today > r.planDeadline,
      approvedAt: r.approvedAt?.toISOString() ?? null,
      approvedBy: ref(r.approvedByUserId, r.approvedByName),
      completedAt: r.completedAt?.toISOString() ?? null,
      withdrawnReason: r.withdrawnReason,
      budgetTotal: totals.budgetTotal,
      stimulusGrantTotal: totals.stimulusGrantTotal,
      createdBy: { id: r.createdByUserId, fullName: r.createdByName },
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  /** A row of the list, its totals computed in SQL. */
  static fromListRow(this: void, r: PlanListRow, today: string): PlanResponse {
    return PlanResponse.of(r, { budgetTotal: r.budgetTotal, stimulusGrantTotal: r.stimulusGrantTotal }, today);
  }
}

/** A user of the school who may edit the plan. */
export class PlanEditorResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  userId: string;

  @ApiProperty({ example: 'Noor Hidayah, S.Pd.' })
  fullName: string;

  @ApiProperty({ example: 'noor@sdnpelambuan4.example' })
  email: string;

  @ApiProperty({ example: '2026-01-16T02:00:00.000Z' })
  addedAt: string;

  static from(this: void, e: PlanEditorRow): PlanEditorResponse {
    return { userId: e.userId, fullName: e.fullName, email: e.email, addedAt: e.createdAt.toISOString() };
  }
}

/** The editors of a plan. */
export class PlanEditorListResponse {
  @ApiProperty({ type: [PlanEditorResponse] })
  items: PlanEditorResponse[];
}

/** One plan with its template, computed totals and editors. */
export class PlanDetailResponse extends PlanResponse {
  @ApiProperty({ type: PlanContentResponse })
  content: PlanContentResponse;

  @ApiProperty({ type: PlanTotalsResponse })
  totals: PlanTotalsResponse;

  @ApiProperty({ type: [PlanEditorResponse], description: 'Users of the school the principal added as editors.' })
  editors: PlanEditorResponse[];

  static from(this: void, r: PlanDetailRow, editors: PlanEditorRow[], today: string): PlanDetailResponse {
    const content = readStoredContent(r.content);
    const totals = planTotals(content);
    return {
      ...PlanResponse.of(r, { budgetTotal: totals.total, stimulusGrantTotal: totals.byFundingSource.stimulus_grant }, today),
      content: PlanContentResponse.from(content),
      totals: PlanTotalsResponse.from(totals),
      editors: editors.map(PlanEditorResponse.from),
    };
  }
}
