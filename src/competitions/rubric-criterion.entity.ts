import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Competition } from './competition.entity';

/** One weighted criterion of a competition's rubric; judges score it 0..max_score. */
@Entity('rubric_criteria')
@Check('rubric_criteria_weight_check', `"weight" > 0 AND "weight" <= 100`)
@Check('rubric_criteria_max_check', `"max_score" BETWEEN 1 AND 1000`)
@Index('rubric_criteria_competition_idx', ['competitionId', 'position'])
export class RubricCriterion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Percent; a rubric's weights add up to 100. */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  weight: string;

  @Column({ type: 'integer' })
  maxScore: number;

  @Column({ type: 'integer' })
  position: number;
}
