import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { PageOf } from '../common/pagination/pagination';
import { AuditService } from './audit.service';
import { AuditEventResponse } from './dto/audit-event.response';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

const AuditEventPage = PageOf(AuditEventResponse, 'AuditEventPage');

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow(Permission.AuditRead)
  @ApiOperation({ summary: 'List audit events, newest first (admin)' })
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() query: ListAuditEventsQuery) {
    return this.audit.list(query);
  }
}
