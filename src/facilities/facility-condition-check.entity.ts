import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Document } from '../documents/document.entity';
import { User } from '../users/user.entity';
import type { FacilityCondition } from './facility-catalogue';
import { FacilityItem } from './facility-item.entity';

/** One condition check of a handed-over item by its school: what was found, when, with a note and a photo. */
@Entity('facility_condition_checks')
@Check('facility_condition_checks_condition_check', `"condition" IN ('good', 'minor_repair', 'major_repair', 'out_of_use', 'lost')`)
@Index('facility_condition_checks_item_idx', ['itemId', 'checkedOn', 'createdAt'])
export class FacilityConditionCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  itemId: string;

  @ManyToOne(() => FacilityItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: FacilityItem;

  @Column({ type: 'varchar', length: 20 })
  condition: FacilityCondition;

  @Column({ type: 'date' })
  checkedOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  photoDocumentId: string | null;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'photo_document_id' })
  photoDocument?: Document;

  @Column({ type: 'uuid' })
  checkedByUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checked_by_user_id' })
  checkedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
