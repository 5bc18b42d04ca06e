import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiGoneResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor, Public } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { ProblemResponse } from '../common/http/problem.response';
import type { AppRequest } from '../common/http/request-context';
import { UuidPipe } from '../common/http/uuid.pipe';
import { ConfirmPasswordResetDto, PasswordResetRequestedResponse, PasswordResetSentResponse, PasswordResetStateResponse, RequestPasswordResetDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';

const client = (req: AppRequest) => ({ address: req.ip ?? 'unknown', requestId: req.id });

const INVALID = 'Unknown token (incomplete or mistyped link), or its account is disabled: code password_reset_invalid.';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Forgot password: email a reset link',
    description:
      'If the address belongs to an active account, an email in the user\'s language with a link to the portal\'s /password-reset?token=… page is sent; the link works once, for one hour. ' +
      'The answer is the same whether or not the address has an account. Requests are limited per email address and per client address (PASSWORD_RESET_MAX_PER_ACCOUNT and PASSWORD_RESET_MAX_PER_ADDRESS per PASSWORD_RESET_WINDOW_SECONDS), known address or not; over the limit the answer is 429 with Retry-After.',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many requests for this email address or from this client (code too_many_password_resets); wait for Retry-After seconds.', type: ProblemResponse })
  @ApiProblems(422)
  request(@Body() dto: RequestPasswordResetDto, @Req() req: AppRequest) {
    return this.resets.request(dto.email, client(req));
  }

  @Post('confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with a reset link',
    description:
      'Sets the password, ends every session of the user (they sign in again with the new password) and every other reset link sent to them. ' +
      'A used link answers 410 password_reset_used, an expired one 410 password_reset_expired.',
  })
  @ApiNoContentResponse({ description: 'The password is set; sign in with it.' })
  @ApiNotFoundResponse({ description: INVALID, type: ProblemResponse })
  @ApiGoneResponse({ description: 'The link was already used (password_reset_used) or is older than its hour (password_reset_expired).', type: ProblemResponse })
  @ApiProblems(422)
  confirm(@Body() dto: ConfirmPasswordResetDto, @Req() req: AppRequest): Promise<void> {
    return this.resets.confirm(dto, client(req));
  }

  @Get(':token')
  @Public()
  @ApiOperation({
    summary: 'Check a reset link before choosing a password',
    description: 'Tells whether the link can still set a password (valid), is older than its hour (expired) or was already used (used), so the page can say so before anything is typed. Changes nothing.',
  })
  @ApiParam({ name: 'token', description: 'The `token` of the link in the email.', example: 'Xq3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA' })
  @ApiOkResponse({ type: PasswordResetStateResponse })
  @ApiNotFoundResponse({ description: INVALID, type: ProblemResponse })
  check(@Param('token') token: string) {
    return this.resets.check(token);
  }
}

@ApiTags('users')
@Controller('users')
export class UserPasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post(':id/password-reset')
  @Allow(Permission.UsersInvite)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a user a password reset link',
    description:
      "Emails the user, in their language, a link to choose a new password (valid one hour, works once); their password and sessions stay as they are until they use it. " +
      "Admins for any user; CSR officers, principals and education officers for their own organisation's users other than administrators. Another organisation's user answers 404; a disabled user 422.",
  })
  @ApiAcceptedResponse({ type: PasswordResetSentResponse })
  @ApiProblems(404, 422)
  send(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.resets.sendFor(actor, id);
  }
}
