import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ListOrganizationsQuery } from './dto/list-organizations.query';
import { OrganizationResponse } from './dto/organization.response';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationsService } from './organizations.service';

const OrganizationPage = PageOf(OrganizationResponse, 'OrganizationPage');

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Allow(Permission.OrganizationsManage)
  @ApiOperation({ summary: 'Register an organisation (admin)' })
  @ApiCreatedResponse({ type: OrganizationResponse })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrganizationDto) {
    return this.organizations.create(actor, dto);
  }

  @Get()
  @Allow(Permission.OrganizationsRead)
  @ApiOperation({
    summary: 'List organisations (public profiles)',
    description: 'Filter by type, region (a province code includes its regencies/cities), school level, text (name or NPSN) and whether a school has an active CSR partner. Archived organisations are left out unless includeArchived=true.',
  })
  @ApiOkResponse({ type: OrganizationPage })
  @ApiProblems(422)
  list(@Query() query: ListOrganizationsQuery) {
    return this.organizations.list(query);
  }

  @Get(':id')
  @Allow(Permission.OrganizationsRead)
  @ApiOperation({ summary: "One organisation's public profile" })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiProblems(404)
  get(@Param('id', UuidPipe) id: string) {
    return this.organizations.get(id);
  }

  @Patch(':id')
  @Allow(Permission.OrganizationsEditOwn)
  @ApiOperation({
    summary: "Change an organisation's profile",
    description: "Admins change any organisation, including NPSN, region, office level and archiving. Everyone else changes only their own organisation's profile; another organisation answers 404.",
  })
  @ApiOkResponse({ type: OrganizationResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateOrganizationDto) {
    return this.organizations.update(actor, id, dto);
  }
}
