import { AcceptLanguage } from '../common/http/request-headers.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { pickLanguage } from '../common/errors/i18n';
import { AgendaService } from './agenda.service';
import { AgendaResponse } from './dto/agenda.response';

@ApiTags('agenda')
@Controller('agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @Allow(Permission.AgendaRead)
  @ApiOperation({
    summary: 'What needs me now: the records waiting for the signed-in user',
    description:
      "For a principal: plans to write or revise, plan comments to answer, mentoring sessions to confirm, the school's open follow-ups, expense reports to write or finish, and competitions open for entries. " +
      'For a CSR officer: plans and expense reports to review, MoUs expiring within 60 days. For a facilitator: plans to review, overdue follow-ups, disputed sessions. ' +
      'For a judge: entries to score. For an education officer: partner requests to answer. Admins have none. ' +
      'Only records the caller may open elsewhere are listed (the same scope as every module). Overdue items first, then by due date, then the longest waiting; at most 200 items, `total` counts all. ' +
      'Titles follow Accept-Language (id or en). "Today" is the platform clock\'s UTC date.',
  })
  @ApiHeader({ name: 'Accept-Language', required: false, example: 'id', description: 'id for Bahasa Indonesia, en (the default) for English.' })
  @ApiOkResponse({ type: AgendaResponse })
  forMe(@CurrentActor() actor: Actor, @AcceptLanguage() language?: string): Promise<AgendaResponse> {
    return this.agenda.forCaller(actor, pickLanguage(language));
  }
}
