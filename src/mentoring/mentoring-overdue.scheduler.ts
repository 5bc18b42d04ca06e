import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppLogger } from '../common/logging/logger';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { DailyJobTimer } from '../jobs/daily-job-timer';
import { MentoringOverdueJob } from './mentoring-overdue.job';

/** Runs the daily overdue-follow-up job from every replica's timer; the job's claim lets one do each day's work. */
@Injectable()
export class MentoringOverdueScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timer: DailyJobTimer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    job: MentoringOverdueJob,
    clock: Clock,
    logger: AppLogger,
  ) {
    this.timer = new DailyJobTimer('mentoring overdue', job, clock, logger);
  }

  onApplicationBootstrap(): void {
    // A little after the MoU job's first check, so the two don't start together.
    this.timer.start(this.config, 45 * 1000);
  }

  onApplicationShutdown(): void {
    this.timer.stop();
  }
}
