import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { pickLanguage } from '../common/errors/i18n';
import { AcceptLanguage } from '../common/http/request-headers.decorator';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { AddJudgeDto, AssignByCategoryDto, CreateAssignmentDto, DeclareConflictDto, ListJudgeCandidatesQuery, PutScoresDto } from './dto/judging.dto';
import {
  AssignByCategoryResponse,
  JudgeAssignmentListResponse,
  JudgeAssignmentResponse,
  JudgeCandidateListResponse,
  JudgeConflictListResponse,
  DeclarationResponse,
  PanelResponse,
  ScoreSheetListResponse,
  ScoreSheetResponse,
} from './dto/judging.response';
import { JudgingService } from './judging.service';

const CONFLICT_RULE =
  "A judge is kept away from a school's entries when the judge belongs to the school; was assigned to mentor it, or logged a mentoring session there, in the competition's program year or the year before (any program); " +
  "is the facilitator reviewing one of its plans, or commented on one (any year); or declared a conflict with it in this competition. Judging while the panel is open (draft, open, judging).";

const LANGUAGE_HEADER = { name: 'Accept-Language', required: false, example: 'id', description: 'Language of the conflict reasons: id for Bahasa Indonesia, en (the default) for English.' };

@ApiTags('competition judging')
@Controller()
@UseFilters(DuplicateRecordFilter)
export class JudgingController {
  constructor(private readonly judging: JudgingService) {}

  @Post('competitions/:id/judges')
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({ summary: 'Put a user with the judge role (any organisation) on the panel (CSR officer of the company)', description: 'Until results are published. A judge already on the panel answers 409.' })
  @ApiCreatedResponse({ type: PanelResponse })
  @ApiProblems(404, 409, 422)
  addJudge(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AddJudgeDto) {
    return this.judging.addJudge(actor, id, dto.userId);
  }

  @Get('competitions/:id/judge-candidates')
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({
    summary: 'The users with the judge role (any organisation) that can be put on the panel, by name (CSR officer of the company)',
    description: 'Active users only; those already on the panel are marked onPanel. q filters by part of the name or e-mail; at most limit (50) come back.',
  })
  @ApiOkResponse({ type: JudgeCandidateListResponse })
  @ApiProblems(404, 422)
  judgeCandidates(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: ListJudgeCandidatesQuery) {
    return this.judging.judgeCandidates(actor, id, query);
  }

  @Get('competitions/:id/judges')
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({ summary: 'The panel, with how many entries each judge has and has scored (CSR officer of the company)' })
  @ApiOkResponse({ type: PanelResponse })
  @ApiProblems(404, 422)
  panel(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.judging.panel(actor, id);
  }

  @Delete('competitions/:id/judges/:userId')
  @HttpCode(204)
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({ summary: 'Take a judge off the panel, with their assignments and scores (CSR officer of the company)' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(404, 422)
  removeJudge(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('userId', UuidPipe) userId: string) {
    return this.judging.removeJudge(actor, id, userId);
  }

  @Post('competitions/:id/assignments')
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({ summary: 'Assign a judge of the panel to one entry (CSR officer of the company)', description: `${CONFLICT_RULE} A conflicted judge is refused with 422: one error on judgeUserId per reason (code conflict_<reason>).` })
  @ApiCreatedResponse({ type: JudgeAssignmentResponse })
  @ApiProblems(404, 409, 422)
  assign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateAssignmentDto) {
    return this.judging.assign(actor, id, dto);
  }

  @Post('competitions/:id/assignments/by-category')
  @HttpCode(200)
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({
    summary: 'Give every entry of a category its judges, skipping conflicted ones (CSR officer of the company)',
    description:
      `${CONFLICT_RULE} Each entry gets judgesPerEntry judges counting those it has; the least-loaded unconflicted judge is chosen first. ` +
      'Answers the new assignments, the judges skipped for each entry with the reasons, and the entries left short.',
  })
  @ApiHeader(LANGUAGE_HEADER)
  @ApiOkResponse({ type: AssignByCategoryResponse })
  @ApiProblems(404, 422)
  assignByCategory(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AssignByCategoryDto, @AcceptLanguage() language?: string) {
    return this.judging.assignByCategory(actor, id, dto, pickLanguage(language));
  }

  @Get('competitions/:id/assignments')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: 'The assignments: all of them for the CSR officer, your own for a judge' })
  @ApiOkResponse({ type: JudgeAssignmentListResponse })
  @ApiProblems(404, 422)
  assignments(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.judging.assignments(actor, id);
  }

  @Delete('competitions/:id/assignments/:assignmentId')
  @HttpCode(204)
  @Allow(Permission.CompetitionsManage)
  @ApiOperation({ summary: "Take a judge off one entry, with the judge's scores of it (CSR officer of the company)" })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(404, 422)
  removeAssignment(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('assignmentId', UuidPipe) assignmentId: string) {
    return this.judging.removeAssignment(actor, id, assignmentId);
  }

  @Post('competitions/:id/conflicts')
  @Allow(Permission.CompetitionsJudge)
  @ApiOperation({ summary: 'Declare a conflict of interest with a school (judge of the panel)', description: "Removes your assignments to the school's entries, with your scores of them, and keeps you away from them. A second declaration answers 409." })
  @ApiCreatedResponse({ type: DeclarationResponse })
  @ApiProblems(404, 409, 422)
  declare(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: DeclareConflictDto) {
    return this.judging.declareConflict(actor, id, dto);
  }

  @Get('competitions/:id/conflicts')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: 'Which judges are kept away from which schools that entered, and why (CSR officer: the panel; judge: your own)', description: CONFLICT_RULE })
  @ApiHeader(LANGUAGE_HEADER)
  @ApiOkResponse({ type: JudgeConflictListResponse })
  @ApiProblems(404, 422)
  conflicts(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @AcceptLanguage() language?: string) {
    return this.judging.conflictList(actor, id, pickLanguage(language));
  }

  @Put('entries/:id/scores')
  @Allow(Permission.CompetitionsJudge)
  @ApiOperation({
    summary: 'Score an entry assigned to you: every criterion of the rubric once (judge)',
    description:
      'While the competition is in phase judging and until judgingEndsAt; publication freezes every score. Each score is a whole number from 0 to the criterion’s maxScore (otherwise 422 on scores[i].score naming the bound). ' +
      'Sending the sheet again replaces your scores. A judge conflicted with the school is refused.',
  })
  @ApiOkResponse({ type: ScoreSheetResponse })
  @ApiProblems(404, 422)
  putScores(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: PutScoresDto) {
    return this.judging.putScores(actor, id, dto);
  }

  @Get('entries/:id/scores')
  @Allow(Permission.CompetitionsRead)
  @ApiOperation({ summary: "An entry's score sheets: a judge sees only their own; the CSR officer every judge's, with names; anyone else 404" })
  @ApiOkResponse({ type: ScoreSheetListResponse })
  @ApiProblems(404, 422)
  scores(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.judging.scores(actor, id);
  }
}
