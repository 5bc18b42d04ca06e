import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last day a daily job ran. A replica claims a day with a guarded UPDATE, so among several
 * replicas exactly one does each day's work.
 */
@Entity('job_runs')
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'date', nullable: true })
  lastRunOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  lastResult: Record<string, unknown> | null;
}
