import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JsonLogger } from '../common/logging/json-logger';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { MouExpiryJob } from './mou-expiry.job';

/** How often each replica checks whether today's run is still to do. */
export const JOB_CHECK_INTERVAL_MS = 15 * 60 * 1000;
/** The first check, shortly after start-up (so a day missed while nothing ran is caught up). */
const FIRST_CHECK_DELAY_MS = 30 * 1000;

/** The timer runs when JOBS_ENABLED is on, and never in tests (they run the job themselves). */
export function schedulerEnabled(config: Pick<AppConfig, 'jobsEnabled' | 'nodeEnv'>): boolean {
  return config.jobsEnabled && config.nodeEnv !== 'test';
}

/**
 * Checks every 15 minutes whether today's (UTC) daily MoU job is still to do, and does it. Every
 * replica has this timer; the job's claim in the database lets exactly one do each day's work.
 * The timers are unref'd, so they never keep a stopping process alive.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly job: MouExpiryJob,
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
      if (result.ran) this.logger.info({ msg: 'daily MoU job done', ...result });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      this.logger.error({ msg: 'daily MoU job failed; it is retried at the next check', error: e.message }, e.stack);
    } finally {
      this.running = false;
    }
  }
}
