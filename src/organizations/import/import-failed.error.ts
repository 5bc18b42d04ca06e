import { AppError } from '../../common/errors/app-error';
import type { ImportProblem } from './import-problems';

/** What a refused import reports besides its problem details. */
export interface FailedImport {
  dryRun: boolean;
  sha256: string;
  rows: number;
  problemCount: number;
  /** The first problems by row (at most MAX_REPORTED_PROBLEMS). */
  problems: ImportProblem[];
}

/** An import file with problems: 422 import_failed, nothing written; the report lists each problem. */
export class ImportFailedError extends AppError {
  constructor(readonly report: FailedImport) {
    super('import_failed', { problemCount: report.problemCount, rows: report.rows });
  }
}
