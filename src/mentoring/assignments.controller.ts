import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { AssignmentsService } from './assignments.service';
import { CreateMentoringAssignmentDto, EndMentoringAssignmentDto, ReassignMentoringAssignmentDto } from './dto/assignment-input.dto';
import { MentoringAssignmentResponse, MentoringAttendeeCandidatesResponse, MentoringCandidatesResponse } from './dto/assignment.response';
import { AssignmentCandidatesQuery, ListAssignmentsQuery } from './dto/list-assignments.query';
import { WHO_READS_MENTORING } from './mentoring-scope';
import { NO_CONTACT_DAYS } from './mentoring-status';

const AssignmentPage = PageOf(MentoringAssignmentResponse, 'MentoringAssignmentPage');

const PROGRESS =
  `Each assignment carries its progress as of today: sessions and hours done (confirmed + pending; disputed sessions count apart) against the plan, the last contact, ` +
  `open and overdue follow-ups, and noContactFlag: the ${NO_CONTACT_DAYS}-day rule (no confirmed session at the school in the program year on or after today − ${NO_CONTACT_DAYS} days; ` +
  'before the first one, counted from the day the assignment began).';

@ApiTags('mentoring')
@Controller('mentoring/assignments')
@UseFilters(DuplicateRecordFilter)
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post()
  @Allow(Permission.MentoringAssign)
  @ApiOperation({
    summary: 'Assign a facilitator to a school for a program year (CSR officer of the program company)',
    description:
      "The facilitator must have the facilitator role in an organisation that works in the year's program; the school must have a partnership in the program that is not paused or ended; " +
      'the year must not be closed. plannedHours is decimal and kept as whole minutes. A school can have several facilitators, but one facilitator has one active assignment per school and year (409 naming it).',
  })
  @ApiCreatedResponse({ type: MentoringAssignmentResponse })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMentoringAssignmentDto) {
    return this.assignments.create(actor, dto);
  }

  @Get()
  @Allow(Permission.MentoringRead)
  @ApiOperation({ summary: 'List mentoring assignments by school name, with their progress', description: `${WHO_READS_MENTORING} ${PROGRESS} Ended assignments appear with includeEnded=true.` })
  @ApiOkResponse({ type: AssignmentPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListAssignmentsQuery) {
    return this.assignments.list(actor, query);
  }

  @Get('candidates')
  @Allow(Permission.MentoringAssign)
  @ApiOperation({
    summary: 'Who can be assigned where in a program year (CSR officer of the program company)',
    description: 'The choices of POST /mentoring/assignments: the facilitator-role users of the organisations working in the program, and the schools whose partnership in it is not paused or ended, each by name.',
  })
  @ApiOkResponse({ type: MentoringCandidatesResponse })
  @ApiProblems(422)
  candidates(@CurrentActor() actor: Actor, @Query() query: AssignmentCandidatesQuery) {
    return this.assignments.candidates(actor, query.programYearId);
  }

  @Get(':id')
  @Allow(Permission.MentoringRead)
  @ApiOperation({ summary: 'One mentoring assignment with its progress', description: `${WHO_READS_MENTORING} ${PROGRESS}` })
  @ApiOkResponse({ type: MentoringAssignmentResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.assignments.get(actor, id);
  }

  @Get(':id/attendees')
  @Allow(Permission.MentoringRead)
  @ApiOperation({
    summary: "Who can be named as a session's attendee under an assignment",
    description: `${WHO_READS_MENTORING} The active users of the school and of the facilitator's organisation (the school's first), by name: the choices of attendeeUserIds. Others who came are counted by role.`,
  })
  @ApiOkResponse({ type: MentoringAttendeeCandidatesResponse })
  @ApiProblems(404, 422)
  attendees(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.assignments.attendeeCandidates(actor, id);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Allow(Permission.MentoringAssign)
  @ApiOperation({
    summary: 'Hand an active assignment to another facilitator (CSR officer)',
    description:
      'Ends this assignment with the reason and creates a new one for the same school and year (plan copied unless given), linked both ways (replacedById / replacesId), so the history is kept. ' +
      "Open follow-ups move to the new assignment (facilitator-side ones owed by the old facilitator pass to the new one); sessions stay where they were held. Answers the new assignment.",
  })
  @ApiOkResponse({ type: MentoringAssignmentResponse })
  @ApiProblems(404, 409, 422)
  reassign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReassignMentoringAssignmentDto) {
    return this.assignments.reassign(actor, id, dto);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Allow(Permission.MentoringAssign)
  @ApiOperation({ summary: 'End an active assignment with a reason (CSR officer)', description: 'Its sessions and follow-ups stay with it; ended assignments no longer take new sessions.' })
  @ApiOkResponse({ type: MentoringAssignmentResponse })
  @ApiProblems(404, 422)
  end(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: EndMentoringAssignmentDto) {
    return this.assignments.end(actor, id, dto);
  }
}
