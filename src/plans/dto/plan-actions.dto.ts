import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { ACTIVITY_PROGRESS } from '../plan-status';
import type { ActivityProgress } from '../plan-status';
import { trimmed } from './plan-content.dto';
import { says } from '../../common/errors/validation';

// class-validator checks a property's decorators bottom-up, and the global pipe stops at the first
// error: the type check is written last so a missing or mistyped value is reported as such, not as too long.

/** Why the school withdraws its plan. */
export class WithdrawPlanDto {
  @ApiProperty({ example: 'The school will join the program again next year.', maxLength: 2000 })
  @Transform(trimmed)
  @MaxLength(2000)
  @IsNotEmpty()
  @IsString()
  reason: string;
}

const REVIEWED_VERSION =
  'The plan\u2019s `version` as the reviewer read it. When sent and the plan has changed since (e.g. sent back and resubmitted by someone else meanwhile), the answer is 409 and nothing happens, so nobody decides on a plan they have not read.';

/** What the reviewer asks the school to change; it becomes a general comment on the plan. */
export class RequestChangesDto {
  @ApiProperty({ example: 'Please add an indicator for the parents\u2019 involvement and split the training budget by session.', maxLength: 5000 })
  @Transform(trimmed)
  @MaxLength(5000)
  @IsNotEmpty()
  @IsString()
  comment: string;

  @ApiPropertyOptional({ example: 4, minimum: 1, description: REVIEWED_VERSION })
  @IsOptional()
  @Min(1)
  @IsInt()
  version?: number;
}

/** The approval of a submitted plan: optionally the version the CSR officer read. */
export class ApprovePlanDto {
  @ApiPropertyOptional({ example: 4, minimum: 1, description: REVIEWED_VERSION })
  @IsOptional()
  @Min(1)
  @IsInt()
  version?: number;
}

/** A comment on the plan: general, on one field, or a reply. */
export class CreatePlanCommentDto {
  @ApiProperty({ example: 'Is 75% realistic in one year? The baseline is 40%.', maxLength: 5000 })
  @Transform(trimmed)
  @MaxLength(5000)
  @IsNotEmpty()
  @IsString()
  body: string;

  @ApiPropertyOptional({
    example: 'content.programs[0].indicators[0].target',
    maxLength: 200,
    description: 'The field the comment is about, as a path into the plan (title, or content.…); it must exist in the current plan. Leave out for a general comment. A reply takes its parent\u2019s field.',
  })
  @IsOptional()
  @Matches(/^[A-Za-z]+(\[\d{1,3}\])*(\.[A-Za-z]+(\[\d{1,3}\])*)*$/, { message: says('must be a path like content.programs[0].goal', 'harus berupa jalur isian seperti content.programs[0].goal') })
  @MaxLength(200)
  @IsString()
  fieldPath?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a126c001', description: 'The comment this one answers.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

/** A user of the school who may edit the plan. */
export class AddPlanEditorDto {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69', description: "A user of the plan's school." })
  @IsUUID()
  userId: string;
}

/** How one activity is going. Sent as JSON, or as multipart/form-data with an evidence file in `file`. */
export class ActivityProgressDto {
  @ApiProperty({ enum: ACTIVITY_PROGRESS, example: 'in_progress' })
  @IsIn(ACTIVITY_PROGRESS)
  status: ActivityProgress;

  @ApiPropertyOptional({ example: 'Reading corners set up in 6 of 12 classes.', maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(2000)
  @IsString()
  note?: string | null;

  @ApiPropertyOptional({ example: '5c1f0a9e-2b7d-4e3a-8c6f-1d2e3f4a5b6c', nullable: true, type: String, description: 'An evidence file uploaded earlier for this plan; null removes the evidence. Leave out (or upload a new file) otherwise.' })
  @IsOptional()
  @IsUUID()
  evidenceDocumentId?: string | null;
}

/** The value an indicator reached. */
export class IndicatorResultDto {
  @ApiProperty({ example: '78.5', oneOf: [{ type: 'string' }, { type: 'number' }], description: "In the indicator's unit: a number of 0 or more with at most 2 decimals." })
  @IsDefined()
  achievedValue: unknown;

  @ApiPropertyOptional({ example: 'Measured with the reading assessment in November.', maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(2000)
  @IsString()
  note?: string | null;
}

/** Which version a diff compares against. */
export class PlanDiffQuery {
  @ApiPropertyOptional({ example: 1, minimum: 1, description: 'The older version to compare with; by default the version before. Version 1 without `against` is compared with an empty plan.' })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @IsInt()
  against?: number;
}

/** The CSV's field separator. */
export class BudgetCsvQuery {
  @ApiPropertyOptional({ enum: ['comma', 'semicolon'], default: 'comma', description: 'semicolon for spreadsheets set to Indonesian, where the comma is the decimal mark.' })
  @IsOptional()
  @IsIn(['comma', 'semicolon'])
  delimiter?: 'comma' | 'semicolon';
}
