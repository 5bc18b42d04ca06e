import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { isYearReadOnly } from '../programs/program-year-status';
import { refuseAction } from './plan-status';
import type { PlanAction } from './plan-status';
import { PlanDetailRow, PlansRepository } from './plans.repository';

/** A 403 for a caller who sees the plan but whose part in it does not include `what`. */
export function notYourPart(actor: Actor, what: { en: string; id: string }): AppError {
  return new AppError('forbidden', { role: actor.role, actionEn: what.en, actionId: what.id });
}

/** Throws when `action` is not allowed in the plan's state, saying why and what to do instead. */
export function refuse(action: PlanAction, plan: Pick<PlanDetailRow, 'id' | 'status' | 'revision'>): void {
  const refusal = refuseAction(action, plan.status, plan.revision, plan.id);
  if (refusal) throw AppError.rule(refusal.en, refusal.id);
}

/** A closed program year's plans are read-only: every change is refused. */
export function requireOpenYear(plan: Pick<PlanDetailRow, 'year' | 'programName' | 'yearStatus'>): void {
  if (!isYearReadOnly(plan.yearStatus)) return;
  throw AppError.rule(
    `${plan.year} of ${plan.programName} is closed, so its plans are read-only: nothing on them can change any more (comments, progress and results included)`,
    `tahun ${plan.year} program ${plan.programName} sudah ditutup, sehingga rencananya hanya-baca: tidak ada lagi yang dapat diubah (termasuk komentar, kemajuan dan hasil)`,
  );
}

/** The company's decisions are taken by its CSR officers: admins read but do not act in its name. */
export function requireCsrOfficer(actor: Actor, what: { en: string; id: string }): void {
  if (actor.role === 'csr_officer') return;
  throw AppError.rule(
    `only a CSR officer of the program's company can ${what.en}; admins can read plans but not decide in the company's name`,
    `hanya petugas CSR perusahaan pemilik program yang dapat ${what.id}; admin dapat membaca rencana tetapi tidak memutuskan atas nama perusahaan`,
  );
}

/**
 * Who may do what to a plan the caller can see. The school writes: its principal-role users, the
 * users the principal added as editors, and admins (support). Reviewers are the plan's facilitator
 * and the company's CSR officers (the scope already narrows both to this plan).
 */
@Injectable()
export class PlanAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansRepository,
  ) {}

  /** A plan the caller may see, or 404; with `lock`, locked until the transaction ends. */
  async find(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PlanDetailRow> {
    const plan = await this.plans.findVisible(actor, id, manager, lock);
    if (!plan) throw AppError.notFound('plan', id);
    return plan;
  }

  /** Whether the caller writes for the plan's school. */
  async isSchoolWriter(actor: Actor, plan: PlanDetailRow, manager: EntityManager): Promise<boolean> {
    if (actor.role === 'admin') return true;
    if (actor.role === 'principal' && actor.organizationId === plan.schoolId) return true;
    return actor.organizationId === plan.schoolId && (await this.plans.isEditor(plan.id, actor.userId, manager));
  }

  /** Refuses (403) a caller who does not write for the plan's school. */
  async requireSchoolWriter(actor: Actor, plan: PlanDetailRow, manager: EntityManager): Promise<void> {
    if (!(await this.isSchoolWriter(actor, plan, manager))) throw notYourPart(actor, { en: "write this school's plan", id: 'menulis rencana sekolah ini' });
  }

  /**
   * Whether the caller reviews the plan: a CSR officer of the company, or a facilitator who can
   * see it (the plan names them, or they are assigned to the school for that year); the plan was
   * loaded through the caller's scope, so seeing it is enough.
   */
  isReviewer(actor: Actor, _plan: PlanDetailRow): boolean {
    return actor.role === 'facilitator' || actor.role === 'csr_officer';
  }
}
