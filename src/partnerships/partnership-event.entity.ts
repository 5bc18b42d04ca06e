import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Partnership } from './partnership.entity';
import type { PartnershipStatus } from './partnership-status';

/** One status change of a partnership, dated, with its reason: the timeline reads these. */
@Entity('partnership_events')
@Index('partnership_events_partnership_idx', ['partnershipId', 'occurredOn', 'id'])
export class PartnershipEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnershipId: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnership_id' })
  partnership?: Partnership;

  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStatus: PartnershipStatus | null;

  @Column({ type: 'varchar', length: 12 })
  toStatus: PartnershipStatus;

  @Column({ type: 'date' })
  occurredOn: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  byUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
