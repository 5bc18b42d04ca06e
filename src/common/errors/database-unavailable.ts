import { AppError } from './app-error';

/** Seconds a client is asked to wait before retrying while the database is unreachable or too slow. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Network errors of a connection to the database server that cannot be opened or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * PostgreSQL states that say the server is down, restarting, full or too slow, not that the request
 * is wrong: class 08 (connection exception), 57014 (cancelled by statement_timeout), 57P01–57P03
 * (shutting down, cannot connect now), 53300 (too many connections).
 */
function isUnavailableState(state: string): boolean {
  return state.startsWith('08') || ['57014', '57P01', '57P02', '57P03', '53300'].includes(state);
}

/** Messages of pg and TypeORM for a pool that cannot hand out a connection. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Cannot use a pool after calling end on the pool',
  'Client has encountered a connection error',
  'Driver not Connected',
  'No connection is available',
];

/** Whether an error means the database is unreachable or did not answer in time (not a fault of the request). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableState(code)))) return true;
    if (name === 'CannotExecuteNotConnectedError' || name === 'ConnectionIsNotSetError') return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
    // TypeORM wraps the driver's error (QueryFailedError.driverError); AggregateError holds several.
    const inner = e as { driverError?: unknown; cause?: unknown; errors?: unknown[] };
    e = inner.driverError ?? inner.cause ?? (Array.isArray(inner.errors) ? inner.errors[0] : undefined);
  }
  return false;
}

/** The 503 answered while the database is unreachable or too slow, with Retry-After. */
export function serviceUnavailable(): AppError {
  return new AppError('service_unavailable', { retryAfter: DATABASE_RETRY_AFTER_SECONDS }, [], { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });
}
