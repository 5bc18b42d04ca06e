import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Mou } from './mou.entity';

/** A numbered change to a signed MoU's terms, with its own signatures. */
@Entity('mou_amendments')
@Check('mou_amendments_status_check', `"status" IN ('awaiting_signatures', 'active')`)
@Index('mou_amendments_number_key', ['mouId', 'number'], { unique: true })
export class MouAmendment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mouId: string;

  @ManyToOne(() => Mou, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mou_id' })
  mou?: Mou;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  summary: string;

  /** A new expiry date, when the amendment extends or shortens the MoU. */
  @Column({ type: 'date', nullable: true })
  newExpiryDate: string | null;

  @Column({ type: 'varchar', length: 20, default: 'awaiting_signatures' })
  status: 'awaiting_signatures' | 'active';

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
