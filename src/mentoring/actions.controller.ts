import { Body, Controller, Get, Param, Patch, Post, Query, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { IdempotencyKeyBusyFilter } from '../idempotency/idempotency.errors';
import { ApiOptionalIdempotencyKey, OptionalIdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { IdempotentResponseInterceptor } from '../idempotency/idempotent-response.interceptor';
import { ActionsService } from './actions.service';
import { WHO_READS_MENTORING } from './mentoring-scope';
import { CreateMentoringActionDto, UpdateMentoringActionDto } from './dto/action-input.dto';
import { MentoringActionResponse } from './dto/action.response';
import { ListActionsQuery } from './dto/list-actions.query';

const ActionPage = PageOf(MentoringActionResponse, 'MentoringActionPage');

@ApiTags('mentoring')
@Controller('mentoring/actions')
@UseFilters(IdempotencyKeyBusyFilter)
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Post()
  @Allow(Permission.MentoringLog)
  @UseInterceptors(IdempotentResponseInterceptor)
  @ApiOptionalIdempotencyKey()
  @ApiOperation({
    summary: 'Add a follow-up to a session (its facilitator)',
    description: "Owed by the school or the facilitator side, optionally by a named user of that side; due on or after the session. Overdue open follow-ups are notified daily to the owner (or the school's principals / the facilitator).",
  })
  @ApiCreatedResponse({ type: MentoringActionResponse })
  @ApiProblems(400, 409, 422)
  create(@CurrentActor() actor: Actor, @OptionalIdempotencyKey() key: string | undefined, @Body() dto: CreateMentoringActionDto) {
    return this.actions.create(actor, dto, key);
  }

  @Get()
  @Allow(Permission.MentoringRead)
  @ApiOperation({ summary: 'List follow-up actions, earliest due first', description: `${WHO_READS_MENTORING} overdue=true lists open actions past their due date as of today.` })
  @ApiOkResponse({ type: ActionPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListActionsQuery) {
    return this.actions.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.MentoringRead)
  @ApiOperation({ summary: 'One follow-up action', description: WHO_READS_MENTORING })
  @ApiOkResponse({ type: MentoringActionResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.actions.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.MentoringRead)
  @ApiOperation({
    summary: 'Mark a follow-up done or dropped, or move its due date (facilitator; the principal for the school side)',
    description:
      'The facilitator of the assignment marks it done, or dropped with a reason, or changes the due date or wording while it is open. The principal may only mark the school\'s own actions done. ' +
      'Done and dropped are final. Other roles answer 403. Send the version you read (409 when it changed since).',
  })
  @ApiOkResponse({ type: MentoringActionResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateMentoringActionDto) {
    return this.actions.update(actor, id, dto);
  }
}
