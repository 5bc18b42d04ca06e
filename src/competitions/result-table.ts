import type { ConflictReason } from './conflicts';
import type { ResultEntryRow } from './results.repository';
import type { EntryResult, ResultFlag } from './scoring';

/** One entry's line of the computed results. */
export interface ResultRow {
  entry: ResultEntryRow;
  result: EntryResult;
  flags: ResultFlag[];
  /** Judges whose scores were left out because they are now conflicted with the school. */
  excluded: Array<{ judgeUserId: string; reasons: ConflictReason[] }>;
}

/** The computed results of a competition, entries by category then creation. */
export interface ResultTable {
  rows: ResultRow[];
  judgeNames: Map<string, string>;
}
