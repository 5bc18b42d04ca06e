import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { Organization } from '../organizations/organization.entity';
import { partnershipScope } from '../partnerships/partnership-scope';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
import type { FacilityCategory, FacilityCondition } from './facility-catalogue';
import { FacilityConditionCheck } from './facility-condition-check.entity';
import { FacilityItem } from './facility-item.entity';

/** An item as read: its year, program, company, school and who recorded the handover. */
export interface FacilityItemRow {
  id: string;
  partnershipId: string;
  programYearId: string;
  year: number;
  programId: string;
  programName: string;
  companyId: string;
  companyName: string;
  schoolId: string;
  schoolName: string;
  category: FacilityCategory;
  itemName: string;
  quantity: number;
  unit: string;
  value: string;
  supplier: string | null;
  deliveredOn: string | null;
  note: string | null;
  handoverNumber: string | null;
  handedOverOn: string | null;
  receivedBy: string | null;
  handoverDocumentId: string | null;
  handedOverByName: string | null;
  lastCheckedOn: string | null;
  lastCondition: FacilityCondition | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** created_at in ISO form at full (microsecond) precision, for the page cursor. */
  cursorCreatedAt: string;
}

/** A condition check as read, with who checked. */
export interface ConditionCheckRow {
  id: string;
  condition: FacilityCondition;
  checkedOn: string;
  note: string | null;
  photoDocumentId: string | null;
  checkedByName: string | null;
  createdAt: Date;
}

/** The partnership an item is recorded for, as the giving company sees it. */
export interface OwnPartnership {
  id: string;
  programId: string;
  companyId: string;
  schoolId: string;
}

/**
 * Reads and writes facility items and their condition checks, always inside the caller's scope: an
 * item is visible when its partnership is (partnershipScope).
 */
@Injectable()
export class FacilitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private itemQuery(manager: EntityManager): SelectQueryBuilder<FacilityItem> {
    return manager
      .createQueryBuilder()
      .select('fi.id', 'id')
      .addSelect('fi.partnership_id', 'partnershipId')
      .addSelect('fi.program_year_id', 'programYearId')
      .addSelect('y.year', 'year')
      .addSelect('y.program_id', 'programId')
      .addSelect('pr.name', 'programName')
      .addSelect('fi.company_id', 'companyId')
      .addSelect('c.name', 'companyName')
      .addSelect('fi.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('fi.category', 'category')
      .addSelect('fi.item_name', 'itemName')
      .addSelect('fi.quantity', 'quantity')
      .addSelect('fi.unit', 'unit')
      .addSelect('CAST(fi.value AS text)', 'value')
      .addSelect('fi.supplier', 'supplier')
      // Dates as text: the driver would turn a date into a local-midnight Date.
      .addSelect('CAST(fi.delivered_on AS text)', 'deliveredOn')
      .addSelect('fi.note', 'note')
      .addSelect('fi.handover_number', 'handoverNumber')
      .addSelect('CAST(fi.handed_over_on AS text)', 'handedOverOn')
      .addSelect('fi.received_by', 'receivedBy')
      .addSelect('fi.handover_document_id', 'handoverDocumentId')
      .addSelect('hu.full_name', 'handedOverByName')
      .addSelect('CAST(fi.last_checked_on AS text)', 'lastCheckedOn')
      .addSelect('fi.last_condition', 'lastCondition')
      .addSelect('fi.version', 'version')
      .addSelect('fi.created_at', 'createdAt')
      .addSelect('fi.updated_at', 'updatedAt')
      .addSelect(`to_char(fi.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursorCreatedAt')
      .from(FacilityItem, 'fi')
      .innerJoin(Partnership, 'p', 'p.id = fi.partnership_id')
      .innerJoin(ProgramYear, 'y', 'y.id = fi.program_year_id')
      .innerJoin(Program, 'pr', 'pr.id = y.program_id')
      .innerJoin(Organization, 'c', 'c.id = fi.company_id')
      .innerJoin(Organization, 's', 's.id = fi.school_id')
      .leftJoin(User, 'hu', 'hu.id = fi.handed_over_by_user_id') as SelectQueryBuilder<FacilityItem>;
  }

  /** An item the caller may see; null for missing and not-yours alike. With `lock`, the row stays locked until the transaction ends. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<FacilityItemRow | null> {
    const qb = this.itemQuery(manager).where('fi.id = :id', { id });
    const scope = partnershipScope(actor, 'p');
    qb.andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write', undefined, ['fi']);
    return (await qb.getRawOne<FacilityItemRow>()) ?? null;
  }

  /** A page of the items the caller may see, newest first, in one query (limit + 1 rows). */
  listPage(
    actor: Actor,
    filter: { partnershipId?: string; schoolId?: string; programYearId?: string; category?: FacilityCategory; status?: 'awaiting_handover' | 'handed_over'; after: [string, string] | null },
    limit: number,
  ): Promise<FacilityItemRow[]> {
    const qb = this.itemQuery(this.dataSource.manager);
    const scope = partnershipScope(actor, 'p');
    qb.where(scope.sql, scope.params);
    if (filter.partnershipId) qb.andWhere('fi.partnership_id = :partnershipId', { partnershipId: filter.partnershipId });
    if (filter.schoolId) qb.andWhere('fi.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.programYearId) qb.andWhere('fi.program_year_id = :programYearId', { programYearId: filter.programYearId });
    if (filter.category) qb.andWhere('fi.category = :category', { category: filter.category });
    if (filter.status === 'handed_over') qb.andWhere('fi.handed_over_on IS NOT NULL');
    if (filter.status === 'awaiting_handover') qb.andWhere('fi.handed_over_on IS NULL');
    if (filter.after) {
      qb.andWhere('(fi.created_at, fi.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: filter.after[0], afterId: filter.after[1] });
    }
    return qb.orderBy('fi.created_at', 'DESC').addOrderBy('fi.id', 'DESC').limit(limit + 1).getRawMany<FacilityItemRow>();
  }

  /** A partnership of the company; null when it is not the company's. */
  async findCompanyPartnership(companyId: string, partnershipId: string, manager: EntityManager): Promise<OwnPartnership | null> {
    const [row] = (await manager.query(
      `SELECT p.id, p.program_id AS "programId", p.company_id AS "companyId", p.school_id AS "schoolId" FROM partnerships p WHERE p.id = $1 AND p.company_id = $2`,
      [partnershipId, companyId],
    )) as OwnPartnership[];
    return row ?? null;
  }

  /** Whether a program year belongs to the program. */
  async yearOfProgram(programId: string, programYearId: string, manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query('SELECT EXISTS (SELECT 1 FROM program_years WHERE id = $1 AND program_id = $2) AS found', [programYearId, programId])) as Array<{ found: boolean }>;
    return row.found;
  }

  /** Inserts an item and returns its id. */
  async insertItem(fields: QueryDeepPartialEntity<FacilityItem>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(FacilityItem, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Changes a locked item's fields and bumps its version. */
  async updateItem(id: string, changes: QueryDeepPartialEntity<FacilityItem>, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(FacilityItem)
      .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<FacilityItem>)
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Inserts a condition check and moves the item's last check forward when the check is its latest
   * by date (a check entered late for an earlier day leaves the last check as it is).
   */
  async insertCheck(fields: QueryDeepPartialEntity<FacilityConditionCheck> & { itemId: string; checkedOn: string; condition: FacilityCondition }, manager: EntityManager): Promise<string> {
    const result = await manager.insert(FacilityConditionCheck, fields);
    await manager.query(
      `UPDATE facility_items SET last_checked_on = $2, last_condition = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND (last_checked_on IS NULL OR last_checked_on <= $2)`,
      [fields.itemId, fields.checkedOn, fields.condition],
    );
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Every condition check of an item, newest first (by the day checked, then by when it was recorded). */
  checks(itemId: string, manager: EntityManager = this.dataSource.manager): Promise<ConditionCheckRow[]> {
    return manager.query(
      `SELECT k.id, k.condition, CAST(k.checked_on AS text) AS "checkedOn", k.note, k.photo_document_id AS "photoDocumentId",
              u.full_name AS "checkedByName", k.created_at AS "createdAt"
         FROM facility_condition_checks k LEFT JOIN users u ON u.id = k.checked_by_user_id
        WHERE k.item_id = $1
        ORDER BY k.checked_on DESC, k.created_at DESC, k.id DESC`,
      [itemId],
    ) as Promise<ConditionCheckRow[]>;
  }

  /** Whether a document is the item's handover scan or the photo of one of its checks. */
  async ownsDocument(itemId: string, documentId: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM facility_items WHERE id = $1 AND handover_document_id = $2)
           OR EXISTS (SELECT 1 FROM facility_condition_checks WHERE item_id = $1 AND photo_document_id = $2) AS found`,
      [itemId, documentId],
    )) as Array<{ found: boolean }>;
    return row.found;
  }
}
