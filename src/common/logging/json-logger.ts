import { LoggerService } from '@nestjs/common';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/** Structured logs: one JSON object a line on stdout. Callers never pass passwords or tokens. */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel = 'info') {}

  private write(level: Exclude<LogLevel, 'silent'>, message: unknown, fields: Record<string, unknown> = {}): void {
    if (LEVELS[level] < LEVELS[this.level]) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level, ...fields };
    if (typeof message === 'object' && message !== null) Object.assign(line, message);
    else line.msg = String(message);
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }

  /** Logs one finished request. */
  request(fields: Record<string, unknown>): void {
    this.write('info', 'request', fields);
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context ? { context } : {});
  }

  info(message: unknown, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stackOrContext && stackOrContext.includes('\n')) fields.stack = stackOrContext;
    else if (stackOrContext) fields.context = stackOrContext;
    this.write('error', message, fields);
  }

  warn(message: unknown, context?: string): void {
    this.write('warn', message, context ? { context } : {});
  }

  debug(message: unknown, context?: string): void {
    this.write('debug', message, context ? { context } : {});
  }

  verbose(message: unknown, context?: string): void {
    this.write('debug', message, context ? { context } : {});
  }
}
