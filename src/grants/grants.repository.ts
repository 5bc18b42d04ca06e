import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { PreparedStatements } from '../database/prepared-statements';
import { Organization } from '../organizations/organization.entity';
import { facilitatorOfPlanSql, partnershipScope } from '../partnerships/partnership-scope';
import { Partnership } from '../partnerships/partnership.entity';
import type { PlanStatus } from '../plans/plan-status';
import { Plan } from '../plans/plan.entity';
import type { ProgramYearStatus } from '../programs/program-year-status';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
import { Disbursement } from './disbursement.entity';
import { Grant } from './grant.entity';
import type { GrantStatus, LedgerKind } from './grant-status';
import { LedgerEntry } from './ledger-entry.entity';

/** A grant as read: its school, company, program year and who awarded it. */
export interface GrantRow {
  id: string;
  planId: string;
  planTitle: string;
  schoolId: string;
  schoolName: string;
  companyId: string;
  companyName: string;
  programId: string;
  programName: string;
  programYearId: string;
  year: number;
  yearStatus: ProgramYearStatus;
  partnershipId: string;
  awardedAmount: string;
  disbursedAmount: string;
  acceptedAmount: string;
  returnedAmount: string;
  carriedOverAmount: string;
  fundedBudgetLineIds: string[];
  conditions: string[];
  requireReportBeforeNextTranche: boolean;
  status: GrantStatus;
  cancelledReason: string | null;
  awardedByUserId: string;
  awardedByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** created_at in ISO form at full (microsecond) precision, for the page cursor. */
  cursorCreatedAt: string;
}

/** The plan a grant is asked for, with its partnership and program year, as the awarding company sees it. */
export interface AwardablePlan {
  id: string;
  status: PlanStatus;
  content: unknown;
  schoolId: string;
  schoolName: string;
  partnershipId: string;
  programYearId: string;
  year: number;
  yearStatus: ProgramYearStatus;
}

/** A program year locked for an envelope check. */
export interface LockedYear {
  id: string;
  year: number;
  programName: string;
  budgetEnvelope: string;
  status: ProgramYearStatus;
}

/** A disbursement as read, with who recorded it and the reversal that undid it, if any. */
export type DisbursementRow = Disbursement & { recordedByName: string | null; reversedById: string | null };

/** A ledger entry as read, with who recorded it. */
export type LedgerRow = LedgerEntry & { recordedByName: string | null };

/** The guarded running totals after a money update. */
export type GrantTotals = Pick<Grant, 'awardedAmount' | 'disbursedAmount' | 'acceptedAmount' | 'returnedAmount' | 'carriedOverAmount'>;

/**
 * The money at the school, as SQL. Guards compare an amount with a difference like this one, never
 * with a sum: a sum of two large bigints can overflow (an error) where the difference cannot.
 */
const OPEN_BALANCE = '(disbursed_amount - accepted_amount - returned_amount - carried_over_amount)';

const TOTALS_RETURNING = `awarded_amount AS "awardedAmount", disbursed_amount AS "disbursedAmount", accepted_amount AS "acceptedAmount",
  returned_amount AS "returnedAmount", carried_over_amount AS "carriedOverAmount"`;

/**
 * Reads and writes grants, their disbursements and their ledger, always inside the caller's scope:
 * a grant is visible when its partnership is (partnershipScope), and a facilitator sees only grants
 * of plans that name them as facilitator.
 */
@Injectable()
export class GrantsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statements: PreparedStatements,
  ) {}

  private grantQuery(manager: EntityManager): SelectQueryBuilder<Grant> {
    return manager
      .createQueryBuilder()
      .select('g.id', 'id')
      .addSelect('g.plan_id', 'planId')
      .addSelect('pl.title', 'planTitle')
      .addSelect('g.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('g.company_id', 'companyId')
      .addSelect('c.name', 'companyName')
      .addSelect('y.program_id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('g.program_year_id', 'programYearId')
      .addSelect('y.year', 'year')
      .addSelect('y.status', 'yearStatus')
      .addSelect('g.partnership_id', 'partnershipId')
      .addSelect('CAST(g.awarded_amount AS text)', 'awardedAmount')
      .addSelect('CAST(g.disbursed_amount AS text)', 'disbursedAmount')
      .addSelect('CAST(g.accepted_amount AS text)', 'acceptedAmount')
      .addSelect('CAST(g.returned_amount AS text)', 'returnedAmount')
      .addSelect('CAST(g.carried_over_amount AS text)', 'carriedOverAmount')
      .addSelect('CAST(g.funded_budget_line_ids AS text[])', 'fundedBudgetLineIds')
      .addSelect('g.conditions', 'conditions')
      .addSelect('g.require_report_before_next_tranche', 'requireReportBeforeNextTranche')
      .addSelect('g.status', 'status')
      .addSelect('g.cancelled_reason', 'cancelledReason')
      .addSelect('g.awarded_by_user_id', 'awardedByUserId')
      .addSelect('u.full_name', 'awardedByName')
      .addSelect('g.version', 'version')
      .addSelect('g.created_at', 'createdAt')
      .addSelect('g.updated_at', 'updatedAt')
      .addSelect(`to_char(g.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursorCreatedAt')
      .from(Grant, 'g')
      .innerJoin(Partnership, 'p', 'p.id = g.partnership_id')
      .innerJoin(Plan, 'pl', 'pl.id = g.plan_id')
      .innerJoin(Organization, 's', 's.id = g.school_id')
      .innerJoin(Organization, 'c', 'c.id = g.company_id')
      .innerJoin(ProgramYear, 'y', 'y.id = g.program_year_id')
      .innerJoin(Program, 'pr', 'pr.id = y.program_id')
      .leftJoin(User, 'u', 'u.id = g.awarded_by_user_id') as SelectQueryBuilder<Grant>;
  }

  /** Puts the caller's scope in the WHERE clause; roles without one see nothing. */
  private scope(qb: SelectQueryBuilder<Grant>, actor: Actor): void {
    const scope = partnershipScope(actor, 'p');
    qb.andWhere(scope.sql, scope.params);
    // A facilitator sees the grants of the plans they review: named on the plan, or assigned to its school for that year.
    if (actor.role === 'facilitator') qb.andWhere(facilitatorOfPlanSql('pl'), { scopeUser: actor.userId });
  }

  /**
   * A grant the caller may see; null for missing and not-yours alike. With `lock`, the grant row
   * stays locked until the transaction ends, so money movements on one grant happen one after another.
   */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<GrantRow | null> {
    const qb = this.grantQuery(manager).where('g.id = :id', { id });
    this.scope(qb, actor);
    if (lock) qb.setLock('pessimistic_write', undefined, ['g']);
    return this.statements.firstRow<GrantRow>(qb, manager);
  }

  /** A page of the grants the caller may see, newest first, in one query (limit + 1 rows). */
  listPage(
    actor: Actor,
    filter: { programYearId?: string; schoolId?: string; status?: GrantStatus; after: [string, string] | null },
    limit: number,
  ): Promise<GrantRow[]> {
    const qb = this.grantQuery(this.dataSource.manager);
    this.scope(qb, actor);
    if (filter.programYearId) qb.andWhere('g.program_year_id = :programYearId', { programYearId: filter.programYearId });
    if (filter.schoolId) qb.andWhere('g.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.status) qb.andWhere('g.status = :status', { status: filter.status });
    if (filter.after) {
      qb.andWhere('(g.created_at, g.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: filter.after[0], afterId: filter.after[1] });
    }
    return qb.orderBy('g.created_at', 'DESC').addOrderBy('g.id', 'DESC').limit(limit + 1).getRawMany<GrantRow>();
  }

  /** A plan of one of the company's partner schools, with its program year; null when it is not the company's. */
  async findAwardablePlan(companyId: string, planId: string, manager: EntityManager): Promise<AwardablePlan | null> {
    const [row] = (await manager.query(
      `SELECT pl.id, pl.status, pl.content, pl.school_id AS "schoolId", s.name AS "schoolName", pl.partnership_id AS "partnershipId",
              pl.program_year_id AS "programYearId", y.year, y.status AS "yearStatus"
         FROM plans pl
         JOIN partnerships p ON p.id = pl.partnership_id
         JOIN program_years y ON y.id = pl.program_year_id AND y.program_id = p.program_id
         JOIN organizations s ON s.id = pl.school_id
        WHERE pl.id = $1 AND p.company_id = $2`,
      [planId, companyId],
    )) as AwardablePlan[];
    return row ?? null;
  }

  /** The content of a grant's plan (its budget lines). */
  async planContent(planId: string, manager: EntityManager = this.dataSource.manager): Promise<unknown> {
    const [row] = (await manager.query('SELECT content FROM plans WHERE id = $1', [planId])) as Array<{ content: unknown }>;
    return row?.content ?? null;
  }

  /** Locks a program year until the transaction ends: envelope checks of one year happen one after another. */
  async lockYear(id: string, manager: EntityManager): Promise<LockedYear> {
    const [row] = (await manager.query(
      `SELECT y.id, y.year, pr.name AS "programName", CAST(y.budget_envelope AS text) AS "budgetEnvelope", y.status
         FROM program_years y JOIN programs pr ON pr.id = y.program_id
        WHERE y.id = $1
          FOR UPDATE OF y`,
      [id],
    )) as LockedYear[];
    if (!row) throw new Error(`program year ${id} vanished while it was being locked`);
    return row;
  }

  /** The sum of the year's awards that still count against its envelope (every grant not cancelled), without `exceptId`. */
  async committedInYear(programYearId: string, manager: EntityManager, exceptId: string | null = null): Promise<string> {
    const [row] = (await manager.query(
      `SELECT CAST(COALESCE(SUM(awarded_amount), 0) AS text) AS total FROM grants
        WHERE program_year_id = $1 AND status <> 'cancelled' AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [programYearId, exceptId],
    )) as Array<{ total: string }>;
    return row.total;
  }

  /** The grant that already exists for a school's year or for a plan, if any. */
  async findExisting(schoolId: string, programYearId: string, planId: string, manager: EntityManager): Promise<{ id: string; status: GrantStatus } | null> {
    const [row] = (await manager.query('SELECT id, status FROM grants WHERE (school_id = $1 AND program_year_id = $2) OR plan_id = $3 LIMIT 1', [
      schoolId,
      programYearId,
      planId,
    ])) as Array<{ id: string; status: GrantStatus }>;
    return row ?? null;
  }

  /** Inserts a grant and returns its id. */
  async insertGrant(fields: QueryDeepPartialEntity<Grant>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Grant, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Changes a locked grant's fields (not its money) and bumps its version. */
  async updateGrant(id: string, changes: QueryDeepPartialEntity<Grant>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Grant)
      .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<Grant>)
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Adds a tranche to the disbursed total only while it stays within the award: the guard is in the
   * UPDATE itself (and in a CHECK constraint), so no interleaving can overspend. Null when refused.
   */
  async addDisbursed(id: string, amount: string, manager: EntityManager): Promise<GrantTotals | null> {
    return this.guarded(manager, `disbursed_amount = disbursed_amount + $2::bigint`, `$2::bigint <= awarded_amount - disbursed_amount`, id, [amount]);
  }

  /** Takes a reversed tranche off the disbursed total only while what is accounted for stays covered. Null when refused. */
  async subtractDisbursed(id: string, amount: string, manager: EntityManager): Promise<GrantTotals | null> {
    return this.guarded(
      manager,
      `disbursed_amount = disbursed_amount - $2::bigint`,
      `$2::bigint <= ${OPEN_BALANCE}`,
      id,
      [amount],
    );
  }

  /** Adds accepted spending only while it stays within the money disbursed and not yet accounted for. Null when refused. */
  async addAccepted(id: string, amount: string, manager: EntityManager): Promise<GrantTotals | null> {
    return this.guarded(
      manager,
      `accepted_amount = accepted_amount + $2::bigint`,
      `$2::bigint <= ${OPEN_BALANCE}`,
      id,
      [amount],
    );
  }

  /** Records returned and carried-over money only while it stays within the balance at the school. Null when refused. */
  async addSettlement(id: string, returned: string, carried: string, manager: EntityManager): Promise<GrantTotals | null> {
    return this.guarded(
      manager,
      `returned_amount = returned_amount + $2::bigint, carried_over_amount = carried_over_amount + $3::bigint`,
      `$2::bigint <= ${OPEN_BALANCE} AND $3::bigint <= ${OPEN_BALANCE} - $2::bigint`,
      id,
      [returned, carried],
    );
  }

  private async guarded(manager: EntityManager, set: string, guard: string, id: string, amounts: string[]): Promise<GrantTotals | null> {
    const rows = (await manager.query(
      `UPDATE grants SET ${set}, version = version + 1, updated_at = now()
        WHERE id = $1 AND ${guard}
        RETURNING ${TOTALS_RETURNING}`,
      [id, ...amounts],
    )) as [GrantTotals[], number] | GrantTotals[];
    // The pg driver answers an UPDATE … RETURNING with [rows, affected].
    const list = Array.isArray(rows[0]) ? (rows[0] as GrantTotals[]) : (rows as GrantTotals[]);
    const row = list[0];
    if (!row) return null;
    return {
      awardedAmount: String(row.awardedAmount),
      disbursedAmount: String(row.disbursedAmount),
      acceptedAmount: String(row.acceptedAmount),
      returnedAmount: String(row.returnedAmount),
      carriedOverAmount: String(row.carriedOverAmount),
    };
  }

  /** Appends one ledger entry. */
  async insertLedger(
    entry: { grantId: string; kind: LedgerKind; amount: bigint; occurredOn: string; refId: string | null; note: string | null; recordedByUserId: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(LedgerEntry, { ...entry, amount: entry.amount.toString() });
  }

  /** Every ledger entry of a grant, in the order it was recorded. */
  async ledger(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<LedgerRow[]> {
    const { raw, entities } = await manager
      .getRepository(LedgerEntry)
      .createQueryBuilder('e')
      .leftJoin(User, 'u', 'u.id = e.recorded_by_user_id')
      .addSelect('u.full_name', 'recorded_by_name')
      .where('e.grant_id = :grantId', { grantId })
      .orderBy('e.id', 'ASC')
      .getRawAndEntities();
    return entities.map((e, i) => Object.assign(e, { amount: String(e.amount), recordedByName: (raw[i].recorded_by_name as string | null) ?? null }));
  }

  /** Every disbursement and reversal of a grant, in the order they were recorded. */
  async disbursements(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<DisbursementRow[]> {
    return this.disbursementRows(manager, 'd.grant_id = :grantId', { grantId });
  }

  /** One disbursement of a grant; null when it belongs to another grant. */
  async findDisbursement(grantId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<DisbursementRow | null> {
    return (await this.disbursementRows(manager, 'd.grant_id = :grantId AND d.id = :id', { grantId, id }))[0] ?? null;
  }

  private async disbursementRows(manager: EntityManager, where: string, params: Record<string, string>): Promise<DisbursementRow[]> {
    const { raw, entities } = await manager
      .getRepository(Disbursement)
      .createQueryBuilder('d')
      .leftJoin(User, 'u', 'u.id = d.recorded_by_user_id')
      .leftJoin(Disbursement, 'r', 'r.reverses_id = d.id')
      .addSelect('u.full_name', 'recorded_by_name')
      .addSelect('r.id', 'reversed_by_id')
      .addSelect('CAST(d.disbursed_on AS text)', 'disbursed_on_text')
      .where(where, params)
      .orderBy('d.created_at', 'ASC')
      .addOrderBy('d.tranche_number', 'ASC')
      .addOrderBy('d.kind', 'DESC')
      .getRawAndEntities();
    return entities.map((d, i) =>
      Object.assign(d, {
        amount: String(d.amount),
        // As text: the driver would turn a date into a local-midnight Date.
        disbursedOn: raw[i].disbursed_on_text as string,
        recordedByName: (raw[i].recorded_by_name as string | null) ?? null,
        reversedById: (raw[i].reversed_by_id as string | null) ?? null,
      }),
    );
  }

  /** Whether any tranche was ever recorded for the grant (a reversed one too). */
  async hasDisbursements(grantId: string, manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query('SELECT EXISTS (SELECT 1 FROM disbursements WHERE grant_id = $1) AS found', [grantId])) as Array<{ found: boolean }>;
    return row.found;
  }

  /** The number the next tranche gets. */
  async nextTrancheNumber(grantId: string, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT COALESCE(MAX(tranche_number), 0) + 1 AS next FROM disbursements WHERE grant_id = $1 AND kind = 'tranche'`, [
      grantId,
    ])) as Array<{ next: number }>;
    return Number(row.next);
  }

  /** The latest tranche that was not reversed, if any. */
  async lastLiveTranche(grantId: string, manager: EntityManager): Promise<number | null> {
    const [row] = (await manager.query(
      `SELECT t.tranche_number AS n FROM disbursements t
        WHERE t.grant_id = $1 AND t.kind = 'tranche' AND NOT EXISTS (SELECT 1 FROM disbursements r WHERE r.reverses_id = t.id)
        ORDER BY t.tranche_number DESC LIMIT 1`,
      [grantId],
    )) as Array<{ n: number }>;
    return row ? Number(row.n) : null;
  }

  /** Whether a tranche with this number exists for the grant. */
  async trancheExists(grantId: string, trancheNumber: number, manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM disbursements WHERE grant_id = $1 AND kind = 'tranche' AND tranche_number = $2) AS found`, [
      grantId,
      trancheNumber,
    ])) as Array<{ found: boolean }>;
    return row.found;
  }

  /** Inserts a tranche or a reversal and returns its id. */
  async insertDisbursement(fields: QueryDeepPartialEntity<Disbursement>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Disbursement, fields);
    return (result.identifiers[0] as { id: string }).id;
  }
}
