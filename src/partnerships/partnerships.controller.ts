import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { pickLanguage } from '../common/errors/i18n';
import { ApiProblems } from '../common/http/api-problems';
import { AcceptLanguage } from '../common/http/request-headers.decorator';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { ChangePartnershipStatusDto } from './dto/change-partnership-status.dto';
import { CreatePartnershipDto } from './dto/create-partnership.dto';
import { ListPartnershipsQuery } from './dto/list-partnerships.query';
import { PartnershipTimelineResponse } from './dto/partnership-timeline.response';
import { PartnershipDetailResponse, PartnershipResponse } from './dto/partnership.response';
import { SetCohortYearsDto } from './dto/set-cohort-years.dto';
import { PartnershipsService } from './partnerships.service';

const PartnershipPage = PageOf(PartnershipResponse, 'PartnershipPage');

const WHO_READS =
  "CSR officers see their company's partnerships; principals their own school's; education officers those of schools in their jurisdiction; facilitators those in programs they work in; admins all. Any other partnership answers 404.";

@ApiTags('partnerships')
@Controller('partnerships')
@UseFilters(DuplicateRecordFilter)
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Post()
  @Allow(Permission.PartnershipsManage)
  @ApiOperation({
    summary: "Open a partnership of a program's company with a school (CSR officer of that company, or admin)",
    description:
      'One partnership per school in a program: a second answers 409 naming the existing one (existingId). It opens as prospective, or as active with startedOn (default today). ' +
      "A recommendationId must be an accepted recommendation of this school in a request of the program's company, and opens one partnership only. The first status-history entry is written with it.",
  })
  @ApiCreatedResponse({ type: PartnershipDetailResponse })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePartnershipDto) {
    return this.partnerships.create(actor, dto);
  }

  @Get()
  @Allow(Permission.PartnershipsRead)
  @ApiOperation({ summary: 'List the partnerships you can see, by school name', description: WHO_READS })
  @ApiOkResponse({ type: PartnershipPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListPartnershipsQuery) {
    return this.partnerships.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.PartnershipsRead)
  @ApiOperation({ summary: 'One partnership with the program years the school took part in', description: WHO_READS })
  @ApiOkResponse({ type: PartnershipDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.partnerships.get(actor, id);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Allow(Permission.PartnershipsManage)
  @ApiOperation({
    summary: 'Change the status of a partnership (CSR officer of the company, or admin)',
    description:
      'prospective → active or ended; active → paused or ended; paused → active or ended; ended is final. Any other move answers 422 naming the allowed ones. ' +
      '`on` (default today) may not be in the future nor before the previous change; pausing and ending need a reason. Each change is kept in the status history and shown in the timeline.',
  })
  @ApiOkResponse({ type: PartnershipDetailResponse })
  @ApiProblems(404, 422)
  changeStatus(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ChangePartnershipStatusDto) {
    return this.partnerships.changeStatus(actor, id, dto);
  }

  @Put(':id/years')
  @Allow(Permission.PartnershipsManage)
  @ApiOperation({
    summary: 'Set the explicit cohort years of a partnership (CSR officer of the company, or admin)',
    description:
      "The program years the school is counted in, besides the years it was active in (those count anyway). Replaces the explicit set. Years must belong to the partnership's program; a closed year can be neither added nor removed (422).",
  })
  @ApiOkResponse({ type: PartnershipDetailResponse })
  @ApiProblems(404, 422)
  setYears(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: SetCohortYearsDto) {
    return this.partnerships.setCohortYears(actor, id, dto);
  }

  @Get(':id/timeline')
  @Allow(Permission.PartnershipsRead)
  @ApiOperation({
    summary: 'The partnership year by year, oldest first',
    description:
      "One entry per year from the partnership's start (not before the program's start) up to the current year: the year's theme, whether the school was in its cohort, and what happened — status changes, MoUs signed, renewed, amended, terminated or expired (later also plans, grants, mentoring and competition results). " +
      WHO_READS,
  })
  @ApiOkResponse({ type: PartnershipTimelineResponse })
  @ApiProblems(404, 422)
  timeline(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @AcceptLanguage() language?: string) {
    return this.partnerships.timeline(actor, id, pickLanguage(language));
  }
}
