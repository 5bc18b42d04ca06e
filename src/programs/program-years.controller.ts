import { Body, Controller, Get, HttpCode, Param, Patch, Post, UseFilters } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { DuplicateRecordFilter } from '../common/errors/duplicate-record';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { ChangeYearStatusDto } from './dto/change-year-status.dto';
import { CreateProgramYearDto } from './dto/create-program-year.dto';
import { CohortListResponse, ProgramYearListResponse, ProgramYearResponse } from './dto/program-year.response';
import { UpdateProgramYearDto } from './dto/update-program-year.dto';
import { ProgramYearsService } from './program-years.service';

@ApiTags('programs')
@Controller('programs/:id/years')
@UseFilters(DuplicateRecordFilter)
export class ProgramYearsController {
  constructor(private readonly years: ProgramYearsService) {}

  @Post()
  @Allow(Permission.ProgramsManage)
  @ApiOperation({
    summary: 'Add a year to a program (CSR officer of the owning company, or admin)',
    description:
      "One record per year, inside the program's start and end year; a second record for the same year answers 409 naming the existing one (existingId). It starts in planning. budgetEnvelope is whole rupiah as an integer or a digit string; answers give amounts as strings.",
  })
  @ApiCreatedResponse({ type: ProgramYearResponse })
  @ApiProblems(404, 409, 422)
  create(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateProgramYearDto) {
    return this.years.create(actor, id, dto);
  }

  @Get()
  @Allow(Permission.ProgramsRead)
  @ApiOperation({ summary: 'The years of a program, oldest first' })
  @ApiOkResponse({ type: ProgramYearListResponse })
  @ApiProblems(404, 422)
  list(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.years.list(actor, id);
  }

  @Get(':yearId')
  @Allow(Permission.ProgramsRead)
  @ApiOperation({ summary: 'One year of a program' })
  @ApiOkResponse({ type: ProgramYearResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('yearId', UuidPipe) yearId: string) {
    return this.years.get(actor, id, yearId);
  }

  @Get(':yearId/cohort')
  @Allow(Permission.ProgramsRead)
  @ApiOperation({
    summary: "The partnerships in a year's cohort, by school name",
    description:
      "A partnership is in the cohort when the year is among its explicit cohort years (PUT /partnerships/{id}/years) or it was active on at least one day of the year (the same rule as the reports). Only the partnerships you can see are listed.",
  })
  @ApiOkResponse({ type: CohortListResponse })
  @ApiProblems(404, 422)
  cohort(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('yearId', UuidPipe) yearId: string) {
    return this.years.cohort(actor, id, yearId);
  }

  @Patch(':yearId')
  @Allow(Permission.ProgramsManage)
  @ApiOperation({
    summary: 'Change the theme, budget, dates or description of a year (CSR officer of the owning company, or admin)',
    description: 'Send the version you read; null clears a date. A closed year is read-only: any change answers 422.',
  })
  @ApiOkResponse({ type: ProgramYearResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('yearId', UuidPipe) yearId: string, @Body() dto: UpdateProgramYearDto) {
    return this.years.update(actor, id, yearId, dto);
  }

  @Post(':yearId/status')
  @HttpCode(200)
  @Allow(Permission.ProgramsManage)
  @ApiOperation({
    summary: 'Move a year one step forward: planning → running → evaluating → closed',
    description: 'Any other move answers 422 naming the only allowed next status. Closing makes the year read-only, and its cohort with it.',
  })
  @ApiOkResponse({ type: ProgramYearResponse })
  @ApiProblems(404, 422)
  changeStatus(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('yearId', UuidPipe) yearId: string, @Body() dto: ChangeYearStatusDto) {
    return this.years.changeStatus(actor, id, yearId, dto);
  }
}
