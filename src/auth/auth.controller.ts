import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor, Public } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { ApiProblems } from '../common/http/api-problems';
import { ProblemResponse } from '../common/http/problem.response';
import type { AppRequest } from '../common/http/request-context';
import { AuthService } from './auth.service';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { MeResponse, TokenResponse } from './dto/token.response';

const client = (req: AppRequest) => ({ address: req.ip ?? 'unknown', requestId: req.id });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password', description: 'Returns a short-lived access token and a one-use refresh token. Repeated failures per account or per address are refused with 429 for a while.' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Email or password is wrong (which one is never said).', type: ProblemResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; wait for Retry-After seconds.', type: ProblemResponse })
  @ApiProblems(422)
  login(@Body() dto: LoginDto, @Req() req: AppRequest) {
    return this.auth.login(dto, client(req));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new token pair', description: 'Each refresh token works once; presenting a used one again ends the whole session.' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown, expired or reused refresh token.', type: ProblemResponse })
  @ApiProblems(422)
  refresh(@Body() dto: RefreshDto, @Req() req: AppRequest) {
    return this.auth.refresh(dto.refreshToken, client(req));
  }

  @Post('accept-invitation')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: choose a password and sign in', description: 'The token comes from whoever invited you (POST /api/v1/users without a password). It works once, for 7 days.' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblems(422)
  acceptInvitation(@Body() dto: AcceptInvitationDto, @Req() req: AppRequest) {
    return this.auth.acceptInvitation(dto, client(req));
  }

  @Post('logout')
  @Allow(Permission.ProfileRead)
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse({ description: 'Signed out; the access and refresh tokens of this session no longer work.' })
  logout(@CurrentActor() actor: Actor) {
    return this.auth.logout(actor);
  }

  @Get('me')
  @Allow(Permission.ProfileRead)
  @ApiOperation({ summary: 'Who am I: profile, organisation and permissions' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }
}
