import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../errors/app-error';
import type { AppRequest } from '../http/request-context';
import { PERMISSION_KEY, PUBLIC_KEY } from './decorators';
import { Permission, roleHas } from './permissions';

/** Lets a request through only when its route declares a permission that the caller's role holds. */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) throw new AppError('route_not_permitted');
    const req = context.switchToHttp().getRequest<AppRequest>();
    const role = req.user?.role;
    if (!role) throw new AppError('unauthenticated');
    if (!roleHas(role, permission)) throw new AppError('forbidden', { role, permission });
    return true;
  }
}
