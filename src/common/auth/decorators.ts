import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AppRequest } from '../http/request-context';
import { PUBLIC_OPERATION } from '../http/openapi';
import { ProblemResponse } from '../http/problem.response';
import type { Actor } from './actor';
import { Permission } from './permissions';

export const PUBLIC_KEY = 'jalin:public';
export const PERMISSION_KEY = 'jalin:permission';

/** The route needs no sign-in (login, refresh, health). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_OPERATION, true));

/** The route needs a signed-in user whose role holds `permission`. */
export const Allow = (permission: Permission) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token.', type: ProblemResponse }),
    ApiForbiddenResponse({ description: `The caller's role lacks ${permission}.`, type: ProblemResponse }),
  );

/** The signed-in caller with the request id. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AppRequest>();
  if (!req.user) throw new Error('CurrentActor used on a route without authentication');
  return { ...req.user, requestId: req.id };
});
