import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

// Nest's @Headers('x') shows up in the OpenAPI document as a required header parameter; these read
// the same headers without that, so each route documents them (optional) with @ApiHeader where it matters.

/** The request's Accept-Language header, if any. */
export const AcceptLanguage = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => ctx.switchToHttp().getRequest<Request>().header('accept-language'));

/** The request's Accept header, if any. */
export const AcceptHeader = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => ctx.switchToHttp().getRequest<Request>().header('accept'));
