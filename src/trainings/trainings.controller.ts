import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { TrainingEvaluationResponse } from './dto/evaluation.response';
import { ListParticipantsQuery } from './dto/list-participants.query';
import { ListTrainingsQuery } from './dto/list-trainings.query';
import { AddParticipantDto, MyResponsesDto, NominateDto, UpdateParticipantDto } from './dto/participant-input.dto';
import { ParticipantResponse } from './dto/participant.response';
import { CreateTrainingDto, UpdateTrainingDto } from './dto/training-input.dto';
import { TrainingResponse } from './dto/training.response';
import { ParticipantsService } from './participants.service';
import { TrainingsService } from './trainings.service';

const TrainingPage = PageOf(TrainingResponse, 'TrainingPage');
const ParticipantPage = PageOf(ParticipantResponse, 'TrainingParticipantPage');

const WHO_READS =
  "You see the trainings your organisation organises and those you take part in; CSR officers also those of their company's programs, facilitators those listing them, " +
  'principals those with participants from their school, education officers those with participants from schools in their jurisdiction; admins all. Any other training answers 404.';

const EVALUATION =
  'Over all participants: attendance rate = attended ÷ participants (attendance not taken counts as absent); mean pre and mean post over the participants who have each score; ' +
  'gain = post − pre over the participants with both, its mean and its sample standard deviation (n − 1; null below 2); improved = post above pre; ' +
  'per questionnaire item: number of answers, mean, positive answers (4 or 5) and their share. The same by participant role. ' +
  'Computed unrounded; means and the spread are rounded to 2 decimals and shares are percentages with 2 decimals, only in this answer.';

@ApiTags('trainings')
@Controller('trainings')
@UseFilters(DuplicateRecordFilter)
export class TrainingsController {
  constructor(
    private readonly trainings: TrainingsService,
    private readonly participants: ParticipantsService,
  ) {}

  @Post()
  @Allow(Permission.TrainingsManage)
  @ApiOperation({
    summary: "Create a training organised by your organisation (CSR officer or facilitator)",
    description:
      'Dates (endsOn on or after startsOn), level, topic, a venue unless online, the understanding score scale (default 0–100), the satisfaction questionnaire (1–20 items, ids given by the server), ' +
      'optionally a program year you can see (not closed), facilitators (users with the facilitator role) and, for national trainings, a quota per school.',
  })
  @ApiCreatedResponse({ type: TrainingResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTrainingDto) {
    return this.trainings.create(actor, dto);
  }

  @Get()
  @Allow(Permission.TrainingsRead)
  @ApiOperation({ summary: 'List trainings, latest start first', description: WHO_READS })
  @ApiOkResponse({ type: TrainingPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListTrainingsQuery) {
    return this.trainings.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.TrainingsRead)
  @ApiOperation({ summary: 'One training', description: WHO_READS })
  @ApiOkResponse({ type: TrainingResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.trainings.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.TrainingsManage)
  @ApiOperation({
    summary: 'Change a training (its organiser)',
    description: 'Send the version you read (409 when it changed since). Questionnaire items sent back with their id keep their answers; an answered item cannot be removed; the scale cannot shut out scores already given; the quota cannot go below what a school already has.',
  })
  @ApiOkResponse({ type: TrainingResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateTrainingDto) {
    return this.trainings.update(actor, id, dto);
  }

  @Get(':id/evaluation')
  @Allow(Permission.TrainingsRead)
  @ApiOperation({ summary: 'The evaluation of a training: attendance, pre/post understanding and satisfaction, overall and by participant role', description: `${EVALUATION} ${WHO_READS}` })
  @ApiOkResponse({ type: TrainingEvaluationResponse })
  @ApiProblems(404, 422)
  evaluation(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.trainings.evaluation(actor, id);
  }

  @Get(':id/participants')
  @Allow(Permission.TrainingsRead)
  @ApiOperation({
    summary: 'The participants of a training, by name',
    description: 'Everyone for the organiser, the CSR officers of the program company and the listed facilitators; otherwise yourself, plus your school (principals) or the schools in your jurisdiction (education officers).',
  })
  @ApiOkResponse({ type: ParticipantPage })
  @ApiProblems(404, 422)
  listParticipants(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: ListParticipantsQuery) {
    return this.trainings.participants(actor, id, query);
  }

  @Post(':id/participants')
  @Allow(Permission.TrainingsManage)
  @ApiOperation({
    summary: 'Add a participant: a user or an external person (the organiser)',
    description: "A user of a school counts for that school; an external person may name a school. A user takes part once (409 naming the participant). Within the school's quota (422 when full).",
  })
  @ApiCreatedResponse({ type: ParticipantResponse })
  @ApiProblems(404, 409, 422)
  addParticipant(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AddParticipantDto) {
    return this.participants.add(actor, id, dto);
  }

  @Post(':id/nominations')
  @Allow(Permission.TrainingsNominate)
  @ApiOperation({
    summary: "Nominate a teacher of a partner school against the school's quota (CSR officer)",
    description:
      "For CSR officers of the organising company or of the training's program company. The user must belong to a partner school of your company (in the training's program when it has one). " +
      'The quota per school is enforced under concurrency: the training row is locked while the school is counted, so a full quota answers 422 with the quota.',
  })
  @ApiCreatedResponse({ type: ParticipantResponse })
  @ApiProblems(404, 409, 422)
  nominate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: NominateDto) {
    return this.participants.nominate(actor, id, dto);
  }

  @Put(':id/participants/me/responses')
  @Allow(Permission.TrainingsRespond)
  @ApiOperation({
    summary: 'Enter your own pre/post scores and questionnaire answers (a participant)',
    description: "Scores within the training's scale (at most 2 decimals); answers 1–5 by questionnaire item id. Fields left out keep their value; null clears. 404 when you are not a participant.",
  })
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiProblems(404, 422)
  respond(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: MyResponsesDto) {
    return this.participants.respond(actor, id, dto);
  }

  @Patch(':id/participants/:participantId')
  @Allow(Permission.TrainingsManage)
  @ApiOperation({ summary: 'Record attendance, scores and answers of a participant (the organiser)', description: 'Scores within the scale; answers 1–5 by questionnaire item id (null removes one). Send the version you read.' })
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiProblems(404, 409, 422)
  updateParticipant(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('participantId', UuidPipe) participantId: string, @Body() dto: UpdateParticipantDto) {
    return this.participants.update(actor, id, participantId, dto);
  }

  @Delete(':id/participants/:participantId')
  @HttpCode(204)
  @Allow(Permission.TrainingsManage)
  @ApiOperation({ summary: "Remove a participant (the organiser); frees a place in the school's quota" })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(404, 422)
  removeParticipant(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('participantId', UuidPipe) participantId: string) {
    return this.participants.remove(actor, id, participantId);
  }
}
