import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { PageOf } from '../common/pagination/pagination';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { CreatedUserResponse, UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

const UserPage = PageOf(UserResponse, 'UserPage');

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Allow(Permission.UsersInvite)
  @ApiOperation({
    summary: 'Create or invite a user',
    description:
      'Admins create users in any organisation, with a password or by invitation. CSR officers, principals and education officers invite users into their own organisation: the answer carries a one-time invitation token (valid 7 days) that the person accepts with POST /api/v1/auth/accept-invitation, choosing their password. ' +
      "Every invitation is also emailed to the person (in Bahasa Indonesia until they choose English) with a link to the portal's /invitation?token=… page.",
  })
  @ApiCreatedResponse({ type: CreatedUserResponse })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Get()
  @Allow(Permission.UsersRead)
  @ApiOperation({ summary: 'List users: admins all, everyone else their own organisation' })
  @ApiOkResponse({ type: UserPage })
  @ApiProblems(422)
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQuery) {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Allow(Permission.UsersRead)
  @ApiOperation({ summary: 'One user (own organisation, or any for admins)' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(404)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @Allow(Permission.UsersInvite)
  @ApiOperation({
    summary: 'Change, disable or re-enable a user',
    description: "Admins change any user. CSR officers, principals and education officers change their own organisation's users (name, role, disabled); another organisation's user answers 404. Disabling ends the user's sessions at once.",
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(404, 409, 422)
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }
}
