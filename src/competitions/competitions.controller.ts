import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pickLanguage } from '../common/errors/i18n';
import { AcceptLanguage } from '../common/http/request-headers.decorator';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { CompetitionsService } from './competitions.service';
import { ChangePhaseDto } from './dto/change-phase.dto';
import { CompetitionDetailResponse, CompetitionResponse } from './dto/competition.response';
import { CreateCompetitionDto } from './dto/create-competition.dto';
import { ListCompetitionsQuery } from './dto/list-competitions.query';
import { ResultsPreviewResponse, ResultsResponse } from './dto/results.response';
import { UpdateCompetitionDto } from './dto/update-competition.dto';
import { ResultsService } from './results.service';
import { DISAGREEMENT_LIMITS } from './scoring';

const CompetitionPage = PageOf(CompetitionResponse, 'CompetitionPage');

const WHO_READS =
  "CSR officers see their company's competitions; judges those whose panel they are on; principals, education officers and facilitators those of programs they can see, once out of draft; admins all. Any other competition answers 404.";

export const SCORING_METHOD =
  'Weighted total of a judge for an entry: Σ score / maxScore × weight (0–100). Per entry: mean and median of its judges’ totals. ' +
  "Normalised score: the mean of its judges' z-scores, where a judge's z = (total − the judge's mean) / the judge's sample standard deviation over every entry they scored (0 when they scored fewer than 2 entries or gave all the same total). " +
  'Ranking per category by normalised score; ties broken by the higher mean, then the higher median, then more judges, then the earlier entry. ' +
  'Awards: rank 1 winner, 2 runner_up, 3 special_mention. ' +
  `Flags: too_few_scores (fewer judges than minJudgesPerEntry; no_scores when none), high_disagreement (judge totals span more than ${DISAGREEMENT_LIMITS.range} points or their sample standard deviation is above ${DISAGREEMENT_LIMITS.sampleStd}), conflict_excluded (a judge's scores left out because they are now conflicted with the school).`;

@ApiTags('competitions')
@Controller('competitions')
@UseFilters(DuplicateRecordFilter)
export class CompetitionsController {
  constructor(
    private readonly competitions: CompetitionsService,
    private readonly results: ResultsService,
  ) {}

  @Post()
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({
    summary: "Create a draft competition of one of your company's program years (CSR officer)",
    description: '1–10 categories with distinct names; a rubric of 1–20 criteria whose weights (percent) add up to 100 ± 0.001, otherwise 422 on `criteria` with the sum. Entries open < entries close < judging ends.',
  })
  @ApiCreatedResponse({ type: CompetitionDetailResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCompetitionDto) {
    return this.competitions.create(actor, dto);
  }

  @Get()
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: 'List the competitions you can see, newest first', description: WHO_READS })
  @ApiOkResponse({ type: CompetitionPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListCompetitionsQuery) {
    return this.competitions.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: 'One competition with its categories and rubric', description: WHO_READS })
  @ApiOkResponse({ type: CompetitionDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.competitions.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({ summary: 'Change a draft competition (CSR officer of the company)', description: 'Only while in draft; send the version you read (409 when stale). categories and criteria replace the whole lists.' })
  @ApiOkResponse({ type: CompetitionDetailResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateCompetitionDto) {
    return this.competitions.update(actor, id, dto);
  }

  @Post(':id/phase')
  @HttpCode(200)
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({
    summary: 'Move a competition one phase forward (CSR officer of the company)',
    description:
      'draft → open (needs a category and a rubric whose weights add up to 100) → judging (any time after opening; entries are refused once the phase is not open or the deadline has passed) → ' +
      'published (computes the results and freezes them with every score; refused while an entry has no score) → closed. Each change is audited.',
  })
  @ApiOkResponse({ type: CompetitionDetailResponse })
  @ApiProblems(404, 422)
  changePhase(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ChangePhaseDto) {
    return this.competitions.changePhase(actor, id, dto);
  }

  @Get(':id/results/preview')
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({
    summary: "The results as they would be published now, with each judge's total and z-score and the flags (CSR officer of the company, while judging)",
    description: SCORING_METHOD,
  })
  @ApiHeader({ name: 'Accept-Language', required: false, example: 'id', description: 'Language of the conflict reasons of excluded scores: id for Bahasa Indonesia, en (the default) for English.' })
  @ApiOkResponse({ type: ResultsPreviewResponse })
  @ApiProblems(404, 422)
  preview(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @AcceptLanguage() language?: string) {
    return this.results.preview(actor, id, pickLanguage(language));
  }

  @Get(':id/results')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({
    summary: 'The published results: rank, award, mean, median, normalised score and judge count per entry, by category; never the judges’ names',
    description:
      'After publication: the CSR officers of the company, the judges of the panel, the principals of the program’s schools, and education officers (only the schools in their jurisdiction). ' +
      'Before publication everyone but the CSR officer gets 404. ' +
      SCORING_METHOD,
  })
  @ApiOkResponse({ type: ResultsResponse })
  @ApiProblems(404, 422)
  published(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.results.published(actor, id);
  }
}
