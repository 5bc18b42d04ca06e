import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { CreateLearningEventDto, ListLearningEventsQuery, UpdateLearningEventDto } from './dto/learning-event.dto';
import { LearningEventResponse } from './dto/learning-event.response';
import { LearningEventsService } from './learning-events.service';

const LearningEventPage = PageOf(LearningEventResponse, 'LearningEventPage');

const WHO_READS =
  'Principals see the events their school hosted or visited; CSR officers those their company visited or hosted by a school it partners with; facilitators those hosted by a school of a program their organisation facilitates; ' +
  'education officers those hosted or visited by a school of their jurisdiction; admins all. Any other event answers 404. The practices listed are those the caller may read.';

@ApiTags('learning-events')
@Controller('learning-events')
export class LearningEventsController {
  constructor(private readonly events: LearningEventsService) {}

  @Post()
  @Allow(Permission.LearningEventsManage)
  @ApiOperation({
    summary: 'Record a horizontal-learning event: a sharing session hosted by a school (its principal, or a CSR officer or facilitator of its program)',
    description: 'Visiting schools and companies from the directory, the practices shown (published, or the host\'s own), attendees counted by role (each role once), the day (not in the future) and place. It appears in the timeline of the host and of every visiting school.',
  })
  @ApiCreatedResponse({ type: LearningEventResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLearningEventDto) {
    return this.events.create(actor, dto);
  }

  @Get()
  @Allow(Permission.LearningEventsRead)
  @ApiOperation({ summary: 'List horizontal-learning events, latest first', description: WHO_READS })
  @ApiOkResponse({ type: LearningEventPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListLearningEventsQuery) {
    return this.events.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.LearningEventsRead)
  @ApiOperation({ summary: 'One horizontal-learning event', description: WHO_READS })
  @ApiOkResponse({ type: LearningEventResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.events.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.LearningEventsManage)
  @ApiOperation({ summary: 'Change a horizontal-learning event (whoever may record events for its host school)', description: 'Send every field and the version you read (409 when it changed since); visitors and practices are replaced by those sent.' })
  @ApiOkResponse({ type: LearningEventResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateLearningEventDto) {
    return this.events.update(actor, id, dto);
  }
}
