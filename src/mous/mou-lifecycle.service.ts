import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { activation, canMoveMou, isPastExpiry } from './mou-status';
import type { Activation, Refusal } from './mou-status';
import { MousRepository, NoticeTarget, PeriodHolder } from './mous.repository';

/** Who moves an MoU along: a signed-in user, or the system (the daily job, a read that settles it). */
export type LifecycleActor = Actor | AuditActor;

/** What an attempt to activate an MoU came to. */
export type ActivationOutcome =
  | { result: 'activated'; supersededMouId: string | null }
  | { result: Exclude<Activation, 'ready'> }
  | { result: 'blocked'; refusal: Refusal; conflict: PeriodHolder };

/**
 * Why an MoU cannot be in force next to another: a partnership has at most one active MoU on any
 * day. A renewal is the exception by construction: the MoU it renews is superseded the day it
 * takes effect, so the two are never active together.
 */
export function overlapRefusal(holder: PeriodHolder): Refusal {
  return {
    en: `the partnership already has MoU ${holder.number} in force from ${holder.effectiveDate} to ${holder.expiryDate}, and these dates overlap it; a partnership has one MoU in force at a time. Renew that MoU instead (POST /api/v1/mous/${holder.id}/renewals), start after ${holder.expiryDate}, or terminate it first`,
    id: `kemitraan ini sudah memiliki MoU ${holder.number} yang berlaku dari ${holder.effectiveDate} sampai ${holder.expiryDate}, dan tanggal ini tumpang tindih dengannya; satu kemitraan hanya memiliki satu MoU yang berlaku pada satu waktu. Perpanjang MoU itu (POST /api/v1/mous/${holder.id}/renewals), mulai setelah ${holder.expiryDate}, atau akhiri MoU itu terlebih dahulu`,
  };
}

/** What the daily job did to MoU statuses. */
export interface StatusSweep {
  activated: string[];
  superseded: string[];
  /** Ready MoUs that could not take effect because another MoU of the partnership is in force. */
  blocked: string[];
  expired: string[];
}

/**
 * The dated steps of an MoU's life, shared by the requests that cause them (the last signature, a
 * read) and the daily job: taking effect (and superseding the renewed MoU) and expiring. Every step
 * is written and audited through the caller's transaction.
 */
@Injectable()
export class MouLifecycleService {
  constructor(
    private readonly mous: MousRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Makes an awaiting MoU active when it is ready today (every required party signed, effective
   * date come, expiry not passed) and no other MoU of the partnership is in force over its period;
   * the MoU it renews becomes superseded. The caller holds the MoU's row lock.
   */
  async activateIfReady(manager: EntityManager, id: string, today: string, by: LifecycleActor): Promise<ActivationOutcome> {
    const facts = await this.mous.activationFacts(id, manager);
    if (!facts) throw new Error(`MoU ${id} vanished while being activated`);
    const state = activation(facts, today);
    if (state !== 'ready') return { result: state };
    await this.mous.lockPartnershipActivations(facts.partnershipId, manager);
    const except = facts.renewsMouId ? [facts.id, facts.renewsMouId] : [facts.id];
    const [conflict] = await this.mous.overlappingActive(facts.partnershipId, facts, except, manager);
    if (conflict) return { result: 'blocked', refusal: overlapRefusal(conflict), conflict };
    if (!(await this.mous.moveStatus(id, ['awaiting_signatures'], 'active', manager))) return { result: 'not_awaiting' };
    await this.audit.record(manager, by, {
      action: 'state_change',
      entityType: 'mou',
      entityId: id,
      changes: { status: { from: 'awaiting_signatures', to: 'active' }, on: today, reason: 'every required party signed and the effective date has come' },
    });
    return { result: 'activated', supersededMouId: facts.renewsMouId ? await this.supersede(manager, facts.renewsMouId, id, today, by) : null };
  }

  private async supersede(manager: EntityManager, previousId: string, renewalId: string, today: string, by: LifecycleActor): Promise<string | null> {
    await this.mous.lock(previousId, manager);
    const previous = await this.mous.activationFacts(previousId, manager);
    // A terminated MoU stays terminated: its renewal simply starts a new period.
    if (!previous || !canMoveMou(previous.status, 'superseded')) return null;
    if (!(await this.mous.moveStatus(previousId, [previous.status], 'superseded', manager))) return null;
    await this.audit.record(manager, by, {
      action: 'state_change',
      entityType: 'mou',
      entityId: previousId,
      changes: { status: { from: previous.status, to: 'superseded' }, on: today, supersededBy: renewalId },
    });
    return previousId;
  }

  /** Marks an active MoU whose expiry date has passed as expired; false when it is not due. The caller holds the row lock. */
  async expireIfDue(manager: EntityManager, id: string, today: string, by: LifecycleActor): Promise<boolean> {
    const facts = await this.mous.activationFacts(id, manager);
    if (!facts || facts.status !== 'active' || !isPastExpiry(facts.expiryDate, today)) return false;
    if (!(await this.mous.moveStatus(id, ['active'], 'expired', manager))) return false;
    await this.audit.record(manager, by, {
      action: 'state_change',
      entityType: 'mou',
      entityId: id,
      changes: { status: { from: 'active', to: 'expired' }, on: today, expiryDate: facts.expiryDate },
    });
    return true;
  }

  /** Brings one MoU up to date for today (takes effect or expires when its day has come), under its row lock. */
  async settle(manager: EntityManager, id: string, today: string, by: LifecycleActor): Promise<void> {
    await this.mous.lock(id, manager);
    await this.activateIfReady(manager, id, today, by);
    await this.expireIfDue(manager, id, today, by);
  }

  /** The daily sweep: activates every ready MoU, then expires every active MoU past its expiry date. */
  async sweep(manager: EntityManager, today: string, by: LifecycleActor): Promise<StatusSweep> {
    const out: StatusSweep = { activated: [], superseded: [], blocked: [], expired: [] };
    for (const id of await this.mous.readyToActivate(today, manager)) {
      await this.mous.lock(id, manager);
      const outcome = await this.activateIfReady(manager, id, today, by);
      if (outcome.result === 'activated') {
        out.activated.push(id);
        if (outcome.supersededMouId) out.superseded.push(outcome.supersededMouId);
      } else if (outcome.result === 'blocked') {
        out.blocked.push(id);
      }
    }
    for (const id of await this.mous.activePastExpiry(today, manager)) {
      await this.mous.lock(id, manager);
      if (await this.expireIfDue(manager, id, today, by)) out.expired.push(id);
    }
    return out;
  }

  /** Active MoUs expiring between today and `days` from now, with the CSR officers and principals to remind. */
  expiringWithin(manager: EntityManager, today: string, days: number): Promise<NoticeTarget[]> {
    return this.mous.expiringWithin(today, days, manager);
  }

  /** MoUs as notices name them, with the CSR officers of their company and the principals of their school. */
  noticeTargets(manager: EntityManager, ids: readonly string[]): Promise<NoticeTarget[]> {
    return this.mous.noticeTargets(ids, manager);
  }
}
