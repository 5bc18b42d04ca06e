import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import { IDEMPOTENCY_REPLAYED_HEADER } from './idempotency-key.decorator';
import { IdempotentResult } from './idempotency.service';

/**
 * Sends an IdempotentResult as its status and body, marking a replayed answer with
 * Idempotency-Replayed: true. Anything else passes through unchanged.
 */
@Injectable()
export class IdempotentResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof IdempotentResult)) return result;
        const res = context.switchToHttp().getResponse<Response>();
        res.status(result.status);
        if (result.replayed) res.setHeader(IDEMPOTENCY_REPLAYED_HEADER, 'true');
        return result.body;
      }),
    );
  }
}
