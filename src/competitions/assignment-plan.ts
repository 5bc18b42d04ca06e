import type { ConflictReason } from './conflicts';

/** An entry of the category to staff, with the judges already assigned to it. */
export interface EntryToStaff {
  entryId: string;
  schoolId: string;
  assignedJudgeIds: readonly string[];
}

/** What assigning a category's entries starts from. */
export interface AssignmentPlanInput {
  /** In the order they are staffed (oldest entry first). */
  entries: readonly EntryToStaff[];
  /** Candidate judges; their order breaks ties in load. */
  judgeIds: readonly string[];
  /** Conflicts of a judge with a school; empty when there are none. */
  conflictsOf: (judgeUserId: string, schoolId: string) => readonly ConflictReason[];
  /** How many entries each judge already has in the competition (all categories). */
  load: ReadonlyMap<string, number>;
  judgesPerEntry: number;
}

/** The outcome: new assignments, conflicted pairs left out (and why), entries that stay short. */
export interface AssignmentPlan {
  assigned: Array<{ entryId: string; judgeUserId: string }>;
  skipped: Array<{ entryId: string; judgeUserId: string; reasons: readonly ConflictReason[] }>;
  unfilled: Array<{ entryId: string; wanted: number; assigned: number }>;
}

/**
 * Gives every entry `judgesPerEntry` judges, counting those it already has. A judge conflicted with
 * the entry's school is never chosen (listed in `skipped` with the reasons). Among the others, the
 * judge with the fewest entries in the competition so far is chosen first (ties: the order of
 * `judgeIds`), and every choice counts at once, so the load stays even across the category. An
 * entry without enough unconflicted judges keeps what it could get and is listed in `unfilled`.
 */
export function planAssignments(input: AssignmentPlanInput): AssignmentPlan {
  const load = new Map(input.load);
  const order = new Map(input.judgeIds.map((id, i) => [id, i]));
  const plan: AssignmentPlan = { assigned: [], skipped: [], unfilled: [] };
  for (const entry of input.entries) {
    const have = new Set(entry.assignedJudgeIds);
    const need = input.judgesPerEntry - have.size;
    if (need <= 0) continue;
    const eligible: string[] = [];
    for (const judge of input.judgeIds) {
      if (have.has(judge)) continue;
      const reasons = input.conflictsOf(judge, entry.schoolId);
      if (reasons.length > 0) plan.skipped.push({ entryId: entry.entryId, judgeUserId: judge, reasons });
      else eligible.push(judge);
    }
    eligible.sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const chosen = eligible.slice(0, need);
    for (const judge of chosen) {
      plan.assigned.push({ entryId: entry.entryId, judgeUserId: judge });
      load.set(judge, (load.get(judge) ?? 0) + 1);
    }
    if (chosen.length < need) plan.unfilled.push({ entryId: entry.entryId, wanted: input.judgesPerEntry, assigned: have.size + chosen.length });
  }
  return plan;
}
