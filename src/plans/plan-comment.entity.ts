import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Plan } from './plan.entity';

/** A review comment on a plan: general, or on one field (a JSON path); replies thread under it. */
@Entity('plan_comments')
@Index('plan_comments_plan_idx', ['planId', 'createdAt', 'id'])
export class PlanComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Plan;

  /** The submitted version it was written on, if any. */
  @Column({ type: 'integer', nullable: true })
  versionNumber: number | null;

  /** e.g. "programs[0].activities[1].name"; null for a general comment. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  fieldPath: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => PlanComment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: PlanComment;

  @Column({ type: 'uuid' })
  authorUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
