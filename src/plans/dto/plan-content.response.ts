import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARENT_ENGAGEMENT_KINDS } from '../../parent-engagement/parent-engagement-kinds';
import type { ParentEngagementKind } from '../../parent-engagement/parent-engagement-kinds';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { PLANNING_DOCUMENTS } from '../plan-content';
import type { PlanContent, PlanningDocument, PlanTotals } from '../plan-content';
import { FUNDING_SOURCES } from '../plan-status';
import type { FundingSource } from '../plan-status';
import { ACCOUNT_CODE_LIST, SNP_STANDARDS } from '../rkas-catalog';
import type { AccountCode, SnpStandard } from '../rkas-catalog';

/** Workshop participants by role. */
export class WorkshopParticipantsResponse {
  @ApiProperty({ nullable: true, type: Number, example: 1 })
  principal: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 18 })
  teachers: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 3 })
  educationStaff: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 1 })
  supervisors: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 4 })
  parents: number | null;
}

/** The record of the planning workshop. */
export class WorkshopResponse {
  @ApiProperty({ nullable: true, type: String, example: '2026-01-15' })
  date: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Dewi Lestari (Edukasi 101)' })
  facilitatorName: string | null;

  @ApiProperty({ type: WorkshopParticipantsResponse })
  participants: WorkshopParticipantsResponse;

  @ApiProperty({ nullable: true, type: String, example: 'Reading interest is low in grades 1–3.' })
  reflectionNotes: string | null;

  @ApiProperty({ type: [String], example: ['Reading corners in every class'] })
  needs: string[];

  @ApiProperty({ type: [String], example: ['Parents volunteer as reading buddies'] })
  opportunities: string[];
}

/** A planned activity. */
export class PlanActivityResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260002' })
  id: string;

  @ApiProperty({ example: 'Daily 15-minute reading before lessons' })
  name: string;

  @ApiProperty({ nullable: true, type: Number, example: 2 })
  startMonth: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 11 })
  endMonth: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'Ibu Noor, class 2 teacher' })
  personResponsible: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'A reading log per class' })
  expectedOutput: string | null;
}

/** A budget line, amounts as digit strings of whole rupiah. */
export class PlanBudgetLineResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260005' })
  id: string;

  @ApiProperty({ example: 'Picture books for the reading corners' })
  item: string;

  @ApiProperty({ nullable: true, type: String, example: 'book' })
  unit: string | null;

  @ApiProperty({ example: 120 })
  quantity: number;

  @ApiProperty({ example: '45000' })
  unitCost: string;

  @ApiProperty({ example: '5400000', description: 'quantity × unitCost, computed by the API.' })
  total: string;

  @ApiProperty({ enum: FUNDING_SOURCES, example: 'stimulus_grant' })
  fundingSource: FundingSource;

  @ApiProperty({ nullable: true, enum: SNP_STANDARDS, example: 'sarana_prasarana', description: 'The national education standard (SNP) the line serves.' })
  standard: SnpStandard | null;

  @ApiProperty({ nullable: true, enum: ACCOUNT_CODE_LIST, example: '5.2.05.01.01.0001', description: 'The ARKAS expenditure account (kode rekening belanja).' })
  accountCode: AccountCode | null;

  @ApiProperty({ nullable: true, type: Number, example: 3, description: 'The month of the program year (1–12) the money is spent.' })
  spendingMonth: number | null;
}

/** A success indicator, values as decimal strings. */
export class PlanIndicatorResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260008' })
  id: string;

  @ApiProperty({ example: 'Students of grades 1–3 who read fluently' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '40' })
  baseline: string | null;

  @ApiProperty({ nullable: true, type: String, example: '75' })
  target: string | null;

  @ApiProperty({ nullable: true, type: String, example: '%' })
  unit: string | null;
}

/** A risk and its mitigation. */
export class PlanRiskResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260010' })
  id: string;

  @ApiProperty({ example: 'Teachers have little time besides teaching' })
  risk: string;

  @ApiProperty({ nullable: true, type: String, example: 'Reading time is part of the timetable' })
  mitigation: string | null;
}

/** One program of the plan. */
export class PlanProgramResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260001' })
  id: string;

  @ApiProperty({ enum: TOPICS, example: 'literacy' })
  topic: Topic;

  @ApiProperty({ nullable: true, type: String, example: 'Gerakan Literasi Sekolah' })
  name: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Every student of grades 1–3 reads fluently by the end of the year.' })
  goal: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'The reflection showed low reading interest.' })
  background: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Students of grades 1–3 and their teachers' })
  targetGroup: string | null;

  @ApiProperty({ type: [PlanActivityResponse] })
  activities: PlanActivityResponse[];

  @ApiProperty({ type: [PlanBudgetLineResponse] })
  budgetLines: PlanBudgetLineResponse[];

  @ApiProperty({ type: [PlanIndicatorResponse] })
  indicators: PlanIndicatorResponse[];

  @ApiProperty({ type: [PlanRiskResponse] })
  risks: PlanRiskResponse[];
}

/** A line of the RKT or RKAS where the support appears. */
export class PlanningDocumentLineResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260011' })
  id: string;

  @ApiProperty({ enum: PLANNING_DOCUMENTS, example: 'RKAS' })
  document: PlanningDocument;

  @ApiProperty({ nullable: true, type: String, example: '5.2.1' })
  reference: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Pengembangan perpustakaan dan pojok baca' })
  description: string | null;
}

/** The link to the school's planning documents. */
export class PlanningDocumentsResponse {
  @ApiProperty({ nullable: true, type: String, example: 'RKT SDN Pelambuan 4 2026' })
  rktReference: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'RKAS SDN Pelambuan 4 2026' })
  rkasReference: string | null;

  @ApiProperty({ type: [PlanningDocumentLineResponse] })
  lines: PlanningDocumentLineResponse[];
}

/** One kind of parent engagement the school plans, with its targets. */
export class PlanParentEngagementLineResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a126e002' })
  id: string;

  @ApiProperty({ enum: PARENT_ENGAGEMENT_KINDS, example: 'parenting_class' })
  kind: ParentEngagementKind;

  @ApiProperty({ nullable: true, type: Number, example: 4 })
  sessionsTarget: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 120 })
  parentsTarget: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'Satu kelas parenting per triwulan' })
  note: string | null;
}

/** The facilitator's template as stored, with every item's id. */
export class PlanContentResponse {
  @ApiProperty({ type: WorkshopResponse })
  workshop: WorkshopResponse;

  @ApiProperty({ type: [PlanProgramResponse] })
  programs: PlanProgramResponse[];

  @ApiProperty({ type: PlanningDocumentsResponse })
  planningDocuments: PlanningDocumentsResponse;

  @ApiPropertyOptional({ type: [PlanParentEngagementLineResponse], description: 'Only in plans with a parent-engagement section.' })
  parentEngagement?: PlanParentEngagementLineResponse[];

  static from(this: void, c: PlanContent): PlanContentResponse {
    return c;
  }
}

/** Rupiah per funding source. */
export class SourceTotalsResponse {
  @ApiProperty({ example: '12500000' })
  stimulus_grant: string;

  @ApiProperty({ example: '3000000' })
  school_budget_bos: string;

  @ApiProperty({ example: '0' })
  other: string;
}

/** The computed totals of one program. */
export class ProgramTotalsResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260001' })
  programId: string;

  @ApiProperty({ example: '15500000' })
  total: string;

  @ApiProperty({ type: SourceTotalsResponse })
  byFundingSource: SourceTotalsResponse;
}

/** Totals computed by the API from the budget lines (never taken from the client). */
export class PlanTotalsResponse {
  @ApiProperty({ example: '15500000', description: 'The whole plan, whole rupiah.' })
  total: string;

  @ApiProperty({ type: SourceTotalsResponse })
  byFundingSource: SourceTotalsResponse;

  @ApiProperty({ type: [ProgramTotalsResponse], description: 'Per program, in the order of content.programs.' })
  programs: ProgramTotalsResponse[];

  static from(this: void, t: PlanTotals): PlanTotalsResponse {
    return t;
  }
}
