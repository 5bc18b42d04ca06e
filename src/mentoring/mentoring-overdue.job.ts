import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuditActor } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { JobRunsRepository } from '../jobs/job-runs.repository';
import { MailService } from '../mail/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ActionsRepository, OverdueRow } from './actions.repository';
import { MentoringOverdueRunResponse } from './dto/overdue-run.response';

/** The job's name in `job_runs`. */
export const MENTORING_OVERDUE_JOB = 'mentoring-overdue';

/** The notification kind of an overdue follow-up. */
export const ACTION_OVERDUE_KIND = 'action_overdue';

/** The in-app notice of one overdue follow-up, in both languages. */
export function overdueNotice(a: OverdueRow) {
  const short = a.description.length > 80 ? `${a.description.slice(0, 77)}...` : a.description;
  return {
    kind: ACTION_OVERDUE_KIND,
    title: `Follow-up overdue since ${a.dueDate}: ${short}`.slice(0, 200),
    body:
      `The follow-up "${a.description}" from the mentoring at ${a.schoolName} (facilitator ${a.facilitatorName}) was due on ${a.dueDate} and is still open. ` +
      `Mark it done, or ask the facilitator to move its due date or drop it. ` +
      `— Tindak lanjut "${a.description}" dari pendampingan di ${a.schoolName} jatuh tempo pada ${a.dueDate} dan masih terbuka. Tandai selesai, atau minta fasilitator mengubah tenggat atau membatalkannya.`,
    entityType: 'mentoring_action',
    entityId: a.id,
    params: { description: a.description, schoolName: a.schoolName, facilitatorName: a.facilitatorName, dueDate: a.dueDate },
    // Once per action and due date: moving the due date starts a new notice.
    dedupeKey: `${ACTION_OVERDUE_KIND}:${a.id}:${a.dueDate}`,
  };
}

/**
 * The daily overdue-follow-up job: every open follow-up past its due date (in a year that is not
 * closed) is notified to its owner: the named owner user, otherwise the assignment's facilitator
 * (facilitator side) or the school's principals (school side).
 *
 * Safe with any number of replicas: the run first claims the day in `job_runs` (the jobs module's
 * claim) and does its work in the same transaction, so one replica works each day; notices carry
 * a dedupe key per action and due date, so even a repeated run writes each notice once.
 */
@Injectable()
export class MentoringOverdueJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: JobRunsRepository,
    private readonly actions: ActionsRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mail: MailService,
  ) {}

  /** Runs the job for today's date now (the admin endpoint); `by` is recorded as the actor. */
  runNow(by: Actor): Promise<MentoringOverdueRunResponse> {
    return this.run(this.clock.today(), by);
  }

  /** Runs the job for `today` (YYYY-MM-DD, UTC) unless that day was already claimed. */
  run(today: string, by?: Actor): Promise<MentoringOverdueRunResponse> {
    return this.dataSource.transaction(async (manager) => {
      const empty = { job: MENTORING_OVERDUE_JOB, today, overdueActions: 0, notificationsWritten: 0 };
      if (!(await this.runs.claim(MENTORING_OVERDUE_JOB, today, manager))) {
        const row = await this.runs.find(MENTORING_OVERDUE_JOB, manager);
        const finished = row?.finishedAt ? ` (finished ${row.finishedAt.toISOString()})` : '';
        return { ...empty, ran: false, detail: `Already done for ${row?.lastRunOn ?? today}${finished}; nothing was done. The next run is for the next day.` };
      }
      const actor: Actor | AuditActor = by ?? { userId: null, organizationId: null, requestId: `job:${MENTORING_OVERDUE_JOB}:${today}` };
      const overdue = await this.actions.overdue(today, manager);
      let written = 0;
      const sessionOf = await this.sessionsOf(overdue, manager);
      for (const a of overdue) {
        const notice = overdueNotice(a);
        written += await this.notifications.notify(manager, a.recipients, notice);
        // The same notice by e-mail to the same owner, once per action and due date.
        await this.mail.enqueueForUsers(manager, a.recipients, {
          kind: 'follow_up_overdue',
          params: { ...notice.params, sessionId: sessionOf.get(a.id) ?? '' },
          entityType: 'mentoring_action',
          entityId: a.id,
          dedupeKey: notice.dedupeKey,
        });
      }
      const result: MentoringOverdueRunResponse = {
        ...empty,
        ran: true,
        overdueActions: overdue.length,
        notificationsWritten: written,
        detail: `Found ${overdue.length} overdue follow-up(s); wrote ${written} notification(s).`,
      };
      await this.runs.finish(MENTORING_OVERDUE_JOB, { ...result }, manager);
      await this.audit.record(manager, actor, { action: 'run', entityType: 'job', entityId: MENTORING_OVERDUE_JOB, changes: { ...result } });
      return result;
    });
  }

  /** The session each overdue follow-up came from: its e-mail links there. */
  private async sessionsOf(overdue: readonly OverdueRow[], manager: EntityManager): Promise<Map<string, string>> {
    if (overdue.length === 0) return new Map();
    const rows = (await manager.query(`SELECT id, session_id FROM mentoring_actions WHERE id = ANY($1::uuid[])`, [overdue.map((a) => a.id)])) as Array<{ id: string; session_id: string }>;
    return new Map(rows.map((r) => [r.id, r.session_id]));
  }
}
