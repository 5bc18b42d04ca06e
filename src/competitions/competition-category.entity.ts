import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Competition } from './competition.entity';

/** A category of a competition, e.g. "Literacy innovation". */
@Entity('competition_categories')
@Index('competition_categories_name_key', ['competitionId', 'name'], { unique: true })
export class CompetitionCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'integer' })
  position: number;
}
