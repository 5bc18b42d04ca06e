import { AcceptLanguage, AcceptHeader } from '../common/http/request-headers.decorator';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { SchoolTimelineResponse } from './dto/school-timeline.response';
import { TimelineQuery } from './dto/report-queries';
import { XLSX_MEDIA_TYPE } from './export/report-files';
import { ReportOutputsService, reportOutput } from './report-outputs.service';
import { sendFile } from './reports.controller';

@ApiTags('reports')
@Controller('schools')
export class SchoolTimelineController {
  constructor(private readonly outputs: ReportOutputsService) {}

  @Get(':id/timeline')
  @Allow(Permission.SchoolTimelineRead)
  @ApiOperation({
    summary: 'Everything a school has done with each partner, year by year',
    description:
      "For each partnership of the school the caller may see, the partnership timeline (status changes, MoUs, plans, grants, mentoring sessions, competition results) with each year's figures: plan, grant money, mentoring, training and competition. " +
      'Principals see their own school; CSR officers their company\'s partnerships with it; education officers schools of their jurisdiction; admins all. Any other school answers 404. ' +
      'JSON by default; `?format=csv|xlsx` and `?locale=id` as for the reports.',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({ type: SchoolTimelineResponse })
  @ApiProblems(404, 422)
  async timeline(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: TimelineQuery, @AcceptHeader() accept?: string, @AcceptLanguage() language?: string) {
    return sendFile(await this.outputs.schoolTimeline(actor, id, reportOutput(query, accept, language)));
  }
}
