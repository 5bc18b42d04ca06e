import type { Lang } from '../../common/errors/i18n';

/** At most this many problems are returned; the total is always counted. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** One problem of an import, before translation. */
export interface ImportProblem {
  /** Spreadsheet row: the header is row 1, so the first data row is 2; null for the file as a whole. */
  row: number | null;
  /** The column (as documented, e.g. `region_code`, or as written for an unknown one); null for the whole row. */
  field: string | null;
  /** A stable code, e.g. `invalid_npsn`. */
  code: string;
  message: Record<Lang, string>;
}

/**
 * Problems found in one pass over the rows, in row order: keeps the first MAX_REPORTED_PROBLEMS and
 * counts the rest, so a file of garbage costs no more memory than a file with one mistake.
 */
export class ProblemList {
  readonly kept: ImportProblem[] = [];
  total = 0;

  add(row: number | null, field: string | null, code: string, en: string, id: string): void {
    this.total += 1;
    if (this.kept.length < MAX_REPORTED_PROBLEMS) this.kept.push({ row, field, code, message: { en, id } });
  }
}

/**
 * The first MAX_REPORTED_PROBLEMS problems of several passes, by row (file-level ones first). Each
 * pass kept its own first ones in row order, so together they hold the first ones overall.
 */
export function firstProblems(lists: ProblemList[]): { problems: ImportProblem[]; total: number } {
  const all = lists.flatMap((l) => l.kept);
  // Array.prototype.sort is stable: within a row, problems keep the order they were found in.
  all.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { problems: all.slice(0, MAX_REPORTED_PROBLEMS), total: lists.reduce((sum, l) => sum + l.total, 0) };
}
