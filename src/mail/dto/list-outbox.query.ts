import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { OUTBOX_STATUSES } from '../outbox-message.entity';
import type { OutboxStatus } from '../outbox-message.entity';
import { MAIL_KINDS } from '../templates';
import type { MailKind } from '../templates';

/** Filters of the outbox list (newest first). */
export class ListOutboxQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES, example: 'kept', description: 'pending: waiting or to be retried; sent; kept: no SMTP server was configured; failed: given up after the last attempt.' })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @ApiPropertyOptional({ enum: MAIL_KINDS, example: 'password_reset' })
  @IsOptional()
  @IsIn(MAIL_KINDS)
  kind?: MailKind;
}
