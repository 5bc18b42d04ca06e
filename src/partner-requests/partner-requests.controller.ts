import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { CANDIDATE_POINTS } from './candidate-score';
import { CreatePartnerRequestDto } from './dto/create-partner-request.dto';
import { CreateRecommendationsDto } from './dto/create-recommendations.dto';
import { ListCandidatesQuery } from './dto/list-candidates.query';
import { ListPartnerRequestsQuery } from './dto/list-partner-requests.query';
import { PartnerCandidateListResponse } from './dto/partner-candidate.response';
import { PartnerRequestHistoryResponse } from './dto/partner-request-event.response';
import { AcceptRecommendationResponse, PartnerRequestDetailResponse, PartnerRequestResponse } from './dto/partner-request.response';
import { AcceptRecommendationDto, DeclineRecommendationDto, WithdrawPartnerRequestDto } from './dto/reason.dto';
import { PartnerRequestsService } from './partner-requests.service';

const PartnerRequestPage = PageOf(PartnerRequestResponse, 'PartnerRequestPage');
const P = CANDIDATE_POINTS;

const SCORE_RULE =
  `Schools in the request's region and in the office's jurisdiction, not archived, of a requested level (any level when none was asked for), ` +
  `not yet recommended in this request. Score: +${P.noActivePartner} "no active CSR partner yet" (a school some company accepted from a recommendation has one); ` +
  `+${P.level} "level SD matches the request" (or "any level was asked for"); +${P.perNeed} per need the school states that the request asks for ("states need: literacy"), at most +${P.needsCap}. ` +
  'Zero-point reasons say what did not score. The points of `reasons` add up to `score`. Ordered by score, then name, then id.';

@ApiTags('partner-requests')
@Controller('partner-requests')
export class PartnerRequestsController {
  constructor(private readonly requests: PartnerRequestsService) {}

  @Post()
  @Allow(Permission.PartnerRequestsManage)
  @ApiOperation({
    summary: 'Open a partner request to an education office (CSR officer)',
    description: "The request is made in the name of the caller's company. The region must lie inside the office's jurisdiction; the due date is today or later.",
  })
  @ApiCreatedResponse({ type: PartnerRequestDetailResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePartnerRequestDto) {
    return this.requests.create(actor, dto);
  }

  @Get()
  @Allow(Permission.PartnerRequestsRead)
  @ApiOperation({
    summary: 'List partner requests, newest first',
    description: "CSR officers see their company's requests, education officers those addressed to their office, admins all. An open request past its due date reads (and filters) as expired.",
  })
  @ApiOkResponse({ type: PartnerRequestPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListPartnerRequestsQuery) {
    return this.requests.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.PartnerRequestsRead)
  @ApiOperation({ summary: 'One partner request with its recommended schools' })
  @ApiOkResponse({ type: PartnerRequestDetailResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.requests.get(actor, id);
  }

  @Get(':id/candidates')
  @Allow(Permission.PartnerRequestsAnswer)
  @ApiOperation({ summary: 'Suggested candidate schools, ranked with the reasons for each score (education officer of the addressed office, admin)', description: SCORE_RULE })
  @ApiOkResponse({ type: PartnerCandidateListResponse })
  @ApiProblems(404, 422)
  candidates(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: ListCandidatesQuery) {
    return this.requests.candidates(actor, id, query);
  }

  @Get(':id/history')
  @Allow(Permission.PartnerRequestsRead)
  @ApiOperation({
    summary: 'The history of a request, oldest first',
    description: 'The audit events of the request and its recommendations: who asked, who answered, what was recommended and why, what was accepted or declined.',
  })
  @ApiOkResponse({ type: PartnerRequestHistoryResponse })
  @ApiProblems(404, 422)
  history(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.requests.history(actor, id);
  }

  @Post(':id/recommendations')
  @Allow(Permission.PartnerRequestsAnswer)
  @ApiOperation({
    summary: 'Answer a request with ranked schools (education officer of the addressed office)',
    description:
      "Every school must be an active school inside the office's jurisdiction, not yet recommended in this request, with a rank not yet taken; " +
      'otherwise nothing is written and each problem is named as recommendations[i].schoolId or recommendations[i].rank. ' +
      'Allowed while the request is open or answered; the first answer makes it answered.',
  })
  @ApiCreatedResponse({ type: PartnerRequestDetailResponse })
  @ApiProblems(404, 422)
  recommend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateRecommendationsDto) {
    return this.requests.recommend(actor, id, dto);
  }

  @Post(':id/recommendations/:recommendationId/accept')
  @HttpCode(200)
  @Allow(Permission.PartnerRequestsManage)
  @ApiOperation({
    summary: 'Accept a recommended school (CSR officer of the requesting company)',
    description:
      "In one step the school becomes a prospective partner in the request's program (or, for a request that names none, the program given as programId): " +
      'a new partnership linked to the recommendation, or the school\'s existing partnership in that program (linked to the recommendation when it was born from none); ' +
      '`partnership` in the answer says which. An ended partnership cannot be reopened, so accepting is refused then. Without any program only the decision is recorded. ' +
      'Once no recommended school is pending, the request closes.',
  })
  @ApiOkResponse({ type: AcceptRecommendationResponse })
  @ApiProblems(404, 422)
  accept(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('recommendationId', UuidPipe) recommendationId: string, @Body() dto: AcceptRecommendationDto) {
    return this.requests.accept(actor, id, recommendationId, dto);
  }

  @Post(':id/recommendations/:recommendationId/decline')
  @HttpCode(200)
  @Allow(Permission.PartnerRequestsManage)
  @ApiOperation({ summary: 'Decline a recommended school with a reason (CSR officer of the requesting company)', description: 'Once no recommended school is pending, the request closes.' })
  @ApiOkResponse({ type: PartnerRequestDetailResponse })
  @ApiProblems(404, 422)
  decline(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('recommendationId', UuidPipe) recommendationId: string, @Body() dto: DeclineRecommendationDto) {
    return this.requests.decline(actor, id, recommendationId, dto.reason);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Allow(Permission.PartnerRequestsManage)
  @ApiOperation({ summary: 'Withdraw an open or answered request with a reason (CSR officer of the requesting company)' })
  @ApiOkResponse({ type: PartnerRequestDetailResponse })
  @ApiProblems(404, 422)
  withdraw(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: WithdrawPartnerRequestDto) {
    return this.requests.withdraw(actor, id, dto.reason);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow(Permission.PartnerRequestsManage)
  @ApiOperation({ summary: 'Close an answered request, even with recommended schools still pending (CSR officer of the requesting company)' })
  @ApiOkResponse({ type: PartnerRequestDetailResponse })
  @ApiProblems(404, 422)
  close(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.requests.close(actor, id);
  }
}
