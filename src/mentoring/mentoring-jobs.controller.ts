import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { MentoringOverdueRunResponse } from './dto/overdue-run.response';
import { MentoringOverdueJob } from './mentoring-overdue.job';

@ApiTags('jobs')
@Controller('jobs/mentoring-overdue')
export class MentoringJobsController {
  constructor(private readonly job: MentoringOverdueJob) {}

  @Post('run')
  @HttpCode(200)
  @Allow(Permission.JobsRun)
  @ApiOperation({
    summary: "Run today's overdue-follow-up job now (admin)",
    description:
      "Notifies every open follow-up past its due date to its owner (the named user, otherwise the school's principals or the facilitator), once per action and due date. " +
      "Each (UTC) day is done once across all replicas: if today's run was already done, the answer says so with ran: false and nothing is done.",
  })
  @ApiOkResponse({ type: MentoringOverdueRunResponse })
  run(@CurrentActor() actor: Actor) {
    return this.job.runNow(actor);
  }
}
