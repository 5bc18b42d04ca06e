import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PROGRAM_YEAR_STATUSES } from '../program-year-status';
import type { ProgramYearStatus } from '../program-year-status';

/** The status a program year moves to: the next one only. */
export class ChangeYearStatusDto {
  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'running', description: 'planning → running → evaluating → closed, one step at a time.' })
  @IsIn(PROGRAM_YEAR_STATUSES)
  status: ProgramYearStatus;
}
