import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { AppRequest } from '../http/request-context';
import { pickLanguage } from './i18n';
import type { Lang } from './i18n';
import type { ProblemBody } from './problem';

const TITLE: Record<Lang, string> = { en: 'This record already exists', id: 'Data ini sudah ada' };

/**
 * A 409 for a record that would duplicate one that exists (a second 2014 in one program, a second
 * partnership of one school in one program), naming the existing record in both languages, in the
 * same problem shape as every error plus the existing record's id as `existingId`.
 */
export class DuplicateRecordError extends Error {
  constructor(
    /** Stable code, e.g. `program_year_exists`. */
    readonly code: string,
    readonly existingId: string,
    readonly detail: Record<Lang, string>,
  ) {
    super(code);
  }
}

/** The problem body of a duplicate, with the existing record's id. */
export type DuplicateProblemBody = ProblemBody & { existingId: string };

/** Writes a DuplicateRecordError as application/problem+json (409); the global ProblemFilter hands these to it. */
@Catch(DuplicateRecordError)
export class DuplicateRecordFilter implements ExceptionFilter {
  catch(error: DuplicateRecordError, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    const lang = pickLanguage(req.header('accept-language'));
    const body: DuplicateProblemBody = {
      type: `urn:jalin:problem:${error.code}`,
      title: TITLE[lang],
      status: 409,
      detail: error.detail[lang],
      code: error.code,
      requestId: req.id,
      instance: req.originalUrl.split('?')[0],
      existingId: error.existingId,
    };
    res.status(409).type('application/problem+json').send(JSON.stringify(body));
  }
}
