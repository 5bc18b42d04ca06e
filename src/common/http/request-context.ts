import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import type { JsonLogger } from '../logging/json-logger';

/** Express request as Jalin sees it: a request id always, the signed-in actor on protected routes. */
export interface AppRequest extends Request {
  id: string;
  user?: Actor;
}

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Gives every request an id (the caller's X-Request-Id when it is sane) and echoes it back. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  (req as AppRequest).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

/** Logs one line per finished request: method, route, status, duration and request id. */
export function requestLogMiddleware(logger: JsonLogger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const r = req as AppRequest;
      logger.request({
        requestId: r.id,
        method: req.method,
        // The route pattern, not the concrete path, so ids and query strings (tokens) stay out of logs.
        route: (req.route as { path?: string } | undefined)?.path ?? req.path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        userId: r.user?.userId,
      });
    });
    next();
  };
}
