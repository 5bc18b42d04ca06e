import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../auth/actor';

/**
 * Express request as Jalin sees it: the server's own request id always, the caller's correlation
 * value when it sent a sane one, the signed-in actor on protected routes.
 */
export interface AppRequest extends Request {
  /** A UUID the server made: the id stored (audit lines, MoU signatures), logged and echoed in problems. */
  id: string;
  /** The caller's own X-Correlation-Id (or X-Request-Id), validated; logged beside `id`, never stored as it. */
  correlationId?: string;
  user?: Actor;
}

const CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id of the server's own and echoes it in X-Request-Id. A caller's
 * X-Correlation-Id (or, for older clients, X-Request-Id) is not trusted as unique: when it is
 * sane it is kept beside the id as a correlation value and echoed in X-Correlation-Id.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const r = req as AppRequest;
  r.id = randomUUID();
  const incoming = req.header('x-correlation-id') ?? req.header('x-request-id');
  if (incoming && CORRELATION_ID.test(incoming)) {
    r.correlationId = incoming;
    res.setHeader('X-Correlation-Id', incoming);
  }
  res.setHeader('X-Request-Id', r.id);
  next();
}
