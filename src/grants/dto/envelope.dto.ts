import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { isYearReadOnly, PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import type { YearEnvelopeRow } from '../grants.repository';

/** Which program year's envelope to read. */
export class EnvelopeQuery {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826', description: "A year of one of your company's programs." })
  @IsUUID()
  programYearId: string;
}

/** A program year's budget envelope and the room its grants leave, before an award is made. */
export class GrantEnvelopeResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  programYearId: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  programId: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  programName: string;

  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'running' })
  yearStatus: ProgramYearStatus;

  @ApiProperty({ example: false, description: 'True once the year is closed: it takes no new grants and its grants are no longer changed or paid.' })
  readOnly: boolean;

  @ApiProperty({ example: '4500000000', description: "The year's budget envelope, whole rupiah." })
  budgetEnvelope: string;

  @ApiProperty({ example: '3900000000', description: 'The awards of its grants that are not cancelled.' })
  committed: string;

  @ApiProperty({ example: '600000000', description: 'Envelope − committed, never below 0: the most a new award (or a raise) may take.' })
  roomLeft: string;

  static from(this: void, r: YearEnvelopeRow): GrantEnvelopeResponse {
    const room = BigInt(r.budgetEnvelope) - BigInt(r.committed);
    return {
      programYearId: r.id,
      year: r.year,
      programId: r.programId,
      programName: r.programName,
      yearStatus: r.status,
      readOnly: isYearReadOnly(r.status),
      budgetEnvelope: r.budgetEnvelope,
      committed: r.committed,
      roomLeft: (room > 0n ? room : 0n).toString(),
    };
  }
}
