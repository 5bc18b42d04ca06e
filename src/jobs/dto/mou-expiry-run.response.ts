import { ApiProperty } from '@nestjs/swagger';

/** What one run of the daily MoU job did, or that the day's run was already done. */
export class MouExpiryRunResponse {
  @ApiProperty({ example: 'mou-expiry' })
  job: string;

  @ApiProperty({ example: '2026-11-24', description: 'The (UTC) day the run was for.' })
  today: string;

  @ApiProperty({ example: true, description: 'false: the day was already claimed by an earlier run (on this or another replica); nothing was done.' })
  ran: boolean;

  @ApiProperty({ example: 'Activated 1, superseded 1, expired 0 MoU(s); wrote 4 reminder(s) and 0 expiry notice(s).' })
  detail: string;

  @ApiProperty({ type: [String], example: ['00000000-0000-4000-8000-000000000906'], description: 'MoUs that took effect (every party signed, effective date come).' })
  activated: string[];

  @ApiProperty({ type: [String], example: ['00000000-0000-4000-8000-000000000905'], description: 'MoUs superseded by a renewal that took effect.' })
  superseded: string[];

  @ApiProperty({ type: [String], example: [], description: 'Ready MoUs left waiting because another MoU of the partnership is in force over their period.' })
  blocked: string[];

  @ApiProperty({ type: [String], example: [], description: 'MoUs past their expiry date, now expired.' })
  expired: string[];

  @ApiProperty({ example: 4, description: 'Expiry reminders written (90, 30 and 7 days before), each once per user.' })
  remindersWritten: number;

  @ApiProperty({ example: 0, description: 'Notices that an MoU expired, each once per user.' })
  expiryNoticesWritten: number;
}
