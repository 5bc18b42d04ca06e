import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import type { AppRequest } from '../http/request-context';
import type { AppLogger } from '../logging/logger';
import { AppError } from './app-error';
import { isDatabaseUnavailable, serviceUnavailable } from './database-unavailable';
import { databaseInputError } from './database-input-error';
import { DuplicateRecordError, DuplicateRecordFilter } from './duplicate-record';
import type { ErrorCode } from './error-catalog';
import { sendProblem } from './problem';

/** Maps Nest's own HTTP exceptions (unknown route, bad method...) to catalogued codes. */
function fromHttpException(e: HttpException, req: AppRequest): AppError | null {
  const status = e.getStatus();
  if (status === 404) return new AppError('route_not_found', { method: req.method, path: req.originalUrl.split('?')[0] });
  if (status === 413) return new AppError('payload_too_large', { limit: 'the configured size' });
  if (status === 400) return new AppError('bad_request', { reason: e.message.replace(/\.$/, '') });
  const map: Record<number, ErrorCode> = { 401: 'unauthenticated', 403: 'forbidden' };
  const code = map[status];
  return code ? new AppError(code, req.user?.role ? { role: req.user.role } : {}) : null;
}

/** The one place errors become responses: known ones as problems, anything else a bare 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly duplicates = new DuplicateRecordFilter();

  constructor(private readonly logger: AppLogger) {}

  /** A database error the request's values caused, as a 4xx; logged as a warning, since validation should have caught it. */
  private fromDatabaseInput(exception: unknown, req: AppRequest): AppError | null {
    const error = databaseInputError(exception);
    if (error !== null) {
      const message = exception instanceof Error ? exception.message : String(exception);
      this.logger.warn({ msg: 'database refused the input', requestId: req.id, error: message });
    }
    return error;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof DuplicateRecordError) return this.duplicates.catch(exception, host);
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    let error: AppError | null = null;
    if (exception instanceof AppError) error = exception;
    else if (exception instanceof HttpException) error = fromHttpException(exception, req);
    else if (isDatabaseUnavailable(exception)) {
      this.logger.error({ msg: 'database unavailable', requestId: req.id, error: exception instanceof Error ? exception.message : String(exception) });
      error = serviceUnavailable();
    }
    error ??= this.fromDatabaseInput(exception, req);
    if (error === null) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error({ msg: 'unexpected error', requestId: req.id, error: err.message }, err.stack);
      error = new AppError('internal_error');
    }
    if (res.headersSent) return;
    sendProblem(error, req, res, req.id);
  }
}
