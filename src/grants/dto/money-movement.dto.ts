import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsRupiah, rupiahProperty } from '../../common/money/is-rupiah';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';

/** One tranche paid to the school. */
export class CreateDisbursementDto {
  @ApiProperty(rupiahProperty('25000000', 'The tranche; the total disbursed never exceeds the award.', { positive: true }))
  @IsRupiah({ positive: true })
  amount: string;

  @ApiProperty({ example: '2026-03-02', description: 'The day of the transfer (YYYY-MM-DD), not in the future.' })
  @IsCalendarDate('disbursedOn')
  disbursedOn: string;

  @ApiProperty({ example: 'TRF-2026-03-0142', maxLength: 100, description: "The bank's transfer reference." })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  transferReference: string;

  @ApiPropertyOptional({ example: 'First tranche: literacy corner books and training.', maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The reversal of a mistaken tranche. */
export class ReverseDisbursementDto {
  @ApiProperty({ example: 'Recorded twice: the bank made one transfer only.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ example: '2026-03-04', description: 'The day of the reversal (YYYY-MM-DD), not in the future; today when left out.' })
  @IsOptional()
  @IsCalendarDate('reversedOn')
  reversedOn?: string;

  @ApiPropertyOptional({ example: 'TRF-2026-03-0142-R', maxLength: 100, description: "The reference of the money coming back, if any; the reversed tranche's reference when left out." })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  transferReference?: string;
}

/** The year-end decision on the money still at the school. */
export class SettleGrantDto {
  @ApiProperty(rupiahProperty('1250000', 'Money the school returns to the company (0 for none).'))
  @IsRupiah()
  returnedAmount: string;

  @ApiProperty(rupiahProperty('0', "Money carried over to the school's next program year (0 for none)."))
  @IsRupiah()
  carriedOverAmount: string;

  @ApiProperty({ example: 'Agreed with the principal at the year-end evaluation: the unspent rest goes back.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'The day of the decision (YYYY-MM-DD), not in the future; today when left out.' })
  @IsOptional()
  @IsCalendarDate('settledOn')
  settledOn?: string;
}
