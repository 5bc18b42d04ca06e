import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { PLANNING_DOCUMENTS } from '../plan-content';
import type { PlanningDocument } from '../plan-content';
import { FUNDING_SOURCES } from '../plan-status';
import type { FundingSource } from '../plan-status';
import { says } from '../../common/errors/validation';
import { ACCOUNT_CODE_LIST, SNP_STANDARDS } from '../rkas-catalog';
import { PARENT_ENGAGEMENT_KINDS } from '../../parent-engagement/parent-engagement-kinds';
import type { ParentEngagementKind } from '../../parent-engagement/parent-engagement-kinds';

// class-validator checks a property's decorators bottom-up, and the global pipe stops at the first
// error: the type check is written last so a missing or mistyped value is reported as such, not as too long.

/** Trims a string so that a blank one counts as empty. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Caps of the template: lists and texts stay the size of a real plan. */
export const PLAN_LIMITS = {
  programs: 20,
  itemsPerList: 50,
  risks: 20,
  listEntries: 30,
  participants: 10_000,
  quantity: 1_000_000,
} as const;

const ID_DESCRIPTION = 'Leave out for a new item: the API assigns a UUID. Send it back unchanged to keep the item (its progress, results and comments stay attached).';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** How many took part in the planning workshop, by role. */
export class WorkshopParticipantsDto {
  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: PLAN_LIMITS.participants, nullable: true, type: Number })
  @IsOptional()
  @Max(PLAN_LIMITS.participants)
  @Min(0)
  @IsInt()
  principal?: number | null;

  @ApiPropertyOptional({ example: 18, minimum: 0, maximum: PLAN_LIMITS.participants, nullable: true, type: Number })
  @IsOptional()
  @Max(PLAN_LIMITS.participants)
  @Min(0)
  @IsInt()
  teachers?: number | null;

  @ApiPropertyOptional({ example: 3, minimum: 0, maximum: PLAN_LIMITS.participants, nullable: true, type: Number, description: 'Tenaga kependidikan (administration, library, operator).' })
  @IsOptional()
  @Max(PLAN_LIMITS.participants)
  @Min(0)
  @IsInt()
  educationStaff?: number | null;

  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: PLAN_LIMITS.participants, nullable: true, type: Number, description: 'School supervisors (pengawas).' })
  @IsOptional()
  @Max(PLAN_LIMITS.participants)
  @Min(0)
  @IsInt()
  supervisors?: number | null;

  @ApiPropertyOptional({ example: 4, minimum: 0, maximum: PLAN_LIMITS.participants, nullable: true, type: Number, description: 'Parents, e.g. of the school committee.' })
  @IsOptional()
  @Max(PLAN_LIMITS.participants)
  @Min(0)
  @IsInt()
  parents?: number | null;
}

/** The record of the two-day planning workshop. */
export class WorkshopDto {
  @ApiPropertyOptional({ example: '2026-01-15', nullable: true, type: String, description: 'First day of the workshop (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: says('must be a real calendar date like 2026-01-15', 'harus berupa tanggal yang ada di kalender, misalnya 2026-01-15') })
  @Matches(DATE, { message: says('must be a date like 2026-01-15', 'harus berupa tanggal seperti 2026-01-15') })
  date?: string | null;

  @ApiPropertyOptional({ example: 'Dewi Lestari (Edukasi 101)', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  facilitatorName?: string | null;

  @ApiPropertyOptional({ type: WorkshopParticipantsDto, nullable: true })
  @IsOptional()
  @Type(() => WorkshopParticipantsDto)
  @ValidateNested()
  participants?: WorkshopParticipantsDto | null;

  @ApiPropertyOptional({ example: 'Reading interest is low in grades 1–3; the library is rarely used.', maxLength: 10_000, nullable: true, type: String, description: 'Shared reflection on the condition of the school and past programs.' })
  @IsOptional()
  @MaxLength(10_000)
  @IsString()
  reflectionNotes?: string | null;

  @ApiPropertyOptional({ example: ['Reading corners in every class', 'Teacher training in guided reading'], type: [String], maxItems: PLAN_LIMITS.listEntries, description: 'Brainstormed needs, each up to 500 characters.' })
  @IsOptional()
  @MaxLength(500, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.listEntries)
  @IsArray()
  needs?: string[] | null;

  @ApiPropertyOptional({ example: ['Parents volunteer as reading buddies'], type: [String], maxItems: PLAN_LIMITS.listEntries, description: 'Brainstormed opportunities, each up to 500 characters.' })
  @IsOptional()
  @MaxLength(500, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.listEntries)
  @IsArray()
  opportunities?: string[] | null;
}

/** One planned activity. */
export class PlanActivityDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260002', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Daily 15-minute reading before lessons', maxLength: 200 })
  @Transform(trimmed)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  name: string;

  @ApiPropertyOptional({ example: 2, minimum: 1, maximum: 12, nullable: true, type: Number, description: 'Month of the program year, 1–12.' })
  @IsOptional()
  @Max(12)
  @Min(1)
  @IsInt()
  startMonth?: number | null;

  @ApiPropertyOptional({ example: 11, minimum: 1, maximum: 12, nullable: true, type: Number, description: 'Month of the program year, 1–12, not before startMonth.' })
  @IsOptional()
  @Max(12)
  @Min(1)
  @IsInt()
  endMonth?: number | null;

  @ApiPropertyOptional({ example: 'Ibu Noor, class 2 teacher', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  personResponsible?: string | null;

  @ApiPropertyOptional({ example: 'A reading log per class', maxLength: 1000, nullable: true, type: String })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  expectedOutput?: string | null;
}

/** One budget line: whole rupiah; the total is computed by the API. */
export class PlanBudgetLineDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260005', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Picture books for the reading corners', maxLength: 200 })
  @Transform(trimmed)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  item: string;

  @ApiPropertyOptional({ example: 'book', maxLength: 50, nullable: true, type: String, description: 'The unit of the quantity (satuan), e.g. book, package, person.' })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  unit?: string | null;

  @ApiProperty({ example: 120, minimum: 1, maximum: PLAN_LIMITS.quantity, description: 'A whole number of units.' })
  @Max(PLAN_LIMITS.quantity)
  @Min(1)
  @IsInt()
  quantity: number;

  @ApiProperty({ example: '45000', oneOf: [{ type: 'string', pattern: '^\\d+$' }, { type: 'integer' }], description: 'Whole rupiah per unit, as an integer or a digit string, at most 9000000000000000.' })
  @IsDefined()
  unitCost: unknown;

  @ApiPropertyOptional({
    example: '5400000',
    oneOf: [{ type: 'string', pattern: '^\\d+$' }, { type: 'integer' }],
    description: 'Optional. The API computes quantity × unitCost; a total that disagrees is refused (422 naming the line).',
  })
  @IsOptional()
  total?: unknown;

  @ApiProperty({ enum: FUNDING_SOURCES, example: 'stimulus_grant', description: "stimulus_grant: the company's grant; school_budget_bos: the school's own BOS funds; other." })
  @IsIn(FUNDING_SOURCES)
  fundingSource: FundingSource;

  // The lists are checked when the template is read (normalizeContent), so a wrong code is answered
  // with the list to pick from, in both languages.
  @ApiPropertyOptional({
    enum: SNP_STANDARDS,
    example: 'sarana_prasarana',
    nullable: true,
    description: 'The national education standard (Standar Nasional Pendidikan) the line serves; for the RKAS export. A code outside the list answers 422 unknown_standard.',
  })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  standard?: string | null;

  @ApiPropertyOptional({
    enum: ACCOUNT_CODE_LIST,
    example: '5.2.05.01.01.0001',
    nullable: true,
    description: 'The ARKAS expenditure account (kode rekening belanja), from a short list of common BOS accounts; leave out when the account is not listed. A code outside the list answers 422 unknown_account_code.',
  })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  accountCode?: string | null;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 12, nullable: true, type: Number, description: 'The month of the program year (1–12) the money is spent; for the RKAS export.' })
  @IsOptional()
  @Max(12)
  @Min(1)
  @IsInt()
  spendingMonth?: number | null;
}

/** One success indicator. */
export class PlanIndicatorDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260008', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Students of grades 1–3 who read fluently', maxLength: 200 })
  @Transform(trimmed)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  name: string;

  @ApiPropertyOptional({ example: '40', oneOf: [{ type: 'string', nullable: true }, { type: 'number' }], description: 'Where it stands now: a number of 0 or more with at most 2 decimals.' })
  @IsOptional()
  baseline?: unknown;

  @ApiPropertyOptional({ example: '75', oneOf: [{ type: 'string', nullable: true }, { type: 'number' }], description: 'What it should reach by the end of the year: a number of 0 or more with at most 2 decimals.' })
  @IsOptional()
  target?: unknown;

  @ApiPropertyOptional({ example: '%', maxLength: 50, nullable: true, type: String })
  @IsOptional()
  @MaxLength(50)
  @IsString()
  unit?: string | null;
}

/** A risk and what to do about it. */
export class PlanRiskDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260010', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ example: 'Teachers have little time besides teaching', maxLength: 1000 })
  @Transform(trimmed)
  @MaxLength(1000)
  @IsNotEmpty()
  @IsString()
  risk: string;

  @ApiPropertyOptional({ example: 'Reading time is part of the timetable, not an extra', maxLength: 1000, nullable: true, type: String })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  mitigation?: string | null;
}

/** One program of the plan, as a workshop group drafted it. */
export class PlanProgramDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260001', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: TOPICS, example: 'literacy', description: 'From the topic catalogue.' })
  @IsIn(TOPICS)
  topic: Topic;

  @ApiPropertyOptional({ example: 'Gerakan Literasi Sekolah', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  name?: string | null;

  @ApiPropertyOptional({ example: 'Every student of grades 1–3 reads fluently by the end of the year.', maxLength: 2000, nullable: true, type: String, description: 'Required to submit.' })
  @IsOptional()
  @MaxLength(2000)
  @IsString()
  goal?: string | null;

  @ApiPropertyOptional({ example: 'The reflection showed low reading interest and an unused library.', maxLength: 5000, nullable: true, type: String })
  @IsOptional()
  @MaxLength(5000)
  @IsString()
  background?: string | null;

  @ApiPropertyOptional({ example: 'Students of grades 1–3 and their teachers', maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  targetGroup?: string | null;

  @ApiPropertyOptional({ type: [PlanActivityDto], maxItems: PLAN_LIMITS.itemsPerList, description: 'At least one to submit.' })
  @IsOptional()
  @Type(() => PlanActivityDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.itemsPerList)
  @IsArray()
  activities?: PlanActivityDto[] | null;

  @ApiPropertyOptional({ type: [PlanBudgetLineDto], maxItems: PLAN_LIMITS.itemsPerList })
  @IsOptional()
  @Type(() => PlanBudgetLineDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.itemsPerList)
  @IsArray()
  budgetLines?: PlanBudgetLineDto[] | null;

  @ApiPropertyOptional({ type: [PlanIndicatorDto], maxItems: PLAN_LIMITS.itemsPerList, description: 'At least one to submit.' })
  @IsOptional()
  @Type(() => PlanIndicatorDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.itemsPerList)
  @IsArray()
  indicators?: PlanIndicatorDto[] | null;

  @ApiPropertyOptional({ type: [PlanRiskDto], maxItems: PLAN_LIMITS.risks })
  @IsOptional()
  @Type(() => PlanRiskDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.risks)
  @IsArray()
  risks?: PlanRiskDto[] | null;
}

/** A line of the school's RKT or RKAS where the support appears. */
export class PlanningDocumentLineDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260011', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: PLANNING_DOCUMENTS, example: 'RKAS' })
  @IsIn(PLANNING_DOCUMENTS)
  document: PlanningDocument;

  @ApiPropertyOptional({ example: '5.2.1', maxLength: 100, nullable: true, type: String, description: 'The line or section number in that document.' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  reference?: string | null;

  @ApiPropertyOptional({ example: 'Pengembangan perpustakaan dan pojok baca', maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  description?: string | null;
}

/** The link to the school's own planning documents. */
export class PlanningDocumentsDto {
  @ApiPropertyOptional({ example: 'RKT SDN Pelambuan 4 2026', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  rktReference?: string | null;

  @ApiPropertyOptional({ example: 'RKAS SDN Pelambuan 4 2026 (revision 1)', maxLength: 200, nullable: true, type: String })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  rkasReference?: string | null;

  @ApiPropertyOptional({ type: [PlanningDocumentLineDto], maxItems: PLAN_LIMITS.itemsPerList })
  @IsOptional()
  @Type(() => PlanningDocumentLineDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.itemsPerList)
  @IsArray()
  lines?: PlanningDocumentLineDto[] | null;
}

/** One kind of parent engagement the school plans for the year, with its targets. */
export class PlanParentEngagementLineDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a126e002', description: ID_DESCRIPTION })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty({ enum: PARENT_ENGAGEMENT_KINDS, example: 'parenting_class', description: 'From the catalogue of parent-engagement kinds (GET /parent-engagement/kinds); each kind once.' })
  @IsIn(PARENT_ENGAGEMENT_KINDS)
  kind: ParentEngagementKind;

  @ApiPropertyOptional({ example: 4, minimum: 0, maximum: 1000, nullable: true, type: Number, description: 'How many sessions (classes, meetings, visits...) the school plans in the year.' })
  @IsOptional()
  @Max(1000)
  @Min(0)
  @IsInt()
  sessionsTarget?: number | null;

  @ApiPropertyOptional({ example: 120, minimum: 0, maximum: PLAN_LIMITS.participants, nullable: true, type: Number, description: 'How many parents the school plans to reach with them.' })
  @IsOptional()
  @Max(PLAN_LIMITS.participants)
  @Min(0)
  @IsInt()
  parentsTarget?: number | null;

  @ApiPropertyOptional({ example: 'Satu kelas parenting per triwulan bersama psikolog Puskesmas Pelambuan', maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  note?: string | null;
}

/** The facilitator's template. Sent whole: it replaces the stored template. */
export class PlanContentDto {
  @ApiPropertyOptional({ type: WorkshopDto, nullable: true })
  @IsOptional()
  @Type(() => WorkshopDto)
  @ValidateNested()
  workshop?: WorkshopDto | null;

  @ApiPropertyOptional({ type: [PlanProgramDto], maxItems: PLAN_LIMITS.programs, description: 'At least one to submit.' })
  @IsOptional()
  @Type(() => PlanProgramDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(PLAN_LIMITS.programs)
  @IsArray()
  programs?: PlanProgramDto[] | null;

  @ApiPropertyOptional({ type: PlanningDocumentsDto, nullable: true })
  @IsOptional()
  @Type(() => PlanningDocumentsDto)
  @ValidateNested()
  planningDocuments?: PlanningDocumentsDto | null;

  @ApiPropertyOptional({
    type: [PlanParentEngagementLineDto],
    maxItems: PARENT_ENGAGEMENT_KINDS.length,
    nullable: true,
    description: 'Optional: which kinds of parent engagement the school plans, each once with its targets. Left out or null: the plan has no such section.',
  })
  @IsOptional()
  @Type(() => PlanParentEngagementLineDto)
  @ValidateNested({ each: true })
  @ArrayMaxSize(PARENT_ENGAGEMENT_KINDS.length)
  @IsArray()
  parentEngagement?: PlanParentEngagementLineDto[] | null;
}
