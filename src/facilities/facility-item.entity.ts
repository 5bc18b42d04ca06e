import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Document } from '../documents/document.entity';
import { Organization } from '../organizations/organization.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { User } from '../users/user.entity';
import type { FacilityCategory, FacilityCondition } from './facility-catalogue';

/**
 * One item of in-kind facilities support (sarana prasarana) a company gives a partner school in a
 * program year, with its handover (berita acara serah terima) once it is handed over. Only a
 * handed-over item counts as delivered. The last condition check is kept on the row (written with
 * each check), so lists and reports read the overdue flag without reading every check.
 */
@Entity('facility_items')
@Check('facility_items_category_check', `"category" IN ('library', 'sanitation_handwashing', 'school_health_unit', 'classroom_furniture', 'ict', 'learning_media', 'building_repair', 'other')`)
@Check('facility_items_quantity_check', `"quantity" > 0`)
@Check('facility_items_value_check', `"value" >= 0`)
@Check(
  'facility_items_handover_check',
  `("handover_number" IS NULL AND "handed_over_on" IS NULL AND "received_by" IS NULL AND "handover_document_id" IS NULL) OR ("handover_number" IS NOT NULL AND "handed_over_on" IS NOT NULL AND "received_by" IS NOT NULL)`,
)
@Check('facility_items_last_condition_check', `"last_condition" IS NULL OR "last_condition" IN ('good', 'minor_repair', 'major_repair', 'out_of_use', 'lost')`)
@Index('facility_items_partnership_idx', ['partnershipId', 'createdAt', 'id'])
@Index('facility_items_company_idx', ['companyId', 'createdAt', 'id'])
@Index('facility_items_school_idx', ['schoolId', 'createdAt', 'id'])
@Index('facility_items_program_year_idx', ['programYearId'])
export class FacilityItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  partnershipId: string;

  @ManyToOne(() => Partnership, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partnership_id' })
  partnership?: Partnership;

  @Column({ type: 'uuid' })
  programYearId: string;

  @ManyToOne(() => ProgramYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'program_year_id' })
  programYear?: ProgramYear;

  /** The giving company and the school, copied from the partnership for scope checks without joins. */
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Organization;

  @Column({ type: 'uuid' })
  schoolId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: Organization;

  @Column({ type: 'varchar', length: 30 })
  category: FacilityCategory;

  @Column({ type: 'varchar', length: 200 })
  itemName: string;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ type: 'varchar', length: 40 })
  unit: string;

  /** The value of the whole line (all units), whole rupiah. */
  @Column({ type: 'bigint' })
  value: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  supplier: string | null;

  @Column({ type: 'date', nullable: true })
  deliveredOn: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  handoverNumber: string | null;

  @Column({ type: 'date', nullable: true })
  handedOverOn: string | null;

  /** Who signed for the school (the principal's name as written on the berita acara). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  receivedBy: string | null;

  /**
   * The signed scan of the berita acara. Every handover recorded through the API carries one; a
   * handover taken over from the paper archive (the demo's early years) may have none.
   */
  @Column({ type: 'uuid', nullable: true })
  handoverDocumentId: string | null;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handover_document_id' })
  handoverDocument?: Document;

  @Column({ type: 'uuid', nullable: true })
  handedOverByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handed_over_by_user_id' })
  handedOverBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  handedOverAt: Date | null;

  /** The latest condition check's date and condition (by check date). */
  @Column({ type: 'date', nullable: true })
  lastCheckedOn: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  lastCondition: FacilityCondition | null;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: User;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
