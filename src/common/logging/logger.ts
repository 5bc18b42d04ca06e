import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger as PinoNestLogger, Params, PinoLogger } from 'nestjs-pino';
import pino, { DestinationStream, Logger as Pino } from 'pino';
import { pinoHttp, Options as HttpLoggerOptions } from 'pino-http';
import type { NextFunction, Request, Response } from 'express';
import type { AppRequest } from '../http/request-context';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Never written to a log, wherever they appear: credentials in request headers, cookies set or sent,
 * and token or password fields of anything a caller logs. pino replaces them with "[redacted]".
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorization',
  '*.cookie',
];

/** The path without its query string: ids in the route pattern, tokens in queries stay out of logs. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

/** What a finished request logs: who asked what, and the answer's status. */
function httpOptions(root: Pino): HttpLoggerOptions<IncomingMessage, ServerResponse> {
  return {
    logger: root,
    // requestIdMiddleware (src/common/http/request-context.ts) runs first: always a UUID of the server's own.
    genReqId: (req) => (req as AppRequest).id,
    // The same names as the problem bodies and the X-Request-Id header; lines logged during a request carry only its id.
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    quietReqLogger: true,
    // pino-http asks at the start and again at the end; only the end knows the matched route and the
    // user. Nothing at the start, so pino-http makes no extra child logger for every request.
    customProps: (req, res) => {
      if (!res.headersSent) return undefined as unknown as object;
      const r = req as AppRequest;
      // The route pattern when a route matched (/api/v1/plans/:id), so record ids stay out of logs.
      return {
        method: r.method,
        route: (r.route as { path?: string } | undefined)?.path ?? pathOf(r.originalUrl ?? r.url),
        status: res.statusCode,
        userId: r.user?.userId,
        correlationId: r.correlationId,
      };
    },
    // 'silent' when the line would not be written anyway (LOG_LEVEL above it): pino-http then skips
    // the end-of-request work (the route, a child logger, the line's fields) altogether.
    customLogLevel: (_req, res, err) => {
      const level = err || res.statusCode >= 500 ? 'error' : 'info';
      return root.isLevelEnabled(level) ? level : 'silent';
    },
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    serializers: {
      // No URL here: it is serialized as the request starts, with ids and query strings; `route` comes at the end.
      req: (req: { id: string; method: string; headers: Record<string, unknown> }) => ({ id: req.id, method: req.method, headers: req.headers }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * The one logger of the API, its CLI and its tests: JSON lines through pino, a Nest LoggerService
 * (nestjs-pino's, which adds the request's id to whatever is logged while a request runs) plus
 * `info(message, fields)` for the app's own start-up lines. LOG_LEVEL=silent writes nothing.
 */
export class AppLogger extends PinoNestLogger {
  /** The pino-http options, for the request-log middleware and nestjs-pino's LoggerModule. */
  readonly params: Params;

  private constructor(readonly pino: Pino, params: Params) {
    super(new PinoLogger(params), params);
    this.params = params;
  }

  /** A logger at `level` writing to stdout, or to `destination` (tests capture lines with one). */
  static create(level: LogLevel, destination?: DestinationStream): AppLogger {
    const root = pino(
      {
        level,
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        base: undefined,
      },
      destination ?? pino.destination({ dest: 1, sync: true }),
    );
    return new AppLogger(root, { pinoHttp: httpOptions(root), useExisting: true });
  }

  /** The request's logger (its id bound) while a request runs, the root logger otherwise. */
  private get current(): Pino {
    return this.logger.logger;
  }

  /** An informational line with structured fields: `info('migrations applied', { migrations })`. */
  info(message: string | Record<string, unknown>, fields: Record<string, unknown> = {}): void {
    if (typeof message === 'string') this.current.info(fields, message);
    else this.current.info({ ...fields, ...message });
  }

  /** Errors: `error(message)`, `error(message, stack)`, `error({ msg, ...fields }, stack)` or Nest's `error(message, stack, context)`. */
  override error(message: unknown, ...params: unknown[]): void {
    const [second, third] = params;
    const stack = typeof second === 'string' && second.includes('\n') ? second : undefined;
    const context = stack ? (typeof third === 'string' ? third : undefined) : typeof second === 'string' ? second : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) this.current.error({ ...fields, err: message });
    else if (typeof message === 'object' && message !== null) this.current.error({ ...fields, ...message });
    else this.current.error(fields, String(message));
  }
}

/** One JSON line per finished request (pino-http): request id, method, route, status, time, user id. */
export function requestLogMiddleware(logger: AppLogger): (req: Request, res: Response, next: NextFunction) => void {
  return pinoHttp(logger.params.pinoHttp as HttpLoggerOptions<IncomingMessage, ServerResponse>);
}
