import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { JobRunsRepository } from '../jobs/job-runs.repository';
import { MailModule } from '../mail/mail.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ActionsController } from './actions.controller';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentsService } from './assignments.service';
import { MentoringJobsController } from './mentoring-jobs.controller';
import { MentoringOverdueJob } from './mentoring-overdue.job';
import { MentoringOverdueScheduler } from './mentoring-overdue.scheduler';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/**
 * Facilitator mentoring: assignments, sessions with the principal's confirmation, follow-up actions
 * and the daily overdue notices. JobRunsRepository (stateless; the jobs module does not export it)
 * gives the overdue job the same day claim as the MoU job.
 */
@Module({
  imports: [DocumentsModule, IdempotencyModule, NotificationsModule, MailModule],
  controllers: [AssignmentsController, SessionsController, ActionsController, MentoringJobsController],
  providers: [
    AssignmentsService,
    AssignmentsRepository,
    SessionsService,
    SessionsRepository,
    ActionsService,
    ActionsRepository,
    JobRunsRepository,
    MentoringOverdueJob,
    MentoringOverdueScheduler,
  ],
  exports: [AssignmentsService, MentoringOverdueJob],
})
export class MentoringModule {}
