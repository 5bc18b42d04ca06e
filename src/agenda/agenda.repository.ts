import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { competitionScope, inCohortSql } from '../competitions/competition-scope';
import { GRANT_ACTION_FROM } from '../grants/grant-status';
import { assignmentScope } from '../mentoring/mentoring-scope';
import { facilitatorOfPlanSql, partnershipScope } from '../partnerships/partnership-scope';
import type { ScopeSql } from '../partnerships/partnership-scope';
import { ALLOWED_FROM } from '../plans/plan-status';
import { balanceAtSchoolSql, followUpOverdueSql, planDeadlinePassedSql, planUnsubmittedSql, sessionUnconfirmedSql, TODAY } from '../reports/definitions';
import { AGENDA_KINDS, AGENDA_LIMIT, MOU_AGENDA_DAYS } from './agenda-kind';
import type { AgendaKind } from './agenda-kind';

/**
 * The columns every branch of the agenda query yields, with their SQL types. A branch names the ones
 * it fills; the rest are typed NULLs, so the branches line up in one UNION ALL.
 */
const COLUMNS = {
  kind: 'text',
  id: 'uuid',
  planId: 'uuid',
  programYearId: 'uuid',
  grantId: 'uuid',
  reportId: 'uuid',
  sessionId: 'uuid',
  competitionId: 'uuid',
  trancheNumber: 'integer',
  schoolId: 'uuid',
  schoolName: 'text',
  /** The record's own words: a plan or report title, a follow-up's description, an MoU number. */
  label: 'text',
  year: 'integer',
  programName: 'text',
  /** Another party named in the title: the facilitator of a session, the company of a request. */
  otherName: 'text',
  /** What tells variants of one kind apart (a plan's state, a session's mode, a follow-up's owner side). */
  detail: 'text',
  /** A date the title mentions (a session's day). */
  onDate: 'date',
  dueDate: 'date',
  overdue: 'boolean',
  groupCount: 'integer',
  /** Since when the item has been waiting: the tie-break after the due date. */
  since: 'timestamptz',
} as const;
type Column = keyof typeof COLUMNS;

/** One agenda row as read. */
export interface AgendaRow {
  kind: AgendaKind;
  id: string;
  planId: string | null;
  programYearId: string | null;
  grantId: string | null;
  reportId: string | null;
  sessionId: string | null;
  competitionId: string | null;
  trancheNumber: number | null;
  schoolId: string | null;
  schoolName: string | null;
  label: string | null;
  year: number | null;
  programName: string | null;
  otherName: string | null;
  detail: string | null;
  onDate: string | null;
  dueDate: string | null;
  overdue: boolean;
  groupCount: number | null;
  since: Date | null;
  /** Every item of the agenda, also those past the limit. */
  total: number;
}

/** One SELECT of the UNION ALL: its columns, the rest of the statement, and the CTEs it reads. */
interface Branch {
  select: Partial<Record<Column, string>>;
  from: string;
  ctes?: string[];
}

/** A list of constant strings as SQL, e.g. ('draft', 'returned'); only ever given the code's own constants. */
const list = (values: readonly string[]) => `(${values.map((v) => `'${v}'`).join(', ')})`;

const NOW = 'CAST(:now AS timestamptz)';

/** The kinds' order as an SQL array: the last tie-break. */
const KIND_ORDER = `ARRAY[${AGENDA_KINDS.map((k) => `'${k}'`).join(', ')}]`;

/** The UTC calendar date of an instant, the way the Clock's "today" is a UTC date. */
const utcDate = (instant: string) => `CAST(${instant} AT TIME ZONE 'UTC' AS date)`;

function branchSql(b: Branch): string {
  const columns = (Object.entries(COLUMNS) as Array<[Column, string]>).map(([name, type]) => `CAST(${b.select[name] ?? 'NULL'} AS ${type}) AS "${name}"`);
  return `SELECT ${columns.join(', ')}\n ${b.from}`;
}

// ---------------------------------------------------------------------------------------------
// The school (principal). Every branch reads through the scope the owning module uses.

/** Program years in planning or running of the school's active partnerships that have no plan of the school yet. */
function planToWrite(scope: ScopeSql): Branch {
  return {
    select: {
      kind: `'plan_to_write'`,
      id: 'y.id',
      programYearId: 'y.id',
      schoolId: 's.id',
      schoolName: 's.name',
      year: 'y.year',
      programName: 'pr.name',
      dueDate: 'y.plan_deadline',
      overdue: planDeadlinePassedSql('y', TODAY),
      since: 'y.created_at',
    },
    from: `FROM partnerships p
      JOIN program_years y ON y.program_id = p.program_id AND y.status IN ('planning', 'running')
      JOIN programs pr ON pr.id = p.program_id
      JOIN organizations s ON s.id = p.school_id
     WHERE p.status = 'active' AND ${scope.sql}
       AND NOT EXISTS (SELECT 1 FROM plans x WHERE x.school_id = p.school_id AND x.program_year_id = y.id)`,
  };
}

/**
 * Plans the school may still edit (draft, changes_requested) in a year that is not closed. The plan
 * deadline binds only a plan never submitted (the plans module's "overdue").
 */
function planToRevise(scope: ScopeSql): Branch {
  return {
    select: {
      kind: `'plan_to_revise'`,
      id: 'pl.id',
      planId: 'pl.id',
      programYearId: 'y.id',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'pl.title',
      year: 'y.year',
      programName: 'pr.name',
      detail: `CASE WHEN pl.status = 'changes_requested' THEN 'changes_requested' WHEN ${planUnsubmittedSql('pl')} THEN 'unsubmitted' ELSE 'revision' END`,
      dueDate: `CASE WHEN ${planUnsubmittedSql('pl')} THEN y.plan_deadline END`,
      overdue: `(${planUnsubmittedSql('pl')} AND ${planDeadlinePassedSql('y', TODAY)})`,
      since: 'pl.updated_at',
    },
    from: `FROM plans pl
      JOIN partnerships p ON p.id = pl.partnership_id
      JOIN program_years y ON y.id = pl.program_year_id
      JOIN programs pr ON pr.id = y.program_id
      JOIN organizations s ON s.id = pl.school_id
     WHERE pl.status IN ${list(ALLOWED_FROM.edit)} AND y.status <> 'closed' AND ${scope.sql}`,
  };
}

/**
 * Comment threads on the school's plans whose last comment is not from the school, grouped per plan.
 * A thread is a comment without a parent and every reply under it, at any depth (as GET …/comments
 * nests them); only plans that still take comments, in years that are not closed.
 */
function planCommentsToAnswer(scope: ScopeSql): Branch {
  return {
    ctes: [
      `agenda_comment_plans AS (
        SELECT pl.id FROM plans pl JOIN partnerships p ON p.id = pl.partnership_id JOIN program_years y ON y.id = pl.program_year_id
         WHERE pl.status IN ${list(ALLOWED_FROM.comment)} AND y.status <> 'closed' AND ${scope.sql})`,
      `agenda_threads AS (
        SELECT c.id, c.plan_id, c.id AS root_id FROM plan_comments c JOIN agenda_comment_plans cp ON cp.id = c.plan_id WHERE c.parent_id IS NULL
        UNION ALL
        SELECT c.id, c.plan_id, t.root_id FROM agenda_threads t JOIN plan_comments c ON c.plan_id = t.plan_id AND c.parent_id = t.id)`,
      `agenda_thread_last AS (
        SELECT DISTINCT ON (t.root_id) t.plan_id, t.root_id, u.organization_id AS author_organization_id, c.created_at
          FROM agenda_threads t JOIN plan_comments c ON c.id = t.id JOIN users u ON u.id = c.author_user_id
         ORDER BY t.root_id, c.created_at DESC, c.id DESC)`,
    ],
    select: {
      kind: `'plan_comments_to_answer'`,
      id: 'pl.id',
      planId: 'pl.id',
      programYearId: 'y.id',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'pl.title',
      year: 'y.year',
      programName: 'pr.name',
      overdue: 'FALSE',
      groupCount: 'count(*)',
      since: 'max(tl.created_at)',
    },
    from: `FROM agenda_thread_last tl
      JOIN plans pl ON pl.id = tl.plan_id
      JOIN program_years y ON y.id = pl.program_year_id
      JOIN programs pr ON pr.id = y.program_id
      JOIN organizations s ON s.id = pl.school_id
     WHERE tl.author_organization_id IS DISTINCT FROM pl.school_id
     GROUP BY pl.id, pl.title, y.id, y.year, pr.name, s.id, s.name`,
  };
}

/** Sessions at the school the principal has neither confirmed nor disputed, in years that are not closed. */
function sessionsToConfirm(actor: Actor): Branch {
  const scope = assignmentScope(actor, 'a', 'p');
  return {
    select: {
      kind: `'session_to_confirm'`,
      id: 'ms.id',
      sessionId: 'ms.id',
      programYearId: 'y.id',
      schoolId: 's.id',
      schoolName: 's.name',
      year: 'y.year',
      programName: 'pr.name',
      otherName: 'fu.full_name',
      detail: 'ms.mode',
      onDate: 'ms.held_on',
      overdue: 'FALSE',
      since: 'ms.created_at',
    },
    from: `FROM mentoring_sessions ms
      JOIN mentoring_assignments a ON a.id = ms.assignment_id
      JOIN partnerships p ON p.id = a.partnership_id
      JOIN program_years y ON y.id = a.program_year_id
      JOIN programs pr ON pr.id = y.program_id
      JOIN organizations s ON s.id = a.school_id
      JOIN users fu ON fu.id = a.facilitator_user_id
     WHERE ${sessionUnconfirmedSql('ms')} AND y.status <> 'closed' AND ${scope.sql}`,
  };
}

/**
 * Open follow-ups of the assignments the caller sees, in years that are not closed: for the school
 * those it owes (overdue or not); for a facilitator those of their assignments that are overdue.
 */
function followUps(actor: Actor, which: 'school_owes' | 'overdue'): Branch {
  const scope = assignmentScope(actor, 'a', 'p');
  const overdue = followUpOverdueSql('x', ':today');
  return {
    select: {
      kind: `'follow_up'`,
      id: 'x.id',
      sessionId: 'x.session_id',
      programYearId: 'y.id',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'x.description',
      year: 'y.year',
      programName: 'pr.name',
      detail: 'x.owner_side',
      dueDate: 'x.due_date',
      overdue,
      since: 'x.created_at',
    },
    from: `FROM mentoring_actions x
      JOIN mentoring_assignments a ON a.id = x.assignment_id
      JOIN partnerships p ON p.id = a.partnership_id
      JOIN program_years y ON y.id = a.program_year_id
      JOIN programs pr ON pr.id = y.program_id
      JOIN organizations s ON s.id = a.school_id
     WHERE x.status = 'open' AND y.status <> 'closed' AND ${scope.sql}
       AND ${which === 'school_owes' ? `x.owner_side = 'school'` : overdue}`,
  };
}

/** The grant joins every grant branch shares: its partnership (for the scope), year, program and school. */
const GRANT_JOINS = `JOIN partnerships p ON p.id = g.partnership_id
      JOIN program_years y ON y.id = g.program_year_id
      JOIN programs pr ON pr.id = y.program_id
      JOIN organizations s ON s.id = g.school_id`;

/**
 * Tranches paid to the school (not reversed) that no expense report names, while money of the grant
 * is still at the school and no report without a tranche number is on its way; in grants that still
 * take reports. Due by the year's grant reporting deadline.
 */
function expenseReportsToWrite(scope: ScopeSql): Branch {
  return {
    select: {
      kind: `'expense_report_to_write'`,
      id: 'g.id',
      grantId: 'g.id',
      programYearId: 'y.id',
      trancheNumber: 't.tranche_number',
      schoolId: 's.id',
      schoolName: 's.name',
      year: 'y.year',
      programName: 'pr.name',
      onDate: 't.disbursed_on',
      dueDate: 'y.grant_reporting_deadline',
      overdue: `COALESCE(y.grant_reporting_deadline < ${TODAY}, FALSE)`,
      since: 't.created_at',
    },
    from: `FROM disbursements t
      JOIN grants g ON g.id = t.grant_id
      ${GRANT_JOINS}
     WHERE t.kind = 'tranche' AND NOT EXISTS (SELECT 1 FROM disbursements r WHERE r.reverses_id = t.id)
       AND g.status IN ${list(GRANT_ACTION_FROM.report)} AND ${balanceAtSchoolSql('g')} > 0 AND ${scope.sql}
       AND NOT EXISTS (SELECT 1 FROM expense_reports er
                        WHERE er.grant_id = g.id AND (er.tranche_number = t.tranche_number OR (er.tranche_number IS NULL AND er.status <> 'accepted')))`,
  };
}

/** The school's expense reports still a draft or returned for correction, in grants that still take reports. */
function expenseReportsToFinish(scope: ScopeSql): Branch {
  return {
    select: {
      kind: `CASE er.status WHEN 'returned' THEN 'expense_report_returned' ELSE 'expense_report_draft' END`,
      id: 'er.id',
      grantId: 'g.id',
      reportId: 'er.id',
      programYearId: 'y.id',
      trancheNumber: 'er.tranche_number',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'er.title',
      year: 'y.year',
      programName: 'pr.name',
      dueDate: 'y.grant_reporting_deadline',
      overdue: `COALESCE(y.grant_reporting_deadline < ${TODAY}, FALSE)`,
      since: 'COALESCE(er.reviewed_at, er.created_at)',
    },
    from: `FROM expense_reports er
      JOIN grants g ON g.id = er.grant_id
      ${GRANT_JOINS}
     WHERE er.status IN ('draft', 'returned') AND g.status IN ${list(GRANT_ACTION_FROM.report)} AND ${scope.sql}`,
  };
}

/**
 * Competitions of the school's programs taking entries now (phase open, inside the entry window by
 * the Clock), for a school in the year's cohort: it may still enter, or change its entries.
 */
function competitionsOpen(actor: Actor): Branch {
  const scope = competitionScope(actor, 'c');
  return {
    select: {
      kind: `'competition_open'`,
      id: 'c.id',
      competitionId: 'c.id',
      programYearId: 'y.id',
      label: 'c.title',
      year: 'y.year',
      programName: 'pr.name',
      detail: `CASE WHEN EXISTS (SELECT 1 FROM competition_entries e WHERE e.competition_id = c.id AND e.school_id = :scopeOrg) THEN 'entered' ELSE 'not_entered' END`,
      dueDate: utcDate('c.entries_close_at'),
      overdue: 'FALSE',
      since: 'c.entries_open_at',
    },
    from: `FROM competitions c
      JOIN program_years y ON y.id = c.program_year_id
      JOIN programs pr ON pr.id = y.program_id
     WHERE c.phase = 'open' AND c.entries_open_at <= ${NOW} AND c.entries_close_at >= ${NOW}
       AND ${scope.sql} AND ${inCohortSql('y.program_id', 'c.program_year_id', ':scopeOrg')}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The company (CSR officer) and the facilitator.

/**
 * Plans submitted and waiting for review, in years that are not closed: the company's, or for a
 * facilitator those the plans module shows them (naming them, or of a school assigned to them).
 */
function plansToReview(actor: Actor): Branch {
  const scope = partnershipScope(actor, 'p');
  const facilitator = actor.role === 'facilitator' ? ` AND ${facilitatorOfPlanSql('pl')}` : '';
  return {
    select: {
      kind: `'plan_to_review'`,
      id: 'pl.id',
      planId: 'pl.id',
      programYearId: 'y.id',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'pl.title',
      year: 'y.year',
      programName: 'pr.name',
      overdue: 'FALSE',
      since: 'pl.submitted_at',
    },
    from: `FROM plans pl
      JOIN partnerships p ON p.id = pl.partnership_id
      JOIN program_years y ON y.id = pl.program_year_id
      JOIN programs pr ON pr.id = y.program_id
      JOIN organizations s ON s.id = pl.school_id
     WHERE pl.status = 'submitted' AND y.status <> 'closed' AND ${scope.sql}${facilitator}`,
  };
}

/** Expense reports submitted and waiting for the company's review. */
function expenseReportsToReview(scope: ScopeSql): Branch {
  return {
    select: {
      kind: `'expense_report_to_review'`,
      id: 'er.id',
      grantId: 'g.id',
      reportId: 'er.id',
      programYearId: 'y.id',
      trancheNumber: 'er.tranche_number',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'er.title',
      year: 'y.year',
      programName: 'pr.name',
      overdue: 'FALSE',
      since: 'er.submitted_at',
    },
    from: `FROM expense_reports er
      JOIN grants g ON g.id = er.grant_id
      ${GRANT_JOINS}
     WHERE er.status = 'submitted' AND g.status IN ${list(GRANT_ACTION_FROM.review)} AND ${scope.sql}`,
  };
}

/**
 * Active MoUs expiring today or within {@link MOU_AGENDA_DAYS} days (the rule of GET
 * /mous?expiringWithinDays) whose renewal nobody has started (no renewal beyond a draft, as in the reports).
 */
function mousExpiring(scope: ScopeSql): Branch {
  return {
    select: {
      kind: `'mou_expiring'`,
      id: 'm.id',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'm.number',
      programName: 'pr.name',
      dueDate: 'm.expiry_date',
      overdue: 'FALSE',
      since: 'm.created_at',
    },
    from: `FROM mous m
      JOIN partnerships p ON p.id = m.partnership_id
      JOIN programs pr ON pr.id = p.program_id
      JOIN organizations s ON s.id = p.school_id
     WHERE m.status = 'active' AND m.expiry_date >= ${TODAY} AND m.expiry_date <= ${TODAY} + ${MOU_AGENDA_DAYS} AND ${scope.sql}
       AND NOT EXISTS (SELECT 1 FROM mous ren WHERE ren.renews_mou_id = m.id AND ren.status <> 'draft')`,
  };
}

/** Sessions of the facilitator's own assignments that the principal disputed: the facilitator corrects them. */
function sessionsDisputed(actor: Actor): Branch {
  const scope = assignmentScope(actor, 'a', 'p');
  return {
    select: {
      kind: `'session_disputed'`,
      id: 'ms.id',
      sessionId: 'ms.id',
      programYearId: 'y.id',
      schoolId: 's.id',
      schoolName: 's.name',
      label: 'ms.dispute_reason',
      year: 'y.year',
      programName: 'pr.name',
      detail: 'ms.mode',
      onDate: 'ms.held_on',
      overdue: 'FALSE',
      since: 'ms.confirmed_at',
    },
    from: `FROM mentoring_sessions ms
      JOIN mentoring_assignments a ON a.id = ms.assignment_id
      JOIN partnerships p ON p.id = a.partnership_id
      JOIN program_years y ON y.id = a.program_year_id
      JOIN programs pr ON pr.id = y.program_id
      JOIN organizations s ON s.id = a.school_id
     WHERE ms.confirmation = 'disputed' AND y.status <> 'closed' AND ${scope.sql}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The judge and the education office.

/** Entries assigned to the judge that they have not scored, per competition still in its judging window. */
function entriesToScore(actor: Actor): Branch {
  const scope = competitionScope(actor, 'c');
  return {
    select: {
      kind: `'entries_to_score'`,
      id: 'c.id',
      competitionId: 'c.id',
      programYearId: 'y.id',
      label: 'c.title',
      year: 'y.year',
      programName: 'pr.name',
      dueDate: utcDate('c.judging_ends_at'),
      overdue: 'FALSE',
      groupCount: 'count(*)',
      since: 'min(ja.created_at)',
    },
    from: `FROM judge_assignments ja
      JOIN competitions c ON c.id = ja.competition_id
      JOIN program_years y ON y.id = c.program_year_id
      JOIN programs pr ON pr.id = y.program_id
     WHERE ja.judge_user_id = :scopeUser AND c.phase = 'judging' AND c.judging_ends_at >= ${NOW} AND ${scope.sql}
       AND NOT EXISTS (SELECT 1 FROM entry_scores es WHERE es.entry_id = ja.entry_id AND es.judge_user_id = ja.judge_user_id)
     GROUP BY c.id, c.title, c.judging_ends_at, y.id, y.year, pr.name`,
  };
}

/** Partner requests addressed to the office, still open and not past their due date (past it they read as expired). */
function partnerRequestsToAnswer(): Branch {
  return {
    select: {
      kind: `'partner_request_to_answer'`,
      id: 'r.id',
      otherName: 'co.name',
      label: 'COALESCE(rg.name, r.region_code)',
      detail: 'CAST(r.schools_wanted AS text)',
      dueDate: 'r.due_date',
      overdue: 'FALSE',
      since: 'r.created_at',
    },
    from: `FROM partner_requests r
      JOIN organizations co ON co.id = r.company_id
      LEFT JOIN regions rg ON rg.code = r.region_code
     WHERE r.education_office_id = :scopeOrg AND r.status = 'open' AND r.due_date >= ${TODAY}`,
  };
}

/** The branches of the caller's role; admins have no agenda of their own. */
function branchesFor(actor: Actor): Branch[] {
  const partnerships = partnershipScope(actor, 'p');
  switch (actor.role) {
    case 'principal':
      return [
        planToWrite(partnerships),
        planToRevise(partnerships),
        planCommentsToAnswer(partnerships),
        sessionsToConfirm(actor),
        followUps(actor, 'school_owes'),
        expenseReportsToWrite(partnerships),
        expenseReportsToFinish(partnerships),
        competitionsOpen(actor),
      ];
    case 'csr_officer':
      return [plansToReview(actor), expenseReportsToReview(partnerships), mousExpiring(partnerships)];
    case 'facilitator':
      return [plansToReview(actor), followUps(actor, 'overdue'), sessionsDisputed(actor)];
    case 'judge':
      return [entriesToScore(actor)];
    case 'education_officer':
      return [partnerRequestsToAnswer()];
    default:
      return [];
  }
}

/**
 * Reads "what needs me now" for the caller in one statement, whatever the amount of data: one
 * UNION ALL of a branch per kind of item, each inside the caller's scope, ordered overdue first,
 * then by due date, then by how long the item has waited.
 */
@Injectable()
export class AgendaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The first {@link AGENDA_LIMIT} items of the caller's agenda on `today` (at `now`), each row with the total. */
  async items(actor: Actor, today: string, now: Date): Promise<AgendaRow[]> {
    const branches = branchesFor(actor);
    if (branches.length === 0) return [];
    const ctes = [...branches.flatMap((b) => b.ctes ?? []), `agenda_items AS (\n${branches.map(branchSql).join('\nUNION ALL\n')}\n)`];
    const columns = (Object.entries(COLUMNS) as Array<[Column, string]>).map(([name, type]) => (type === 'date' ? `CAST(i."${name}" AS text) AS "${name}"` : `i."${name}"`));
    const sql = `WITH RECURSIVE ${ctes.join(',\n')}
      SELECT ${columns.join(', ')}, CAST(count(*) OVER () AS integer) AS "total"
        FROM agenda_items i
       ORDER BY i."overdue" DESC, i."dueDate" ASC NULLS LAST, i."since" ASC NULLS LAST, array_position(${KIND_ORDER}, i."kind"), i."id"
       LIMIT ${AGENDA_LIMIT}`;
    const params = { today, now: now.toISOString(), scopeOrg: actor.organizationId, scopeUser: actor.userId };
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return (await this.dataSource.query(query, values)) as AgendaRow[];
  }
}
