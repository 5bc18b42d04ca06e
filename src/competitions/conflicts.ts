/**
 * Conflicts of interest are derived from what Jalin knows, not only declared. Judge J is conflicted
 * with school S in competition C (year Y of a program) when:
 * - belongs: J's organisation is S;
 * - mentored_assignment: J had a mentoring assignment for S in a program year Y − 1 or Y, of any
 *   program ("the last two program years": a facilitator who mentored the school for another
 *   company is no less close to it);
 * - mentored_session: J logged a mentoring session at S under an assignment of year Y − 1 or Y, of
 *   any program;
 * - reviewed_plan: J is (or was) the facilitator reviewing a plan of S, in any year;
 * - commented_plan: J commented on a plan of S, in any year (commenting is reviewing);
 * - declared: J declared a conflict with S in C.
 */
export const CONFLICT_CODES = ['belongs', 'mentored_assignment', 'mentored_session', 'reviewed_plan', 'commented_plan', 'declared'] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/** How many program years back mentoring counts: the competition's year and the one before. */
export const MENTORING_WINDOW_YEARS = 2;

/** The program years (first, last) in which mentoring a school conflicts a judge in a competition of `year`. */
export function mentoringWindow(year: number): [number, number] {
  return [year - (MENTORING_WINDOW_YEARS - 1), year];
}

/** What Jalin knows about one judge and one school. */
export interface ConflictFacts {
  judgeUserId: string;
  judgeName: string;
  judgeOrganizationId: string;
  schoolId: string;
  schoolName: string;
  /** Program years of J's mentoring assignments for S. */
  assignmentYears: number[];
  /** Program years of the assignments under which J logged sessions at S. */
  sessionYears: number[];
  /** Program years of S's plans that J reviews as their facilitator. */
  reviewedPlanYears: number[];
  /** Program years of S's plans J commented on. */
  commentedPlanYears: number[];
  /** J's own declaration in this competition, if any. */
  declaredReason: string | null;
}

/** One reason a judge may not judge a school, in both languages. */
export interface ConflictReason {
  code: ConflictCode;
  en: string;
  id: string;
}

const years = (ys: number[]) => [...new Set(ys)].sort((a, b) => a - b).join(', ');

/** Every reason `facts` give for keeping the judge away from the school in a competition of `year`; empty when there is none. */
export function conflictReasons(f: ConflictFacts, year: number): ConflictReason[] {
  const [from, to] = mentoringWindow(year);
  const inWindow = (ys: number[]) => ys.filter((y) => y >= from && y <= to);
  const out: ConflictReason[] = [];
  if (f.judgeOrganizationId === f.schoolId) {
    out.push({ code: 'belongs', en: `${f.judgeName} belongs to ${f.schoolName}`, id: `${f.judgeName} merupakan bagian dari ${f.schoolName}` });
  }
  const assigned = inWindow(f.assignmentYears);
  if (assigned.length > 0) {
    out.push({
      code: 'mentored_assignment',
      en: `${f.judgeName} was assigned to mentor ${f.schoolName} in ${years(assigned)} (mentoring in ${from} or ${to} counts)`,
      id: `${f.judgeName} ditugaskan mendampingi ${f.schoolName} pada ${years(assigned)} (pendampingan pada ${from} atau ${to} dihitung)`,
    });
  }
  const sessions = inWindow(f.sessionYears);
  if (sessions.length > 0) {
    out.push({
      code: 'mentored_session',
      en: `${f.judgeName} logged mentoring sessions at ${f.schoolName} in program year ${years(sessions)} (mentoring in ${from} or ${to} counts)`,
      id: `${f.judgeName} mencatat sesi pendampingan di ${f.schoolName} pada tahun program ${years(sessions)} (pendampingan pada ${from} atau ${to} dihitung)`,
    });
  }
  if (f.reviewedPlanYears.length > 0) {
    out.push({
      code: 'reviewed_plan',
      en: `${f.judgeName} is the facilitator reviewing the plan of ${f.schoolName} for ${years(f.reviewedPlanYears)}`,
      id: `${f.judgeName} adalah fasilitator yang menelaah rencana ${f.schoolName} untuk ${years(f.reviewedPlanYears)}`,
    });
  }
  if (f.commentedPlanYears.length > 0) {
    out.push({
      code: 'commented_plan',
      en: `${f.judgeName} commented on the plan of ${f.schoolName} for ${years(f.commentedPlanYears)}, and so reviewed it`,
      id: `${f.judgeName} memberi komentar pada rencana ${f.schoolName} untuk ${years(f.commentedPlanYears)}, sehingga ikut menelaahnya`,
    });
  }
  if (f.declaredReason !== null) {
    out.push({
      code: 'declared',
      en: `${f.judgeName} declared a conflict of interest with ${f.schoolName}: ${f.declaredReason}`,
      id: `${f.judgeName} menyatakan konflik kepentingan dengan ${f.schoolName}: ${f.declaredReason}`,
    });
  }
  return out;
}

/**
 * The facts of `conflictReasons` for every judge among $2 (uuid[]) and school among $3 (uuid[]) in
 * competition $1, in ONE query: only pairs with at least one fact come back. $4 and $5 are the first
 * and last program year of the mentoring window; plan reviews and comments count in any year.
 */
export const CONFLICT_FACTS_SQL = `
  SELECT x.* FROM (
    SELECT j.id AS "judgeUserId", j.full_name AS "judgeName", j.organization_id AS "judgeOrganizationId",
           s.id AS "schoolId", s.name AS "schoolName",
           ARRAY(SELECT DISTINCT py.year FROM mentoring_assignments ma JOIN program_years py ON py.id = ma.program_year_id
                  WHERE ma.facilitator_user_id = j.id AND ma.school_id = s.id AND py.year BETWEEN $4 AND $5 ORDER BY 1) AS "assignmentYears",
           ARRAY(SELECT DISTINCT py.year FROM mentoring_sessions ms
                   JOIN mentoring_assignments ma ON ma.id = ms.assignment_id
                   JOIN program_years py ON py.id = ma.program_year_id
                  WHERE ms.created_by_user_id = j.id AND ms.school_id = s.id AND py.year BETWEEN $4 AND $5 ORDER BY 1) AS "sessionYears",
           ARRAY(SELECT DISTINCT py.year FROM plans pl JOIN program_years py ON py.id = pl.program_year_id
                  WHERE pl.school_id = s.id AND pl.facilitator_user_id = j.id ORDER BY 1) AS "reviewedPlanYears",
           ARRAY(SELECT DISTINCT py.year FROM plan_comments pc
                   JOIN plans pl ON pl.id = pc.plan_id
                   JOIN program_years py ON py.id = pl.program_year_id
                  WHERE pl.school_id = s.id AND pc.author_user_id = j.id ORDER BY 1) AS "commentedPlanYears",
           (SELECT cd.reason FROM conflict_declarations cd
             WHERE cd.competition_id = $1 AND cd.judge_user_id = j.id AND cd.school_id = s.id) AS "declaredReason"
      FROM users j
     CROSS JOIN organizations s
     WHERE j.id = ANY(CAST($2 AS uuid[])) AND s.id = ANY(CAST($3 AS uuid[]))
  ) x
  WHERE x."judgeOrganizationId" = x."schoolId"
     OR cardinality(x."assignmentYears") > 0 OR cardinality(x."sessionYears") > 0
     OR cardinality(x."reviewedPlanYears") > 0 OR cardinality(x."commentedPlanYears") > 0
     OR x."declaredReason" IS NOT NULL
  ORDER BY x."judgeName", x."judgeUserId", x."schoolName", x."schoolId"`;

/** Conflicts keyed by judge, then school. */
export type ConflictMap = Map<string, Map<string, ConflictReason[]>>;

/** Turns the facts of the query into reasons, keyed by judge then school (pairs without a reason left out). */
export function toConflictMap(rows: readonly ConflictFacts[], year: number): ConflictMap {
  const out: ConflictMap = new Map();
  for (const row of rows) {
    const reasons = conflictReasons(row, year);
    if (reasons.length === 0) continue;
    const bySchool = out.get(row.judgeUserId) ?? new Map<string, ConflictReason[]>();
    bySchool.set(row.schoolId, reasons);
    out.set(row.judgeUserId, bySchool);
  }
  return out;
}
