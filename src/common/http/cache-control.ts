import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Observable, tap } from 'rxjs';

/** Never kept by a browser, a proxy or a shared device's back button. */
export const NO_STORE = 'no-store';

/**
 * Auth answers carry tokens and who is signed in, refusals included: set before the route runs, so
 * a 401 or a 429 from login is not stored either.
 */
export function noStoreMiddleware(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', NO_STORE);
  next();
}

/**
 * Downloaded files (MoU documents, evidence, receipts, plan and report exports) are private to
 * whoever may read them: every route that answers a file gets `Cache-Control: no-store`. JSON answers
 * keep their ETags and default caching.
 */
@Injectable()
export class NoStoreDownloadsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        if (body instanceof StreamableFile) context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', NO_STORE);
      }),
    );
  }
}
