import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor, Public } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import type { AppRequest } from '../common/http/request-context';
import { MailPreferencesResponse, UnsubscribeDto, UnsubscribeResponse, UpdateMailPreferencesDto } from './dto/mail-preferences.dto';
import { MailPreferencesService } from './mail-preferences.service';

const CATEGORIES =
  'Categories: plans (submitted, changes requested, approved), money (tranche recorded, expense report returned), mentoring (session to confirm, follow-up overdue), ' +
  'mous (expiring, expired), competitions (results published). Security messages (invitations, password resets) are always sent.';

@ApiTags('mail')
@Controller('auth/me/mail-preferences')
export class MailPreferencesController {
  constructor(private readonly preferences: MailPreferencesService) {}

  @Get()
  @Allow(Permission.ProfileRead)
  @ApiOperation({ summary: 'My e-mail preferences, per category', description: `Each category is sent immediately (the default), gathered in a daily digest, or off. ${CATEGORIES}` })
  @ApiOkResponse({ type: MailPreferencesResponse })
  get(@CurrentActor() actor: Actor) {
    return this.preferences.get(actor);
  }

  @Put()
  @Allow(Permission.ProfileRead)
  @ApiOperation({
    summary: 'Change my e-mail preferences',
    description: `Categories left out stay as they are; the answer is the same as GET. Off stops the e-mails only: in-app notifications stay. ${CATEGORIES}`,
  })
  @ApiOkResponse({ type: MailPreferencesResponse })
  @ApiProblems(422)
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateMailPreferencesDto) {
    return this.preferences.update(actor, dto);
  }
}

@ApiTags('mail')
@Controller('mail/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly preferences: MailPreferencesService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'What an unsubscribe link will turn off',
    description:
      'For the portal\'s /unsubscribe page, before the person confirms: the category the link names (or digest: every category gathered in the daily digest) and the address it is for. Changes nothing. ' +
      'A malformed or altered link answers 422 unsubscribe_link_invalid; a link naming security messages, 422 security_mail_required.',
  })
  @ApiOkResponse({ type: UnsubscribeResponse })
  @ApiProblems(422)
  preview(@Query() query: UnsubscribeDto) {
    return this.preferences.preview(query.token);
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn off what an unsubscribe link names',
    description: 'No sign-in: the signed token in the link is the proof. Sets the category (or every digest category) to off; doing it again changes nothing. The user can turn it on again in their e-mail preferences.',
  })
  @ApiOkResponse({ type: UnsubscribeResponse })
  @ApiProblems(422)
  confirm(@Body() dto: UnsubscribeDto, @Req() req: AppRequest) {
    return this.preferences.confirm(dto.token, req.id);
  }
}
