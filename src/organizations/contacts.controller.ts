import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf, PageQueryDto } from '../common/pagination/pagination';
import { ContactsService } from './contacts.service';
import { ContactResponse, CreateContactDto, UpdateContactDto } from './dto/contact.dto';

const ContactPage = PageOf(ContactResponse, 'ContactPage');

@ApiTags('organizations')
@Controller('organizations/:organizationId/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @Allow(Permission.ContactsRead)
  @ApiOperation({ summary: "An organisation's contact people (own organisation; admins any)" })
  @ApiOkResponse({ type: ContactPage })
  @ApiProblems(404, 422)
  list(@CurrentActor() actor: Actor, @Param('organizationId', UuidPipe) organizationId: string, @Query() query: PageQueryDto) {
    return this.contacts.list(actor, organizationId, query);
  }

  @Post()
  @Allow(Permission.ContactsManage)
  @ApiOperation({ summary: 'Add a contact person to your organisation' })
  @ApiCreatedResponse({ type: ContactResponse })
  @ApiProblems(404, 422)
  create(@CurrentActor() actor: Actor, @Param('organizationId', UuidPipe) organizationId: string, @Body() dto: CreateContactDto) {
    return this.contacts.create(actor, organizationId, dto);
  }

  @Patch(':id')
  @Allow(Permission.ContactsManage)
  @ApiOperation({ summary: 'Change a contact person' })
  @ApiOkResponse({ type: ContactResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('organizationId', UuidPipe) organizationId: string, @Param('id', UuidPipe) id: string, @Body() dto: UpdateContactDto) {
    return this.contacts.update(actor, organizationId, id, dto);
  }

  @Delete(':id')
  @Allow(Permission.ContactsManage)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a contact person' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblems(404)
  remove(@CurrentActor() actor: Actor, @Param('organizationId', UuidPipe) organizationId: string, @Param('id', UuidPipe) id: string) {
    return this.contacts.remove(actor, organizationId, id);
  }
}
