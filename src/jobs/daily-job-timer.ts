import type { Clock } from '../common/clock';
import type { AppLogger } from '../common/logging/logger';
import type { AppConfig } from '../config/env';

/** How often each replica checks whether today's run of a daily job is still to do. */
export const JOB_CHECK_INTERVAL_MS = 15 * 60 * 1000;

/** The timers run when JOBS_ENABLED is on, and never in tests (they run the jobs themselves). */
export function schedulerEnabled(config: Pick<AppConfig, 'jobsEnabled' | 'nodeEnv'>): boolean {
  return config.jobsEnabled && config.nodeEnv !== 'test';
}

/** A job that claims each day in the database, so among replicas exactly one does the day's work. */
export interface DailyJob {
  run(today: string): Promise<{ ran: boolean }>;
}

/**
 * The timer of one daily job in one replica: a first check shortly after start-up (so a day
 * missed while nothing ran is caught up), then every 15 minutes. A check still running when the
 * next is due is not doubled; the timers are unref'd so they never keep a stopping process alive.
 */
export class DailyJobTimer {
  private readonly timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    private readonly label: string,
    private readonly job: DailyJob,
    private readonly clock: Clock,
    private readonly logger: AppLogger,
  ) {}

  /** Starts checking, unless the configuration turns jobs off. */
  start(config: Pick<AppConfig, 'jobsEnabled' | 'nodeEnv'>, firstCheckDelayMs: number): void {
    if (!schedulerEnabled(config)) return;
    this.timers.push(setTimeout(() => void this.tick(), firstCheckDelayMs).unref());
    this.timers.push(setInterval(() => void this.tick(), JOB_CHECK_INTERVAL_MS).unref());
  }

  /** Stops checking. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const result = await this.job.run(this.clock.today());
      if (result.ran) this.logger.info({ msg: `daily ${this.label} job done`, ...result });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      this.logger.error({ msg: `daily ${this.label} job failed; it is retried at the next check`, error: e.message }, e.stack);
    } finally {
      this.running = false;
    }
  }
}
