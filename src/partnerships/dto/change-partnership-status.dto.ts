import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';
import { PARTNERSHIP_STATUSES } from '../partnership-status';
import type { PartnershipStatus } from '../partnership-status';

/** A status change of a partnership, dated, with the reason for pausing or ending it. */
export class ChangePartnershipStatusDto {
  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'paused', description: 'prospective → active or ended; active → paused or ended; paused → active or ended.' })
  @IsIn(PARTNERSHIP_STATUSES)
  status: PartnershipStatus;

  @ApiPropertyOptional({ example: '2026-07-15', description: 'When it happened (default today): not in the future, and not before the previous status change.' })
  @IsOptional()
  @IsCalendarDate('on')
  on?: string;

  @ApiPropertyOptional({ example: 'School building under renovation for one semester; the program resumes in the next school year.', maxLength: 2000, description: 'Required when pausing or ending; shown in the timeline.' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}
