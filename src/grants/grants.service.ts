import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/database/optimistic';
import { AppError, RawFieldError } from '../common/errors/app-error';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { planBudgetLines, PlanBudgetLine } from './budget-lines';
import type { CreateGrantDto, UpdateGrantDto } from './dto/create-grant.dto';
import { GrantResponse, GrantTotalsResponse } from './dto/grant.response';
import { LedgerEntryResponse, LedgerResponse, ReconciliationResponse } from './dto/ledger.response';
import type { ListGrantsQuery } from './dto/list-grants.query';
import type { SettleGrantDto } from './dto/money-movement.dto';
import { ExpenseReportsRepository } from './expense-reports.repository';
import {
  APPROVED_PLAN_STATUSES,
  duplicateGrant,
  notInFuture,
  refuse,
  requireCsrOfficer,
  requireDetails,
  requireOpenYear,
  rp,
} from './grant-access';
import { balanceAtSchool, grantStatusFor, ledgerAmount, movesBalance, runningBalances, sumRupiah, undisbursed } from './grant-status';
import type { GrantMoney, GrantStatus } from './grant-status';
import type { Grant } from './grant.entity';
import { GrantRow, GrantsRepository, GrantTotals, LockedYear } from './grants.repository';
import { fundingSourceName, statusName } from '../common/errors/names';

/** The money of a grant row, for the pure rules. */
export function moneyOfRow(g: GrantTotals | Pick<GrantRow, keyof GrantTotals>): GrantMoney {
  return { awarded: g.awardedAmount, disbursed: g.disbursedAmount, accepted: g.acceptedAmount, returned: g.returnedAmount, carriedOver: g.carriedOverAmount };
}

/** The answer for a grant: totals only for education officers, everything for the others who see it. */
export function grantResponseFor(actor: Actor, g: GrantRow): GrantResponse | GrantTotalsResponse {
  return actor.role === 'education_officer' ? GrantTotalsResponse.from(g) : GrantResponse.of(g);
}

/** Every funded line must be a stimulus_grant budget line of the plan; each problem is named by index. */
function checkFundedLines(lines: PlanBudgetLine[], ids: string[], planLabel: string): void {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const errors: RawFieldError[] = [];
  ids.forEach((raw, i) => {
    const id = raw.toLowerCase();
    const field = `fundedBudgetLineIds[${i}]`;
    const line = byId.get(id);
    if (!line) {
      errors.push({
        field,
        code: 'not_a_budget_line',
        message: {
          en: `${field} ${raw} is not a budget line of ${planLabel}; use the id of one of its budget lines (GET /api/v1/plans/{planId})`,
          id: `${field} ${raw} bukan baris anggaran ${planLabel}; gunakan id salah satu baris anggarannya (GET /api/v1/plans/{planId})`,
        },
      });
    } else if (line.fundingSource !== 'stimulus_grant') {
      errors.push({
        field,
        code: 'not_grant_funded',
        message: {
          en: `${field} "${line.item}" is funded by ${fundingSourceName(line.fundingSource, 'en')}, not by the stimulus grant; a grant funds only the plan's lines funded by the stimulus grant`,
          id: `${field} "${line.item}" didanai dari ${fundingSourceName(line.fundingSource, 'id')}, bukan dari dana stimulus; hibah hanya mendanai baris rencana yang didanai hibah stimulus`,
        },
      });
    }
  });
  if (errors.length > 0) throw new AppError('validation_failed', {}, errors);
}

/** The position after the last row of a page: created_at (ISO, microseconds) and id. */
function decodeListCursor(cursor: string | undefined): [string, string] | null {
  const values = decodeCursor(cursor, ['timestamp', 'uuid']);
  return values === null ? null : [values[0] as string, values[1] as string];
}

@Injectable()
export class GrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsRepository,
    private readonly reports: ExpenseReportsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Awards a grant for an approved plan of one of the company's partner schools (CSR officer): one
   * per school per program year, within the year's budget envelope (the year row is locked while
   * the envelope is summed, so two awards cannot both take the last room).
   */
  async award(actor: Actor, dto: CreateGrantDto): Promise<GrantResponse> {
    requireCsrOfficer(actor, { en: 'award grants', id: 'memberikan hibah' });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const plan = await this.grants.findAwardablePlan(actor.organizationId, dto.planId, manager);
        if (!plan) {
          throw AppError.field(
            'planId',
            'not_a_partner_plan',
            "planId names no plan of a partner school in your company's programs; pick one from GET /api/v1/plans",
            'planId tidak menunjuk rencana sekolah mitra dalam program perusahaan Anda; pilih dari GET /api/v1/plans',
          );
        }
        if (!(APPROVED_PLAN_STATUSES as readonly string[]).includes(plan.status)) {
          throw AppError.refused(
            'planId',
            'plan_not_approved',
            `the ${plan.year} plan of ${plan.schoolName} is ${statusName(plan.status, 'en')}; a grant funds an approved plan only, so approve the plan first`,
            `rencana ${plan.year} ${plan.schoolName} berstatus ${statusName(plan.status, 'id')}; hibah hanya untuk rencana yang sudah disetujui, jadi setujui rencananya dulu`,
          );
        }
        const year = await this.grants.lockYear(plan.programYearId, manager);
        requireOpenYear(year, { en: 'be awarded', id: 'diberikan' });
        checkFundedLines(planBudgetLines(plan.content), dto.fundedBudgetLineIds, `the ${plan.year} plan of ${plan.schoolName}`);
        const existing = await this.grants.findExisting(plan.schoolId, plan.programYearId, plan.id, manager);
        if (existing) throw duplicateGrant(existing, plan.schoolName, plan.year);
        await this.checkEnvelope(year, dto.awardedAmount, null, manager);
        const fields = {
          planId: plan.id,
          schoolId: plan.schoolId,
          programYearId: plan.programYearId,
          partnershipId: plan.partnershipId,
          companyId: actor.organizationId,
          awardedAmount: dto.awardedAmount,
          fundedBudgetLineIds: dto.fundedBudgetLineIds.map((id) => id.toLowerCase()),
          conditions: dto.conditions ?? [],
          requireReportBeforeNextTranche: dto.requireReportBeforeNextTranche ?? false,
          status: 'awarded' as const,
          awardedByUserId: actor.userId,
        };
        const id = await this.grants.insertGrant(fields, manager);
        await this.grants.insertLedger(
          { grantId: id, kind: 'award', amount: ledgerAmount('award', BigInt(dto.awardedAmount)), occurredOn: this.clock.today(), refId: null, note: `Awarded for the ${year.year} plan`, recordedByUserId: actor.userId },
          manager,
        );
        await this.audit.record(manager, actor, { action: 'create', entityType: 'grant', entityId: id, changes: fields });
        return GrantResponse.of(await this.row(actor, id, manager));
      });
    } catch (err) {
      if (isUniqueViolation(err, 'grants_school_year_key') || isUniqueViolation(err, 'grants_plan_key')) {
        const plan = await this.grants.findAwardablePlan(actor.organizationId, dto.planId, this.dataSource.manager);
        const existing = plan && (await this.grants.findExisting(plan.schoolId, plan.programYearId, plan.id, this.dataSource.manager));
        if (plan && existing) throw duplicateGrant(existing, plan.schoolName, plan.year);
      }
      throw err;
    }
  }

  /** Lists the grants the caller may see, newest first (education officers: totals only). */
  async list(actor: Actor, query: ListGrantsQuery): Promise<Page<GrantResponse | GrantTotalsResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.grants.listPage(actor, { programYearId: query.programYearId, schoolId: query.schoolId, status: query.status, after: decodeListCursor(query.cursor) }, limit);
    return toPage(rows, limit, (r) => [r.cursorCreatedAt, r.id], (r) => grantResponseFor(actor, r));
  }

  /** One grant the caller may see (education officers: totals only). */
  async get(actor: Actor, id: string): Promise<GrantResponse | GrantTotalsResponse> {
    return grantResponseFor(actor, await this.row(actor, id, this.dataSource.manager));
  }

  /**
   * Changes the award, funded budget lines, conditions or tranche rule of a grant before its first
   * disbursement (CSR officer), with a version check; a new award is checked against the envelope.
   */
  async update(actor: Actor, id: string, dto: UpdateGrantDto): Promise<GrantResponse> {
    requireCsrOfficer(actor, { en: 'change grants', id: 'mengubah hibah' });
    return this.dataSource.transaction(async (manager) => {
      const g = await this.row(actor, id, manager, true);
      refuse('change', g);
      requireOpenYear({ year: g.year, programName: g.programName, status: g.yearStatus }, { en: 'be changed', id: 'diubah' });
      if (await this.grants.hasDisbursements(id, manager)) {
        throw AppError.rule(
          'the grant can no longer be changed: a tranche has already been recorded, and an award is only changed before its first disbursement; a mistaken tranche is reversed, not edited',
          'hibah tidak dapat diubah lagi: sudah ada termin yang dicatat, dan hibah hanya dapat diubah sebelum pencairan pertama; termin yang keliru dibatalkan, bukan diubah',
        );
      }
      if (dto.version !== g.version) throw new AppError('stale_version', { sent: dto.version, current: g.version });
      const changes: Partial<Pick<Grant, 'awardedAmount' | 'fundedBudgetLineIds' | 'conditions' | 'requireReportBeforeNextTranche'>> = {};
      if (dto.awardedAmount !== undefined) changes.awardedAmount = dto.awardedAmount;
      if (dto.fundedBudgetLineIds !== undefined) {
        checkFundedLines(planBudgetLines(await this.grants.planContent(g.planId, manager)), dto.fundedBudgetLineIds, `the ${g.year} plan of ${g.schoolName}`);
        changes.fundedBudgetLineIds = dto.fundedBudgetLineIds.map((l) => l.toLowerCase());
      }
      if (dto.conditions !== undefined) changes.conditions = dto.conditions;
      if (dto.requireReportBeforeNextTranche !== undefined) changes.requireReportBeforeNextTranche = dto.requireReportBeforeNextTranche;
      const before: typeof changes = { awardedAmount: g.awardedAmount, fundedBudgetLineIds: g.fundedBudgetLineIds, conditions: g.conditions, requireReportBeforeNextTranche: g.requireReportBeforeNextTranche };
      const diff = diffFields(before, changes);
      const delta = BigInt(changes.awardedAmount ?? g.awardedAmount) - BigInt(g.awardedAmount);
      if (delta !== 0n) await this.checkEnvelope(await this.grants.lockYear(g.programYearId, manager), changes.awardedAmount as string, g.id, manager);
      await this.grants.updateGrant(id, changes, manager);
      if (delta !== 0n) {
        await this.grants.insertLedger(
          { grantId: id, kind: 'award_change', amount: delta, occurredOn: this.clock.today(), refId: null, note: `Award changed from ${rp(g.awardedAmount)} to ${rp(changes.awardedAmount as string)}`, recordedByUserId: actor.userId },
          manager,
        );
      }
      await this.audit.record(manager, actor, { action: 'update', entityType: 'grant', entityId: id, changes: diff });
      return GrantResponse.of(await this.row(actor, id, manager));
    });
  }

  /**
   * Cancels a grant (CSR officer) when nothing of it is left at the school: nothing was disbursed
   * (net of reversals), or the unspent money was returned or carried over. The undisbursed award
   * is released in the ledger.
   */
  async cancel(actor: Actor, id: string, reason: string): Promise<GrantResponse> {
    requireCsrOfficer(actor, { en: 'cancel grants', id: 'membatalkan hibah' });
    return this.dataSource.transaction(async (manager) => {
      const g = await this.row(actor, id, manager, true);
      // Allowed in a closed year too: it moves no money, and it is how a grant whose rest will never be paid ends.
      refuse('cancel', g);
      const money = moneyOfRow(g);
      const balance = balanceAtSchool(money);
      if (balance > 0n) {
        throw AppError.rule(
          `the grant cannot be cancelled while ${rp(balance)} of it is still at the school; record the school's spending or settle the rest first (POST /api/v1/grants/${id}/settlement: returned or carried over), then cancel`,
          `hibah tidak dapat dibatalkan selama ${rp(balance)} darinya masih ada di sekolah; catat pengeluaran sekolah atau selesaikan sisanya dulu (POST /api/v1/grants/${id}/settlement: dikembalikan atau dialihkan), lalu batalkan`,
        );
      }
      const released = undisbursed(money);
      await this.grants.updateGrant(id, { status: 'cancelled', cancelledReason: reason }, manager);
      await this.grants.insertLedger(
        { grantId: id, kind: 'cancelled', amount: ledgerAmount('cancelled', released), occurredOn: this.clock.today(), refId: null, note: reason, recordedByUserId: actor.userId },
        manager,
      );
      await this.audit.record(manager, actor, {
        action: 'state_change',
        entityType: 'grant',
        entityId: id,
        changes: { status: { from: g.status, to: 'cancelled' }, reason, undisbursedReleased: released.toString() },
      });
      return GrantResponse.of(await this.row(actor, id, manager));
    });
  }

  /**
   * Records the year-end decision on the money still at the school (CSR officer): returned to the
   * company and/or carried over to the school's next year, guarded in the UPDATE so the accounted
   * money never exceeds the disbursed money. The grant closes when nothing remains at the school
   * and the whole award was paid.
   */
  async settle(actor: Actor, id: string, dto: SettleGrantDto): Promise<GrantResponse> {
    requireCsrOfficer(actor, { en: 'settle grants', id: 'menyelesaikan hibah' });
    const on = dto.settledOn ?? this.clock.today();
    notInFuture('settledOn', on, this.clock.latestToday());
    return this.dataSource.transaction(async (manager) => {
      const g = await this.row(actor, id, manager, true);
      refuse('settle', g);
      const pending = await this.reports.pendingReviewTitle(id, manager);
      if (pending !== null) {
        throw AppError.rule(
          `the expense report "${pending}" is waiting for review; review it first (accept or return it), so the settlement decides on what is really left at the school`,
          `laporan pengeluaran "${pending}" sedang menunggu tinjauan; tinjau dulu (terima atau kembalikan), agar penyelesaian memutuskan sisa uang yang sebenarnya di sekolah`,
        );
      }
      const balance = balanceAtSchool(moneyOfRow(g));
      const returned = BigInt(dto.returnedAmount);
      const carried = BigInt(dto.carriedOverAmount);
      if (returned + carried === 0n && balance > 0n) {
        throw AppError.field(
          'returnedAmount',
          'nothing_settled',
          `the amounts returned and carried over are both Rp 0, but ${rp(balance)} is still at the school; say how much is returned and how much is carried over (together at most ${rp(balance)})`,
          `jumlah yang dikembalikan dan yang dialihkan keduanya Rp 0, padahal ${rp(balance)} masih ada di sekolah; sebutkan berapa yang dikembalikan dan berapa yang dialihkan (bersama paling banyak ${rp(balance)})`,
        );
      }
      const totals = returned + carried <= balance ? await this.grants.addSettlement(id, dto.returnedAmount, dto.carriedOverAmount, manager) : null;
      if (!totals) {
        throw AppError.refused(
          'returnedAmount',
          'over_balance',
          balance === 0n
            ? `nothing of this grant is left at the school: every rupiah was spent, returned or carried over, so there is nothing to settle`
            : `the amounts returned and carried over add up to ${rp(returned + carried)}, but only ${rp(balance)} of the grant is still at the school; settle at most ${rp(balance)} together`,
          balance === 0n
            ? `tidak ada lagi dana hibah ini di sekolah: semuanya sudah dibelanjakan, dikembalikan, atau dialihkan, sehingga tidak ada yang perlu diselesaikan`
            : `jumlah yang dikembalikan dan dialihkan bersama ${rp(returned + carried)}, padahal hanya ${rp(balance)} dari hibah yang masih ada di sekolah; selesaikan paling banyak ${rp(balance)} bersama-sama`,
        );
      }
      for (const [kind, amount] of [['returned', returned] as const, ['carried_over', carried] as const]) {
        if (amount > 0n) {
          await this.grants.insertLedger({ grantId: id, kind, amount: ledgerAmount(kind, amount), occurredOn: on, refId: null, note: dto.note, recordedByUserId: actor.userId }, manager);
        }
      }
      const left = balanceAtSchool(moneyOfRow(totals));
      // Closed means done: everything awarded was paid and all of it is accounted for. With part of
      // the award never paid, the grant stays open for a further tranche, or for a cancellation that
      // releases the rest.
      const done = left === 0n && undisbursed(moneyOfRow(totals)) === 0n;
      const next: GrantStatus = done ? 'closed' : grantStatusFor(g.status, moneyOfRow(totals));
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'grant',
        entityId: id,
        changes: { settlement: { returned: returned.toString(), carriedOver: carried.toString(), settledOn: on, note: dto.note }, balanceAtSchool: { from: balance.toString(), to: left.toString() } },
      });
      await this.moveStatus(actor, g, next, manager, done ? 'the whole award was paid and is accounted for' : undefined);
      return GrantResponse.of(await this.row(actor, id, manager));
    });
  }

  /**
   * Every money movement of a grant in the order it was recorded, with the running balance at the
   * school, and the reconciliation: totals, the ledger's own sums checked against them, and budget
   * against actual per funded budget line. Not for education officers (totals only).
   */
  async ledger(actor: Actor, id: string): Promise<LedgerResponse> {
    const g = await this.detailRow(actor, id, this.dataSource.manager);
    const [entries, byLine, content] = await Promise.all([this.grants.ledger(id), this.reports.reportedByLine(id), this.grants.planContent(g.planId)]);
    const running = runningBalances(entries);
    const sumOf = (...kinds: string[]) => sumRupiah(entries.filter((e) => kinds.includes(e.kind)).map((e) => e.amount));
    const money = moneyOfRow(g);
    const ledgerBalance = running.length > 0 ? running[running.length - 1].balanceAtSchool : 0n;
    const ledgerTotals = {
      awarded: sumOf('award', 'award_change'),
      disbursed: sumOf('tranche', 'reversal'),
      accepted: -sumOf('expense_accepted'),
      returned: -sumOf('returned'),
      carriedOver: -sumOf('carried_over'),
    };
    const balance = balanceAtSchool(money);
    const balanced =
      ledgerTotals.awarded === BigInt(money.awarded) &&
      ledgerTotals.disbursed === BigInt(money.disbursed) &&
      ledgerTotals.accepted === BigInt(money.accepted) &&
      ledgerTotals.returned === BigInt(money.returned) &&
      ledgerTotals.carriedOver === BigInt(money.carriedOver) &&
      ledgerBalance === balance;
    const planLines = new Map(planBudgetLines(content).map((l) => [l.id, l]));
    const reported = new Map(byLine.map((r) => [r.budgetLineId, r]));
    const lineIds = [...g.fundedBudgetLineIds, ...byLine.map((r) => r.budgetLineId).filter((l) => !g.fundedBudgetLineIds.includes(l))];
    const reconciliation: ReconciliationResponse = {
      awarded: money.awarded,
      disbursed: money.disbursed,
      reversed: (-sumOf('reversal')).toString(),
      reported: sumRupiah(byLine.flatMap((r) => [r.pending, r.accepted])).toString(),
      accepted: money.accepted,
      returned: money.returned,
      carriedOver: money.carriedOver,
      balanceAtSchool: balance.toString(),
      undisbursed: undisbursed(money).toString(),
      ledgerBalance: ledgerBalance.toString(),
      balanced,
      budgetLines: lineIds.map((lineId) => {
        const planned = planLines.get(lineId);
        const r = reported.get(lineId);
        const accepted = BigInt(r?.accepted ?? '0');
        return {
          budgetLineId: lineId,
          item: planned?.item ?? '(not a budget line of the plan)',
          programTitle: planned?.programTitle ?? null,
          planned: planned?.total ?? '0',
          pendingReview: r?.pending ?? '0',
          accepted: accepted.toString(),
          remaining: (BigInt(planned?.total ?? '0') - accepted).toString(),
        };
      }),
    };
    return {
      grantId: id,
      entries: entries.map(
        (e, i): LedgerEntryResponse => ({
          id: String(e.id),
          kind: e.kind,
          amount: e.amount,
          movesBalance: movesBalance(e.kind),
          balanceAtSchool: running[i].balanceAtSchool.toString(),
          undisbursed: running[i].undisbursed.toString(),
          occurredOn: e.occurredOn,
          refId: e.refId,
          note: e.note,
          recordedBy: { id: e.recordedByUserId, fullName: e.recordedByName },
          createdAt: e.createdAt.toISOString(),
        }),
      ),
      reconciliation,
    };
  }

  /** A grant the caller may see, or 404; with `lock`, locked until the transaction ends. */
  async row(actor: Actor, id: string, manager: EntityManager, lock = false): Promise<GrantRow> {
    const g = await this.grants.findVisible(actor, id, manager, lock);
    if (!g) throw AppError.notFound('grant', id);
    return g;
  }

  /** A grant the caller may see with its details (disbursements, reports, ledger); 404 otherwise, and for education officers. */
  async detailRow(actor: Actor, id: string, manager: EntityManager): Promise<GrantRow> {
    const g = await this.row(actor, id, manager);
    requireDetails(actor, id);
    return g;
  }

  /** Sets the grant's new status (the row is locked by the caller) and audits the move. */
  async moveStatus(actor: Actor, g: Pick<GrantRow, 'id' | 'status'>, next: GrantStatus, manager: EntityManager, because?: string): Promise<void> {
    if (next === g.status) return;
    await this.grants.updateGrant(g.id, { status: next }, manager);
    await this.audit.record(manager, actor, {
      action: 'state_change',
      entityType: 'grant',
      entityId: g.id,
      changes: { status: { from: g.status, to: next }, ...(because ? { because } : {}) },
    });
  }

  /** The year's grants (without `exceptId`) plus `amount` must fit the envelope of the locked year. */
  private async checkEnvelope(year: LockedYear, amount: string, exceptId: string | null, manager: EntityManager): Promise<void> {
    const committed = BigInt(await this.grants.committedInYear(year.id, manager, exceptId));
    const envelope = BigInt(year.budgetEnvelope);
    if (committed + BigInt(amount) <= envelope) return;
    const room = envelope > committed ? envelope - committed : 0n;
    throw AppError.refused(
      'awardedAmount',
      'over_budget_envelope',
      room === 0n
        ? `the ${year.year} budget envelope of ${year.programName} (${rp(envelope)}) is fully committed to grants: raise the envelope before awarding ${rp(amount)}`
        : `awarding ${rp(amount)} would take the ${year.year} grants of ${year.programName} to ${rp(committed + BigInt(amount))}, over the year's budget envelope of ${rp(envelope)}; only ${rp(room)} is left: award at most ${rp(room)}, or raise the envelope first`,
      room === 0n
        ? `pagu anggaran tahun ${year.year} program ${year.programName} (${rp(envelope)}) sudah habis untuk hibah: naikkan pagunya sebelum memberikan ${rp(amount)}`
        : `memberikan ${rp(amount)} akan membuat hibah tahun ${year.year} program ${year.programName} menjadi ${rp(committed + BigInt(amount))}, melebihi pagu anggaran tahun itu sebesar ${rp(envelope)}; sisa pagu hanya ${rp(room)}: berikan paling banyak ${rp(room)}, atau naikkan pagunya dulu`,
    );
  }
}
