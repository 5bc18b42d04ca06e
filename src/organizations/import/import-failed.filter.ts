import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { pickLanguage } from '../../common/errors/i18n';
import { problemOf } from '../../common/errors/problem';
import type { AppRequest } from '../../common/http/request-context';
import { SchoolImportFailedResponse, SchoolImportProblemResponse } from './dto/school-import.response';
import { ImportFailedError } from './import-failed.error';

/**
 * Writes a refused import as the usual problem body plus its report, translated like every other
 * problem. Only ImportFailedError comes here; everything else goes to the global ProblemFilter.
 */
@Catch(ImportFailedError)
export class ImportFailedFilter implements ExceptionFilter {
  catch(error: ImportFailedError, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<AppRequest>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    const lang = pickLanguage(req.header('accept-language'));
    const { report } = error;
    const body: SchoolImportFailedResponse = {
      ...problemOf(error, req, req.id),
      dryRun: report.dryRun,
      sha256: report.sha256,
      rows: report.rows,
      problemCount: report.problemCount,
      problemsTruncated: report.problemCount > report.problems.length,
      problems: report.problems.map((p) => SchoolImportProblemResponse.from(p, lang)),
    };
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
