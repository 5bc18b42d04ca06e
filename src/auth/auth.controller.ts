import { applyDecorators, Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiParamOptions,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
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
import { UpdateMeDto } from './dto/update-me.dto';
import {
  clearRefreshCookie,
  deliverInCookie,
  isRefusedRefreshToken,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  refreshTokenFromCookie,
  SESSION_HEADER,
  SESSION_HEADER_COOKIE,
  wantsCookieSession,
} from './refresh-cookie';

const client = (req: AppRequest) => ({ address: req.ip ?? 'unknown', requestId: req.id });

const SET_COOKIE_EXAMPLE = `${REFRESH_COOKIE}=q3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA; Max-Age=2592000; Path=${REFRESH_COOKIE_PATH}; Expires=Sat, 26 Dec 2026 08:15:00 GMT; HttpOnly; SameSite=Strict`;

/** The browser session header, and the token pair answered with the cookie when it is sent. */
const ApiCookieSession = () =>
  applyDecorators(
    ApiHeader({
      name: SESSION_HEADER,
      required: false,
      enum: [SESSION_HEADER_COOKIE],
      example: SESSION_HEADER_COOKIE,
      description:
        `For browsers: with \`${SESSION_HEADER}: ${SESSION_HEADER_COOKIE}\` the refresh token is set as the httpOnly cookie \`${REFRESH_COOKIE}\` ` +
        `(SameSite=Strict, Path=${REFRESH_COOKIE_PATH}, Secure over HTTPS, Max-Age = the refresh lifetime) and left out of the JSON body. ` +
        'Keep the access token in memory only.',
    }),
    ApiOkResponse({
      type: TokenResponse,
      headers: {
        'Set-Cookie': {
          description: `Only with \`${SESSION_HEADER}: ${SESSION_HEADER_COOKIE}\`: the new refresh token in the httpOnly cookie \`${REFRESH_COOKIE}\`.`,
          schema: { type: 'string', example: SET_COOKIE_EXAMPLE },
        },
      },
    }),
  );

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Returns a short-lived access token and a one-use refresh token (in the body, or in the httpOnly cookie for a browser session). ' +
      'Repeated failures per account or per address are refused with 429 for a while.',
  })
  @ApiCookieSession()
  @ApiUnauthorizedResponse({ description: 'Email or password is wrong (which one is never said).', type: ProblemResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; wait for Retry-After seconds.', type: ProblemResponse })
  @ApiProblems(422)
  async login(@Body() dto: LoginDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<TokenResponse> {
    const tokens = await this.auth.login(dto, client(req));
    return wantsCookieSession(req) ? deliverInCookie(req, res, tokens) : tokens;
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade a refresh token for a new token pair',
    description:
      'Each refresh token works once; presenting a used one again ends the whole session. ' +
      `A browser session sends no body token: with \`${SESSION_HEADER}: ${SESSION_HEADER_COOKIE}\` the token is read from the \`${REFRESH_COOKIE}\` cookie ` +
      'and the new one is set in its place. The cookie alone (without the header) is ignored, so a cross-site form cannot use it.',
  })
  @ApiParam({
    name: REFRESH_COOKIE,
    in: 'cookie',
    required: false,
    schema: { type: 'string', example: 'q3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA' },
    description: `Set by the API on a browser session; read only together with the ${SESSION_HEADER} header.`,
  } as unknown as ApiParamOptions)
  @ApiBody({ type: RefreshDto, required: false })
  @ApiCookieSession()
  @ApiUnauthorizedResponse({ description: 'No, unknown, expired or reused refresh token (a browser session also has its cookie cleared).', type: ProblemResponse })
  @ApiProblems(422)
  async refresh(@Body() dto: RefreshDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<TokenResponse> {
    if (!wantsCookieSession(req)) return this.auth.refresh(dto.refreshToken, client(req));
    try {
      const tokens = await this.auth.refresh(dto.refreshToken ?? refreshTokenFromCookie(req), client(req));
      return deliverInCookie(req, res, tokens);
    } catch (err) {
      // A refused token never works again: the browser should not keep sending it.
      if (isRefusedRefreshToken(err)) clearRefreshCookie(req, res);
      throw err;
    }
  }

  @Post('accept-invitation')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: choose a password and sign in', description: 'The token comes from whoever invited you (POST /api/v1/users without a password). It works once, for 7 days.' })
  @ApiCookieSession()
  @ApiProblems(422)
  async acceptInvitation(@Body() dto: AcceptInvitationDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<TokenResponse> {
    const tokens = await this.auth.acceptInvitation(dto, client(req));
    return wantsCookieSession(req) ? deliverInCookie(req, res, tokens) : tokens;
  }

  @Post('logout')
  @Allow(Permission.ProfileRead)
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session', description: `Also clears the \`${REFRESH_COOKIE}\` cookie of a browser session.` })
  @ApiNoContentResponse({
    description: 'Signed out; the access and refresh tokens of this session no longer work.',
    headers: {
      'Set-Cookie': {
        description: `Clears the \`${REFRESH_COOKIE}\` cookie.`,
        schema: { type: 'string', example: `${REFRESH_COOKIE}=; Max-Age=0; Path=${REFRESH_COOKIE_PATH}; Expires=Thu, 24 Dec 2026 08:15:00 GMT; HttpOnly; SameSite=Strict` },
      },
    },
  })
  async logout(@CurrentActor() actor: Actor, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    clearRefreshCookie(req, res);
  }

  @Get('me')
  @Allow(Permission.ProfileRead)
  @ApiOperation({ summary: 'Who am I: profile, organisation and permissions' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @Patch('me')
  @Allow(Permission.ProfileRead)
  @ApiOperation({ summary: 'Change my own preferences: the language of the portal', description: 'Remembered for the user on every device; the answer is the same as GET /auth/me.' })
  @ApiOkResponse({ type: MeResponse })
  @ApiProblems(422)
  updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto) {
    return this.auth.updateMe(actor, dto);
  }
}
