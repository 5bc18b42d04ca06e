import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsRupiah, rupiahProperty } from '../../common/money/is-rupiah';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';

export const MAX_EXPENSE_LINES = 200;

/** One line of spending. */
export class ExpenseLineDto {
  @ApiProperty({ example: '2026-03-14', description: 'The day of the purchase (YYYY-MM-DD), not in the future.' })
  @IsCalendarDate('spentOn')
  spentOn: string;

  @ApiProperty({ example: '40 picture books for the literacy corner', maxLength: 300 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260005', description: 'The budget line of the plan the money was spent on: one the grant funds.' })
  @IsUUID()
  budgetLineId: string;

  @ApiProperty(rupiahProperty('4800000', 'What was spent.', { positive: true }))
  @IsRupiah({ positive: true })
  amount: string;
}

/** Changes to one line; only the fields sent change. */
export class UpdateExpenseLineDto {
  @ApiPropertyOptional({ example: '2026-03-15' })
  @IsOptional()
  @IsCalendarDate('spentOn')
  spentOn?: string;

  @ApiPropertyOptional({ example: '40 picture books and 2 shelves for the literacy corner', maxLength: 300 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  description?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260005' })
  @IsOptional()
  @IsUUID()
  budgetLineId?: string;

  @ApiPropertyOptional(rupiahProperty('5200000', 'What was spent.', { positive: true }))
  @IsOptional()
  @IsRupiah({ positive: true })
  amount?: string;
}

/** A new expense report of the school (a draft until submitted). */
export class CreateExpenseReportDto {
  @ApiProperty({ example: 'Literacy corner, March–April', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 1, description: 'The tranche whose spending it reports. Needed when the grant asks for a report before the next tranche.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  trancheNumber?: number;

  @ApiPropertyOptional({ type: [ExpenseLineDto], description: 'Lines can also be added one by one later.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EXPENSE_LINES)
  @ValidateNested({ each: true })
  @Type(() => ExpenseLineDto)
  lines?: ExpenseLineDto[];
}

/** Changes to a draft or returned report; `version` is the one the change was based on. */
export class UpdateExpenseReportDto {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'Literacy corner, March–May', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 1, nullable: true, type: Number, description: 'null: not tied to a tranche.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  trancheNumber?: number | null;
}

export const LINE_REVIEWS = ['accepted', 'rejected'] as const;
export const REVIEW_DECISIONS = ['accept', 'return'] as const;

/** The reviewer's verdict on one line. */
export class LineReviewDto {
  @ApiProperty({ example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' })
  @IsUUID()
  lineId: string;

  @ApiProperty({ enum: LINE_REVIEWS, example: 'accepted' })
  @IsIn(LINE_REVIEWS)
  review: (typeof LINE_REVIEWS)[number];

  @ApiPropertyOptional({ example: 'The receipt does not show the date; upload a clearer scan.', maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The review of a submitted report: every line, and the decision. */
export class ReviewExpenseReportDto {
  @ApiProperty({ type: [LineReviewDto], description: 'Every line of the report, once.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EXPENSE_LINES)
  @ValidateNested({ each: true })
  @Type(() => LineReviewDto)
  lines: LineReviewDto[];

  @ApiProperty({
    enum: REVIEW_DECISIONS,
    example: 'accept',
    description: "accept: the accepted lines count as spent grant money (at least one line accepted). return: back to the school for correction (give a reason); nothing counts yet.",
  })
  @IsIn(REVIEW_DECISIONS)
  decision: (typeof REVIEW_DECISIONS)[number];

  @ApiPropertyOptional({ example: 'Two receipts are unreadable; upload clearer scans and submit again.', maxLength: 2000, description: 'Required when returning the report.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
