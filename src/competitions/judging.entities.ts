import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { CompetitionEntry } from './competition-entry.entity';
import { Competition } from './competition.entity';
import { RubricCriterion } from './rubric-criterion.entity';

/** A user with the judge role on a competition's panel. */
@Entity('competition_judges')
@Index('competition_judges_key', ['competitionId', 'judgeUserId'], { unique: true })
export class CompetitionJudge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  judgeUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_user_id' })
  judge?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A judge assigned to score one entry. */
@Entity('judge_assignments')
@Index('judge_assignments_key', ['entryId', 'judgeUserId'], { unique: true })
@Index('judge_assignments_judge_idx', ['competitionId', 'judgeUserId'])
export class JudgeAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  competitionId: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => CompetitionEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: CompetitionEntry;

  @Column({ type: 'uuid' })
  judgeUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'judge_user_id' })
  judge?: User;

  @Column({ type: 'uuid' })
  assignedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A conflict of interest a judge declared for a school; it removes and blocks assignments. */
@Entity('conflict_declarations')
@Index('conflict_declarations_key', ['competitionId', 'judgeUserId', 'schoolId'], { unique: true })
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  competitionId: string;

  @ManyToOne(() => Competition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competition_id' })
  competition?: Competition;

  @Column({ type: 'uuid' })
  judgeUserId: string;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt: Date;
}

/** A judge's score of one criterion for one entry. */
@Entity('entry_scores')
@Check('entry_scores_score_check', `"score" >= 0`)
@Index('entry_scores_key', ['entryId', 'judgeUserId', 'criterionId'], { unique: true })
export class EntryScore {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => CompetitionEntry, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entry_id' })
  entry?: CompetitionEntry;

  @Column({ type: 'uuid' })
  judgeUserId: string;

  @Column({ type: 'uuid' })
  criterionId: string;

  @ManyToOne(() => RubricCriterion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: RubricCriterion;

  @Column({ type: 'integer' })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The frozen result of an entry, written when results are published. */
@Entity('competition_results')
@Index('competition_results_entry_key', ['entryId'], { unique: true })
@Index('competition_results_rank_idx', ['competitionId', 'categoryId', 'rank'])
export class CompetitionResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  competitionId: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => CompetitionEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entry_id' })
  entry?: CompetitionEntry;

  @Column({ type: 'uuid' })
  schoolId: string;

  @Column({ type: 'integer' })
  rank: number;

  /** winner, runner_up, special_mention, or null. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  award: string | null;

  @Column({ type: 'numeric', precision: 8, scale: 3 })
  meanScore: string;

  @Column({ type: 'numeric', precision: 8, scale: 3 })
  medianScore: string;

  @Column({ type: 'numeric', precision: 8, scale: 4 })
  normalizedScore: string;

  @Column({ type: 'integer' })
  judgeCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
