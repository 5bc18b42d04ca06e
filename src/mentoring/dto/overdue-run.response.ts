import { ApiProperty } from '@nestjs/swagger';

/** What one run of the daily overdue-follow-up job did, or that the day's run was already done. */
export class MentoringOverdueRunResponse {
  @ApiProperty({ example: 'mentoring-overdue' })
  job: string;

  @ApiProperty({ example: '2026-11-24', description: 'The (UTC) day the run was for.' })
  today: string;

  @ApiProperty({ example: true, description: 'false: the day was already claimed by an earlier run (on this or another replica); nothing was done.' })
  ran: boolean;

  @ApiProperty({ example: 'Found 2 overdue follow-up(s); wrote 3 notification(s).' })
  detail: string;

  @ApiProperty({ example: 2, description: 'Open follow-ups past their due date (in years that are not closed).' })
  overdueActions: number;

  @ApiProperty({ example: 3, description: 'Notifications written; each action and due date is notified once per user.' })
  notificationsWritten: number;
}
