import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppLogger } from '../common/logging/logger';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { DailyJobTimer } from './daily-job-timer';
import { MailDigestJob } from './mail-digest.job';
import { MouExpiryJob } from './mou-expiry.job';

/** Runs the daily MoU and e-mail digest jobs from every replica's timer; each job's claim lets one do each day's work. */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timer: DailyJobTimer;
  private readonly digestTimer: DailyJobTimer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    job: MouExpiryJob,
    digest: MailDigestJob,
    clock: Clock,
    logger: AppLogger,
  ) {
    this.timer = new DailyJobTimer('MoU', job, clock, logger);
    this.digestTimer = new DailyJobTimer('e-mail digest', digest, clock, logger);
  }

  onApplicationBootstrap(): void {
    this.timer.start(this.config, 30 * 1000);
    // After the MoU job's first check, so that day's reminders kept for digests are listed the same day.
    this.digestTimer.start(this.config, 90 * 1000);
  }

  onApplicationShutdown(): void {
    this.timer.stop();
    this.digestTimer.stop();
  }
}
