import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/logging/json-logger';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { JOB_CHECK_INTERVAL_MS, schedulerEnabled } from '../jobs/job-scheduler';
import { MentoringOverdueJob } from './mentoring-overdue.job';

/** The first check, shortly after start-up (so a day missed while nothing ran is caught up). */
const FIRST_CHECK_DELAY_MS = 45 * 1000;

/**
 * Checks every 15 minutes (like the MoU job's timer) whether today's overdue-follow-up run is still
 * to do, and does it. The jobs module's scheduler drives only the MoU job and has no registry, so
 * this job has its own timer with the same rules: on when JOBS_ENABLED, never in tests, unref'd.
 */
@Injectable()
export class MentoringOverdueScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly job: MentoringOverdueJob,
    private readonly clock: Clock,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (!schedulerEnabled(this.config)) return;
    this.timers.push(setTimeout(() => void this.tick(), FIRST_CHECK_DELAY_MS).unref());
    this.timers.push(setInterval(() => void this.tick(), JOB_CHECK_INTERVAL_MS).unref());
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
  }

  /** One check; a check still running when the next is due is not doubled. */
  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const result = await this.job.run(this.clock.today());
      if (result.ran) this.logger.info({ msg: 'daily mentoring overdue job done', ...result });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      this.logger.error({ msg: 'daily mentoring overdue job failed; it is retried at the next check', error: e.message }, e.stack);
    } finally {
      this.running = false;
    }
  }
}
