import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { IsRupiah, rupiahProperty } from '../../common/money/is-rupiah';
import { trimmed } from '../../programs/dto/calendar-date';
import { says } from '../../common/errors/validation';

/** Trims every string of an array, so blank conditions count as empty. */
const trimmedEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** A stimulus grant for a school's approved plan. */
export class CreateGrantDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1250000', description: "The approved plan it funds (approved, in progress or completed), of a partner school in one of your company's programs. One grant per school per program year." })
  @IsUUID()
  planId: string;

  @ApiProperty(rupiahProperty('75000000', 'The award.', { positive: true }))
  @IsRupiah({ positive: true })
  awardedAmount: string;

  @ApiProperty({
    type: [String],
    example: ['00000000-0000-4000-8000-0000a1260005'],
    description: "Ids of the plan's budget lines this grant funds: lines whose fundingSource is stimulus_grant. Expense lines are reported against them.",
  })
  @IsArray()
  @ArrayMinSize(1, { message: says('must name at least one budget line of the plan funded by the stimulus grant', 'harus menyebut paling sedikit satu baris anggaran rencana yang didanai hibah stimulus') })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: says('must not repeat a budget line', 'tidak boleh menyebut baris anggaran yang sama dua kali') })
  @IsUUID('all', { each: true })
  fundedBudgetLineIds: string[];

  @ApiPropertyOptional({ type: [String], example: ['Receipts for every purchase', 'Unspent money is returned by 15 December'], default: [], description: 'Conditions of the grant, one per item.' })
  @IsOptional()
  @Transform(trimmedEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  conditions?: string[];

  @ApiPropertyOptional({ example: true, default: false, description: "A later tranche needs the previous tranche's expense report accepted first." })
  @IsOptional()
  @IsBoolean()
  requireReportBeforeNextTranche?: boolean;
}

/** Changes to a grant before its first disbursement; `version` is the one the change was based on. */
export class UpdateGrantDto {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional(rupiahProperty('80000000', 'The new award; the program year envelope is checked again.', { positive: true }))
  @IsOptional()
  @IsRupiah({ positive: true })
  awardedAmount?: string;

  @ApiPropertyOptional({ type: [String], example: ['00000000-0000-4000-8000-0000a1260005'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: says('must name at least one budget line of the plan funded by the stimulus grant', 'harus menyebut paling sedikit satu baris anggaran rencana yang didanai hibah stimulus') })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: says('must not repeat a budget line', 'tidak boleh menyebut baris anggaran yang sama dua kali') })
  @IsUUID('all', { each: true })
  fundedBudgetLineIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Receipts for every purchase'] })
  @IsOptional()
  @Transform(trimmedEach)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(1000, { each: true })
  conditions?: string[];

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  requireReportBeforeNextTranche?: boolean;
}

/** Why the company cancels a grant. */
export class CancelGrantDto {
  @ApiProperty({ example: 'The school closed its literacy program; the plan will be redrafted next year.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
