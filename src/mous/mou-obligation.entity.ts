import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { MouAmendment } from './mou-amendment.entity';
import { Mou } from './mou.entity';

/** One obligation of a party under an MoU (or added by an amendment). */
@Entity('mou_obligations')
@Index('mou_obligations_mou_idx', ['mouId', 'position'])
export class MouObligation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mouId: string;

  @ManyToOne(() => Mou, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mou_id' })
  mou?: Mou;

  @Column({ type: 'uuid', nullable: true })
  amendmentId: string | null;

  @ManyToOne(() => MouAmendment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'amendment_id' })
  amendment?: MouAmendment;

  /** The party that owes it. */
  @Column({ type: 'uuid' })
  ownerOrganizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_organization_id' })
  owner?: Organization;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'integer' })
  position: number;
}
