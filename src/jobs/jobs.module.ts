import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { MousModule } from '../mous/mous.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { JobRunsRepository } from './job-runs.repository';
import { JobScheduler } from './job-scheduler';
import { JobsController } from './jobs.controller';
import { MailDigestJob } from './mail-digest.job';
import { MouExpiryJob } from './mou-expiry.job';

@Module({
  imports: [MousModule, NotificationsModule, MailModule],
  controllers: [JobsController],
  providers: [JobRunsRepository, MouExpiryJob, MailDigestJob, JobScheduler],
  exports: [MouExpiryJob],
})
export class JobsModule {}
