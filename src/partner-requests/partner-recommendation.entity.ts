import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { PartnerRequest } from './partner-request.entity';
import type { RecommendationDecision } from './partner-request-status';

/** One school an education office recommends in answer to a request, with its rank and rationale. */
@Entity('partner_recommendations')
@Check('partner_recommendations_decision_check', `"decision" IN ('pending', 'accepted', 'declined')`)
@Check('partner_recommendations_decline_reason_check', `"decision" <> 'declined' OR "decision_reason" IS NOT NULL`)
@Check('partner_recommendations_rank_check', `"rank" >= 1`)
@Index('partner_recommendations_school_key', ['requestId', 'schoolId'], { unique: true })
@Index('partner_recommendations_rank_key', ['requestId', 'rank'], { unique: true })
@Index('partner_recommendations_school_idx', ['schoolId', 'decision'])
export class PartnerRecommendation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => PartnerRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: PartnerRequest;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  decision: RecommendationDecision;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid' })
  recommendedByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
