import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../auth/actor';

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
