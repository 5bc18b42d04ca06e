import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { MouAmendment } from './mou-amendment.entity';
import { Mou } from './mou.entity';

/** A party's signature on an MoU, or on one of its amendments: who, when, from which request. */
@Entity('mou_signatures')
@Index('mou_signatures_mou_key', ['mouId', 'organizationId'], { unique: true, where: '"amendment_id" IS NULL' })
@Index('mou_signatures_amendment_key', ['amendmentId', 'organizationId'], { unique: true, where: '"amendment_id" IS NOT NULL' })
export class MouSignature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mouId: string;

  @ManyToOne(() => Mou, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mou_id' })
  mou?: Mou;

  @Column({ type: 'uuid', nullable: true })
  amendmentId: string | null;

  @ManyToOne(() => MouAmendment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'amendment_id' })
  amendment?: MouAmendment;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'uuid' })
  signedByUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signed_by_user_id' })
  signedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  signedAt: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
