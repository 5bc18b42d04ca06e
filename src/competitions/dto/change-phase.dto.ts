import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { COMPETITION_PHASES } from '../competition-phase';
import type { CompetitionPhase } from '../competition-phase';

/** The phase to move to: always the next one. */
export class ChangePhaseDto {
  @ApiProperty({ enum: COMPETITION_PHASES, example: 'open', description: 'draft → open → judging → published → closed, one step at a time.' })
  @IsIn(COMPETITION_PHASES)
  phase: CompetitionPhase;
}
