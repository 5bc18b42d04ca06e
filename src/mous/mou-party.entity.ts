import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../organizations/organization.entity';
import { Mou } from './mou.entity';
import type { MouPartyRole } from './mou-status';

/** An organisation that is party to an MoU, and whether its signature is required. */
@Entity('mou_parties')
@Check('mou_parties_role_check', `"role" IN ('first_party', 'second_party', 'witness', 'supporting')`)
@Index('mou_parties_mou_org_key', ['mouId', 'organizationId'], { unique: true })
@Index('mou_parties_organization_idx', ['organizationId'])
export class MouParty {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  mouId: string;

  @ManyToOne(() => Mou, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mou_id' })
  mou?: Mou;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 20 })
  role: MouPartyRole;

  @Column({ type: 'boolean', default: true })
  signatureRequired: boolean;
}
