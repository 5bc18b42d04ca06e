import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { MouLifecycleService } from '../mous/mou-lifecycle.service';
import type { LifecycleActor, StatusSweep } from '../mous/mou-lifecycle.service';
import { daysBetween, REMINDER_DAYS, reminderStep } from '../mous/mou-status';
import type { NoticeTarget } from '../mous/mous.repository';
import { MailService } from '../mail/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { MouExpiryRunResponse } from './dto/mou-expiry-run.response';
import { JobRunsRepository } from './job-runs.repository';

/** The job's name in `job_runs`. */
export const MOU_EXPIRY_JOB = 'mou-expiry';

/** The furthest reminder step, in days. */
const FURTHEST_REMINDER = Math.max(...REMINDER_DAYS);

function reminderNotice(m: NoticeTarget, step: number, today: string) {
  const left = daysBetween(today, m.expiryDate);
  const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days`;
  return {
    kind: 'mou_expiring',
    title: `MoU ${m.number} expires ${when}`,
    body:
      `MoU ${m.number} "${m.title}" with ${m.schoolName} is in force until ${m.expiryDate} (${left} day(s) left). Prepare its renewal in time. ` +
      `— MoU ${m.number} dengan ${m.schoolName} berlaku sampai ${m.expiryDate} (sisa ${left} hari). Siapkan perpanjangannya tepat waktu.`,
    entityType: 'mou',
    entityId: m.id,
    params: { number: m.number, title: m.title, schoolName: m.schoolName, expiryDate: m.expiryDate, daysLeft: left },
    // Once per MoU, reminder step and expiry date: an amendment that moves the expiry starts new reminders.
    dedupeKey: `mou_expiring:${m.id}:${m.expiryDate}:${step}`,
  };
}

function expiredNotice(m: NoticeTarget) {
  return {
    kind: 'mou_expired',
    title: `MoU ${m.number} has expired`,
    body:
      `MoU ${m.number} "${m.title}" with ${m.schoolName} ended on ${m.expiryDate} and is no longer in force. Renew it if the cooperation goes on. ` +
      `— MoU ${m.number} dengan ${m.schoolName} berakhir pada ${m.expiryDate} dan tidak berlaku lagi. Perpanjang jika kerja sama berlanjut.`,
    entityType: 'mou',
    entityId: m.id,
    params: { number: m.number, title: m.title, schoolName: m.schoolName, expiryDate: m.expiryDate },
    dedupeKey: `mou_expired:${m.id}:${m.expiryDate}`,
  };
}

/**
 * The daily MoU job: (1) activates awaiting MoUs whose signatures are complete and whose effective
 * date has come (superseding the MoUs they renew), (2) expires active MoUs past their expiry date,
 * (3) reminds the company's CSR officers and the school's principals 90, 30 and 7 days before an
 * MoU expires (and when it has expired), as in-app notifications and e-mails.
 *
 * Safe with any number of replicas: the run first claims the day in `job_runs` and does all its
 * work in the same transaction, so exactly one replica works each day; notifications and e-mails carry
 * dedupe keys, so even a repeated run writes each notice once.
 */
@Injectable()
export class MouExpiryJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: JobRunsRepository,
    private readonly lifecycle: MouLifecycleService,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Runs the job for today's date now (the admin endpoint); `by` is recorded as the actor. */
  runNow(by: Actor): Promise<MouExpiryRunResponse> {
    return this.run(this.clock.today(), by);
  }

  /** Runs the job for `today` (YYYY-MM-DD, UTC) unless that day was already claimed. */
  async run(today: string, by?: Actor): Promise<MouExpiryRunResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.runs.claim(MOU_EXPIRY_JOB, today, manager))) {
        const row = await this.runs.find(MOU_EXPIRY_JOB, manager);
        const finished = row?.finishedAt ? ` (finished ${row.finishedAt.toISOString()})` : '';
        return {
          ...emptyRun(today),
          ran: false,
          detail: `Already done for ${row?.lastRunOn ?? today}${finished}; nothing was done. The next run is for the next day.`,
        };
      }
      const actor: LifecycleActor = by ?? { userId: null, organizationId: null, requestId: `job:${MOU_EXPIRY_JOB}:${today}` };
      const sweep = await this.lifecycle.sweep(manager, today, actor);
      const expiryNoticesWritten = await this.noticeExpired(manager, sweep);
      const remindersWritten = await this.remind(manager, today);
      const result: MouExpiryRunResponse = {
        ...emptyRun(today),
        ...sweep,
        ran: true,
        remindersWritten,
        expiryNoticesWritten,
        detail:
          `Activated ${sweep.activated.length}, superseded ${sweep.superseded.length}, expired ${sweep.expired.length} MoU(s)` +
          `${sweep.blocked.length > 0 ? `, left ${sweep.blocked.length} blocked by an overlapping MoU in force` : ''}; ` +
          `wrote ${remindersWritten} reminder(s) and ${expiryNoticesWritten} expiry notice(s).`,
      };
      await this.runs.finish(MOU_EXPIRY_JOB, { ...result }, manager);
      await this.audit.record(manager, actor, { action: 'run', entityType: 'job', entityId: MOU_EXPIRY_JOB, changes: { ...result } });
      return result;
    });
  }

  private async noticeExpired(manager: EntityManager, sweep: StatusSweep): Promise<number> {
    let written = 0;
    for (const target of await this.lifecycle.noticeTargets(manager, sweep.expired)) {
      const notice = expiredNotice(target);
      written += await this.notifications.notify(manager, target.recipients, notice);
      await this.mail.enqueueForUsers(manager, target.recipients, { kind: 'mou_expired', params: { ...notice.params, mouId: target.id }, entityType: 'mou', entityId: target.id, dedupeKey: notice.dedupeKey });
    }
    return written;
  }

  private async remind(manager: EntityManager, today: string): Promise<number> {
    let written = 0;
    for (const mou of await this.lifecycle.expiringWithin(manager, today, FURTHEST_REMINDER)) {
      const step = reminderStep(mou.expiryDate, today);
      if (step === null) continue;
      const notice = reminderNotice(mou, step, today);
      written += await this.notifications.notify(manager, mou.recipients, notice);
      // The same reminder by e-mail, once per recipient and step, in each recipient's language.
      await this.mail.enqueueForUsers(manager, mou.recipients, { kind: 'mou_expiring', params: { ...notice.params, mouId: mou.id }, entityType: 'mou', entityId: mou.id, dedupeKey: notice.dedupeKey });
    }
    return written;
  }
}

function emptyRun(today: string): MouExpiryRunResponse {
  return { job: MOU_EXPIRY_JOB, today, ran: false, detail: '', activated: [], superseded: [], blocked: [], expired: [], remindersWritten: 0, expiryNoticesWritten: 0 };
}
