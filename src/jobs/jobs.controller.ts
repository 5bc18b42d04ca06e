import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { MouExpiryRunResponse } from './dto/mou-expiry-run.response';
import { MouExpiryJob } from './mou-expiry.job';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly mouExpiry: MouExpiryJob) {}

  @Post('mou-expiry/run')
  @HttpCode(200)
  @Allow(Permission.JobsRun)
  @ApiOperation({
    summary: "Run today's MoU job now (admin)",
    description:
      'Activates fully signed MoUs whose effective date has come, expires MoUs past their expiry date and writes expiry reminders (90, 30 and 7 days before) for CSR officers and principals. ' +
      "Each (UTC) day is done once across all replicas: if today's run was already done (by the timer or an earlier call), the answer says so with ran: false and nothing is done.",
  })
  @ApiOkResponse({ type: MouExpiryRunResponse })
  run(@CurrentActor() actor: Actor) {
    return this.mouExpiry.runNow(actor);
  }
}
