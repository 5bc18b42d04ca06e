import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobRun } from './job-run.entity';

/** The `job_runs` rows through which replicas agree on who does each day's run of a daily job. */
@Injectable()
export class JobRunsRepository {
  /**
   * Claims `today` for a job: makes sure its row exists, then moves its last run day to `today`
   * only if it is earlier. Among concurrent callers exactly one gets true: the others wait on the
   * row (or on its first insert) until the claimer's transaction ends and then see the day taken.
   * If the claimer's transaction rolls back, the day is free again.
   */
  async claim(name: string, today: string, manager: EntityManager): Promise<boolean> {
    await manager.query('INSERT INTO job_runs (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
    const claimed = (await manager.query(
      `UPDATE job_runs SET last_run_on = $2, started_at = now(), finished_at = NULL
        WHERE name = $1 AND (last_run_on IS NULL OR last_run_on < CAST($2 AS date))
        RETURNING name`,
      [name, today],
    )) as [Array<{ name: string }>, number];
    // TypeORM's postgres driver answers an UPDATE ... RETURNING with [rows, affected].
    return claimed[1] > 0;
  }

  /** Records the outcome of the claimed run. */
  async finish(name: string, result: Record<string, unknown>, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE job_runs SET finished_at = now(), last_result = $2 WHERE name = $1', [name, JSON.stringify(result)]);
  }

  /** The job's row: its last run day and result. */
  find(name: string, manager: EntityManager): Promise<JobRun | null> {
    return manager.findOne(JobRun, { where: { name } });
  }
}
