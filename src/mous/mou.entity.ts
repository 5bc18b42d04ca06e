import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Partnership } from '../partnerships/partnership.entity';
import type { MouStatus } from './mou-status';

/** The signed agreement behind a partnership (nota kesepahaman). */
@Entity('mous')
@Check('mous_status_check', `"status" IN ('draft', 'awaiting_signatures', 'active', 'expired', 'terminated', 'superseded')`)
@Check('mous_dates_check', `"expiry_date" > "effective_date"`)
@Check('mous_termination_check', `("status" = 'terminated') = ("terminated_on" IS NOT NULL)`)
@Index('mous_number_key', ['number'], { unique: true })
@Index('mous_renews_key', ['renewsMouId'], { unique: true, where: '"renews_mou_id" IS NOT NULL' })
@Index('mous_partnership_idx', ['partnershipId', 'effectiveDate'])
@Index('mous_expiry_idx', ['status', 'expiryDate'])
export class Mou {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnershipId: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnership_id' })
  partnership?: Partnership;

  /** The agreement's own number, e.g. "001/TU-CSR/MOU/II/2012". */
  @Column({ type: 'varchar', length: 80 })
  number: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'date' })
  expiryDate: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: MouStatus;

  @Column({ type: 'date', nullable: true })
  terminatedOn: string | null;

  @Column({ type: 'text', nullable: true })
  terminationReason: string | null;

  /** The MoU this one renews (and supersedes once it takes effect). */
  @Column({ type: 'uuid', nullable: true })
  renewsMouId: string | null;

  @ManyToOne(() => Mou, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'renews_mou_id' })
  renews?: Mou;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
