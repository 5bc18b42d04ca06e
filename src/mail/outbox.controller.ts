import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { PageOf } from '../common/pagination/pagination';
import { ListOutboxQuery } from './dto/list-outbox.query';
import { OutboxMessageResponse } from './dto/outbox-message.response';
import { MailService } from './mail.service';

const OutboxPage = PageOf(OutboxMessageResponse, 'OutboxMessagePage');

@ApiTags('mail')
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Allow(Permission.MailRead)
  @ApiOperation({
    summary: 'The e-mail outbox, newest first (admin)',
    description:
      'Every e-mail the platform wrote: invitations, password resets, reminders. Without an SMTP server (SMTP_HOST unset) messages are not sent but kept: ' +
      'they are listed here with status=kept and their text, links included, so an administrator can pass them on by hand. `status=failed` lists those given up after the last attempt, with the mail server\'s answer.',
  })
  @ApiOkResponse({ type: OutboxPage })
  @ApiProblems(422)
  list(@Query() query: ListOutboxQuery) {
    return this.mail.listOutbox(query);
  }
}
