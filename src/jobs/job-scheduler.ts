import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppLogger } from '../common/logging/logger';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { DailyJobTimer } from './daily-job-timer';
import { MouExpiryJob } from './mou-expiry.job';

/** Runs the daily MoU job from every replica's timer; the job's claim lets one do each day's work. */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timer: DailyJobTimer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    job: MouExpiryJob,
    clock: Clock,
    logger: AppLogger,
  ) {
    this.timer = new DailyJobTimer('MoU', job, clock, logger);
  }

  onApplicationBootstrap(): void {
    this.timer.start(this.config, 30 * 1000);
  }

  onApplicationShutdown(): void {
    this.timer.stop();
  }
}
