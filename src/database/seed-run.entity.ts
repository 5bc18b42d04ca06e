import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which data sets (the demo reference case) were loaded into this database, once each. */
@Entity('seed_runs')
export class SeedRun {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  ranAt: Date;
}
