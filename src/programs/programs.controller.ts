import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { CreateProgramDto } from './dto/create-program.dto';
import { ListProgramsQuery } from './dto/list-programs.query';
import { ProgramResponse } from './dto/program.response';
import { UpdateProgramDto } from './dto/update-program.dto';
import { ProgramsService } from './programs.service';

const ProgramPage = PageOf(ProgramResponse, 'ProgramPage');

const WHO_READS =
  "CSR officers see their company's programs; facilitators the programs they work in; principals and education officers the programs of the partnerships they can see; admins all. Any other program answers 404.";

@ApiTags('programs')
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @Allow(Permission.ProgramsManage)
  @ApiOperation({
    summary: "Create a company's CSR education program",
    description:
      "A CSR officer's program belongs to their own company; an admin names the company with companyId. Focus areas come from the topic catalogue, regions are known region codes, facilitators are facilitator organisations, and endYear (when given) is not before startYear.",
  })
  @ApiCreatedResponse({ type: ProgramResponse })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgramDto) {
    return this.programs.create(actor, dto);
  }

  @Get()
  @Allow(Permission.ProgramsRead)
  @ApiOperation({ summary: 'List the programs you can see, by name', description: WHO_READS })
  @ApiOkResponse({ type: ProgramPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListProgramsQuery) {
    return this.programs.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.ProgramsRead)
  @ApiOperation({ summary: 'One program', description: WHO_READS })
  @ApiOkResponse({ type: ProgramResponse })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.programs.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.ProgramsManage)
  @ApiOperation({
    summary: 'Change a program (CSR officer of the owning company, or admin)',
    description:
      "Send the version you read. regionCodes and facilitatorIds replace the whole list; endYear null opens the end. The start and end year must keep every existing program year inside them. Another company's program answers 404.",
  })
  @ApiOkResponse({ type: ProgramResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateProgramDto) {
    return this.programs.update(actor, id, dto);
  }
}
