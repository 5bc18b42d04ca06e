import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import type { OrganizationType } from '../organizations/organization-type';
import { Organization } from '../organizations/organization.entity';
import { partnershipScope } from '../partnerships/partnership-scope';
import { Partnership } from '../partnerships/partnership.entity';
import type { PartnershipStatus } from '../partnerships/partnership-status';
import { User } from '../users/user.entity';
import { MouAmendment } from './mou-amendment.entity';
import { MouObligation } from './mou-obligation.entity';
import { MouParty } from './mou-party.entity';
import { MouSignature } from './mou-signature.entity';
import type { MouAmendmentStatus, MouPartyRole, MouPeriod, MouStatus } from './mou-status';
import { Mou } from './mou.entity';

/** created_at with its microseconds, so a cursor on it is exact. */
const CREATED_CURSOR = `to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** An MoU as read, with its partnership's parties and the renewal links. Dates are YYYY-MM-DD. */
export interface MouRow {
  id: string;
  partnershipId: string;
  programId: string;
  companyId: string;
  companyName: string;
  schoolId: string;
  schoolName: string;
  number: string;
  title: string;
  scope: string;
  effectiveDate: string;
  expiryDate: string;
  status: MouStatus;
  terminatedOn: string | null;
  terminationReason: string | null;
  renewsMouId: string | null;
  renewedByMouId: string | null;
  createdByUserId: string;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  cursorCreatedAt: string;
}

/** What the rules need to know about a partnership. */
export interface PartnershipFacts {
  id: string;
  programId: string;
  companyId: string;
  schoolId: string;
  status: PartnershipStatus;
  schoolRegionCode: string | null;
}

/** What the party rules need to know about an organisation. */
export interface OrganizationFacts {
  id: string;
  type: OrganizationType;
  name: string;
  regionCode: string | null;
  archived: boolean;
}

/** A party to write. */
export interface PartyFields {
  organizationId: string;
  role: MouPartyRole;
  signatureRequired: boolean;
}

/** An obligation to write. */
export interface ObligationFields {
  ownerOrganizationId: string;
  text: string;
  dueDate: string | null;
}

/** A party as read, with its signature of the MoU itself. */
export interface PartyRow {
  organizationId: string;
  organizationName: string;
  organizationType: OrganizationType;
  role: MouPartyRole;
  signatureRequired: boolean;
  signedByUserId: string | null;
  signedByName: string | null;
  signedAt: Date | null;
  requestId: string | null;
}

/** An obligation as read, with its owner's name and the amendment that added it. */
export interface ObligationRow {
  id: string;
  ownerOrganizationId: string;
  ownerName: string;
  text: string;
  dueDate: string | null;
  amendmentId: string | null;
  amendmentNumber: number | null;
  amendmentStatus: MouAmendmentStatus | null;
}

/** An amendment as read. */
export interface AmendmentRow {
  id: string;
  number: number;
  summary: string;
  newExpiryDate: string | null;
  status: MouAmendmentStatus;
  createdByUserId: string;
  createdByName: string | null;
  createdAt: Date;
}

/** A signature of an amendment, as read. */
export interface AmendmentSignatureRow {
  amendmentId: string;
  organizationId: string;
  organizationName: string;
  signedByUserId: string;
  signedByName: string | null;
  signedAt: Date;
  requestId: string | null;
}

/** One MoU of a renewal chain; `position` is 0 for the MoU asked about, negative before it. */
export interface ChainRow extends MouPeriod {
  id: string;
  number: string;
  status: MouStatus;
  position: number;
}

/** An MoU that holds a period, named in an overlap refusal. */
export interface PeriodHolder extends MouPeriod {
  id: string;
  number: string;
}

/** What decides whether an MoU takes effect. */
export interface ActivationRow extends MouPeriod {
  id: string;
  number: string;
  status: MouStatus;
  partnershipId: string;
  renewsMouId: string | null;
  requiredSigners: string[];
  signedBy: string[];
}

/** An MoU as the daily job names it in a notice (an expiry reminder or notice), with whom to tell. */
export interface NoticeTarget {
  id: string;
  number: string;
  title: string;
  expiryDate: string;
  schoolName: string;
  recipients: string[];
}

/** MoUs as notices name them, with the CSR officers of the company and the principals of the school; add the WHERE. */
const NOTICE_TARGETS_SQL = `SELECT m.id, m.number, m.title, CAST(m.expiry_date AS text) AS "expiryDate", s.name AS "schoolName",
       ARRAY(SELECT CAST(ru.id AS text) FROM users ru
              WHERE ru.disabled_at IS NULL
                AND ((ru.organization_id = p.company_id AND ru.role = 'csr_officer') OR (ru.organization_id = p.school_id AND ru.role = 'principal'))
              ORDER BY ru.id) AS recipients
  FROM mous m
  JOIN partnerships p ON p.id = m.partnership_id
  JOIN organizations s ON s.id = p.school_id`;

/**
 * Reads and writes MoUs, their parties, obligations, amendments and signatures. Every read an
 * actor makes goes through the partnership scope (partnershipScope, alias `p`): an MoU is visible
 * exactly when its partnership is, so another organisation's MoU reads as missing.
 */
@Injectable()
export class MousRepository {
  constructor(private readonly dataSource: DataSource) {}

  private rowQuery(manager: EntityManager): SelectQueryBuilder<Mou> {
    return manager
      .createQueryBuilder()
      .select('m.id', 'id')
      .addSelect('m.partnership_id', 'partnershipId')
      .addSelect('p.program_id', 'programId')
      .addSelect('p.company_id', 'companyId')
      .addSelect('c.name', 'companyName')
      .addSelect('p.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('m.number', 'number')
      .addSelect('m.title', 'title')
      .addSelect('m.scope', 'scope')
      .addSelect('CAST(m.effective_date AS text)', 'effectiveDate')
      .addSelect('CAST(m.expiry_date AS text)', 'expiryDate')
      .addSelect('m.status', 'status')
      .addSelect('CAST(m.terminated_on AS text)', 'terminatedOn')
      .addSelect('m.termination_reason', 'terminationReason')
      .addSelect('m.renews_mou_id', 'renewsMouId')
      .addSelect('nx.id', 'renewedByMouId')
      .addSelect('m.created_by_user_id', 'createdByUserId')
      .addSelect('cu.full_name', 'createdByName')
      .addSelect('m.version', 'version')
      .addSelect('m.created_at', 'createdAt')
      .addSelect('m.updated_at', 'updatedAt')
      .addSelect(CREATED_CURSOR, 'cursorCreatedAt')
      .from(Mou, 'm')
      .innerJoin(Partnership, 'p', 'p.id = m.partnership_id')
      .innerJoin(Organization, 'c', 'c.id = p.company_id')
      .innerJoin(Organization, 's', 's.id = p.school_id')
      .leftJoin(Mou, 'nx', 'nx.renews_mou_id = m.id')
      .leftJoin(User, 'cu', 'cu.id = m.created_by_user_id');
  }

  private scoped(actor: Actor, manager: EntityManager): SelectQueryBuilder<Mou> {
    const scope = partnershipScope(actor, 'p');
    return this.rowQuery(manager).where(scope.sql, scope.params);
  }

  /** An MoU the caller may see; null for missing and not-yours alike. */
  async findVisible(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager): Promise<MouRow | null> {
    return (await this.scoped(actor, manager).andWhere('m.id = :id', { id }).getRawOne<MouRow>()) ?? null;
  }

  /** One MoU with no scope: for the daily job and for re-reading after a write. */
  async findById(id: string, manager: EntityManager): Promise<MouRow | null> {
    return (await this.rowQuery(manager).where('m.id = :id', { id }).getRawOne<MouRow>()) ?? null;
  }

  /** Takes the MoU's row lock until the transaction ends, so its steps (signatures, status) run one at a time. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT id FROM mous WHERE id = $1 FOR UPDATE', [id]);
  }

  /**
   * A page of the MoUs the caller may see, in one query (limit + 1 rows). `expiring` keeps active
   * MoUs whose expiry date lies between `today` and `today + days`.
   */
  async listPage(
    actor: Actor,
    filter: {
      partnershipId?: string;
      status?: MouStatus;
      expiring?: { today: string; days: number };
      sort: 'expiryDate' | '-createdAt';
      after: [string, string] | null;
    },
    limit: number,
  ): Promise<MouRow[]> {
    const qb = this.scoped(actor, this.dataSource.manager);
    if (filter.partnershipId) qb.andWhere('m.partnership_id = :partnershipId', { partnershipId: filter.partnershipId });
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.expiring) {
      qb.andWhere(`m.status = 'active' AND m.expiry_date >= CAST(:today AS date) AND m.expiry_date <= CAST(:today AS date) + CAST(:days AS integer)`, filter.expiring);
    }
    if (filter.sort === 'expiryDate') {
      if (filter.after) qb.andWhere('(m.expiry_date, m.id) > (CAST(:afterDate AS date), :afterId)', { afterDate: filter.after[0], afterId: filter.after[1] });
      qb.orderBy('m.expiry_date', 'ASC').addOrderBy('m.id', 'ASC');
    } else {
      if (filter.after) qb.andWhere('(m.created_at, m.id) < (CAST(:afterAt AS timestamptz), :afterId)', { afterAt: filter.after[0], afterId: filter.after[1] });
      qb.orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'DESC');
    }
    return qb.limit(limit + 1).getRawMany<MouRow>();
  }

  /** A partnership the caller may see, with what the MoU rules need. */
  async findPartnership(actor: Actor, id: string, manager: EntityManager): Promise<PartnershipFacts | null> {
    const scope = partnershipScope(actor, 'p');
    return (await this.partnershipQuery(manager).where('p.id = :id', { id }).andWhere(scope.sql, scope.params).getRawOne<PartnershipFacts>()) ?? null;
  }

  /** The partnership of an MoU already loaded (no scope). */
  async partnershipOf(partnershipId: string, manager: EntityManager): Promise<PartnershipFacts> {
    const row = await this.partnershipQuery(manager).where('p.id = :id', { id: partnershipId }).getRawOne<PartnershipFacts>();
    if (!row) throw new Error(`partnership ${partnershipId} of an MoU is missing`);
    return row;
  }

  private partnershipQuery(manager: EntityManager): SelectQueryBuilder<Partnership> {
    return manager
      .createQueryBuilder()
      .select('p.id', 'id')
      .addSelect('p.program_id', 'programId')
      .addSelect('p.company_id', 'companyId')
      .addSelect('p.school_id', 'schoolId')
      .addSelect('p.status', 'status')
      .addSelect('s.region_code', 'schoolRegionCode')
      .from(Partnership, 'p')
      .innerJoin(Organization, 's', 's.id = p.school_id');
  }

  /** The organisations among `ids` that exist. */
  async organizations(ids: readonly string[], manager: EntityManager): Promise<OrganizationFacts[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT id, type, name, region_code AS "regionCode", archived_at IS NOT NULL AS archived FROM organizations WHERE id = ANY(CAST($1 AS uuid[]))`,
      [ids],
    ) as Promise<OrganizationFacts[]>;
  }

  /** The facilitator organisations that work in a program. */
  async programFacilitators(programId: string, manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query('SELECT CAST(facilitator_id AS text) AS id FROM program_facilitators WHERE program_id = $1', [programId])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** The MoU that already has `number`, if any. */
  async findByNumber(number: string, manager: EntityManager): Promise<{ id: string } | null> {
    return manager.findOne(Mou, { where: { number }, select: { id: true } });
  }

  /** The renewal of an MoU, if one was drafted. */
  async renewalOf(id: string, manager: EntityManager): Promise<{ id: string; number: string } | null> {
    return manager.findOne(Mou, { where: { renewsMouId: id }, select: { id: true, number: true } });
  }

  /**
   * The active MoUs of a partnership whose period shares a day with `period` (both ends count),
   * leaving out `exceptIds` (the MoU itself and the one it renews).
   */
  async overlappingActive(partnershipId: string, period: MouPeriod, exceptIds: readonly string[], manager: EntityManager): Promise<PeriodHolder[]> {
    return manager.query(
      `SELECT id, number, CAST(effective_date AS text) AS "effectiveDate", CAST(expiry_date AS text) AS "expiryDate"
         FROM mous
        WHERE partnership_id = $1 AND status = 'active'
          AND effective_date <= CAST($3 AS date) AND CAST($2 AS date) <= expiry_date
          AND id <> ALL(CAST($4 AS uuid[]))
        ORDER BY effective_date, id`,
      [partnershipId, period.effectiveDate, period.expiryDate, exceptIds],
    ) as Promise<PeriodHolder[]>;
  }

  /**
   * Serialises activations within one partnership (a transaction-scoped advisory lock), so two MoUs
   * of the same partnership cannot both pass the overlap check and both become active.
   */
  async lockPartnershipActivations(partnershipId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(720301, hashtext($1))', [partnershipId]);
  }

  /** Inserts an MoU and returns its id. */
  async insertMou(fields: QueryDeepPartialEntity<Mou>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(Mou, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Replaces the parties of a draft MoU. */
  async replaceParties(mouId: string, parties: readonly PartyFields[], manager: EntityManager): Promise<void> {
    await manager.delete(MouParty, { mouId });
    await manager.insert(
      MouParty,
      parties.map((p) => ({ mouId, ...p })),
    );
  }

  /** Replaces the MoU's own obligations (not those added by amendments). */
  async replaceObligations(mouId: string, obligations: readonly ObligationFields[], manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM mou_obligations WHERE mou_id = $1 AND amendment_id IS NULL', [mouId]);
    await this.insertObligations(mouId, null, obligations, manager);
  }

  /** Appends obligations after the MoU's last one, optionally as part of an amendment. */
  async insertObligations(mouId: string, amendmentId: string | null, obligations: readonly ObligationFields[], manager: EntityManager): Promise<void> {
    if (obligations.length === 0) return;
    const [{ last }] = (await manager.query('SELECT COALESCE(MAX(position), 0) AS last FROM mou_obligations WHERE mou_id = $1', [mouId])) as Array<{ last: number }>;
    await manager.insert(
      MouObligation,
      obligations.map((o, i) => ({ mouId, amendmentId, ownerOrganizationId: o.ownerOrganizationId, text: o.text, dueDate: o.dueDate, position: Number(last) + i + 1 })),
    );
  }

  /** The parties of an MoU with their signatures of the MoU itself, first party first. */
  parties(mouId: string, manager: EntityManager = this.dataSource.manager): Promise<PartyRow[]> {
    return manager.query(
      `SELECT mp.organization_id AS "organizationId", o.name AS "organizationName", o.type AS "organizationType", mp.role,
              mp.signature_required AS "signatureRequired", sg.signed_by_user_id AS "signedByUserId", u.full_name AS "signedByName",
              sg.signed_at AS "signedAt", sg.request_id AS "requestId"
         FROM mou_parties mp
         JOIN organizations o ON o.id = mp.organization_id
         LEFT JOIN mou_signatures sg ON sg.mou_id = mp.mou_id AND sg.organization_id = mp.organization_id AND sg.amendment_id IS NULL
         LEFT JOIN users u ON u.id = sg.signed_by_user_id
        WHERE mp.mou_id = $1
        ORDER BY CASE mp.role WHEN 'first_party' THEN 1 WHEN 'second_party' THEN 2 WHEN 'witness' THEN 3 ELSE 4 END, o.name, mp.organization_id`,
      [mouId],
    ) as Promise<PartyRow[]>;
  }

  /** Every obligation of an MoU, its own and its amendments', in order. */
  obligations(mouId: string, manager: EntityManager = this.dataSource.manager): Promise<ObligationRow[]> {
    return manager.query(
      `SELECT ob.id, ob.owner_organization_id AS "ownerOrganizationId", o.name AS "ownerName", ob.text, CAST(ob.due_date AS text) AS "dueDate",
              ob.amendment_id AS "amendmentId", a.number AS "amendmentNumber", a.status AS "amendmentStatus"
         FROM mou_obligations ob
         JOIN organizations o ON o.id = ob.owner_organization_id
         LEFT JOIN mou_amendments a ON a.id = ob.amendment_id
        WHERE ob.mou_id = $1
        ORDER BY ob.position`,
      [mouId],
    ) as Promise<ObligationRow[]>;
  }

  /** The amendments of an MoU, by number. */
  amendments(mouId: string, manager: EntityManager = this.dataSource.manager): Promise<AmendmentRow[]> {
    return manager.query(
      `SELECT a.id, a.number, a.summary, CAST(a.new_expiry_date AS text) AS "newExpiryDate", a.status, a.created_by_user_id AS "createdByUserId",
              u.full_name AS "createdByName", a.created_at AS "createdAt"
         FROM mou_amendments a
         LEFT JOIN users u ON u.id = a.created_by_user_id
        WHERE a.mou_id = $1
        ORDER BY a.number`,
      [mouId],
    ) as Promise<AmendmentRow[]>;
  }

  /** The signatures of an MoU's amendments, in the order they were given. */
  amendmentSignatures(mouId: string, manager: EntityManager = this.dataSource.manager): Promise<AmendmentSignatureRow[]> {
    return manager.query(
      `SELECT sg.amendment_id AS "amendmentId", sg.organization_id AS "organizationId", o.name AS "organizationName",
              sg.signed_by_user_id AS "signedByUserId", u.full_name AS "signedByName", sg.signed_at AS "signedAt", sg.request_id AS "requestId"
         FROM mou_signatures sg
         JOIN organizations o ON o.id = sg.organization_id
         LEFT JOIN users u ON u.id = sg.signed_by_user_id
        WHERE sg.mou_id = $1 AND sg.amendment_id IS NOT NULL
        ORDER BY sg.signed_at, sg.id`,
      [mouId],
    ) as Promise<AmendmentSignatureRow[]>;
  }

  /**
   * The whole renewal chain an MoU belongs to, oldest first: the MoUs it renews (back to the first)
   * and those that renew it. Renewals stay in their partnership, so the chain is as visible as the MoU.
   */
  chain(mouId: string, manager: EntityManager = this.dataSource.manager): Promise<ChainRow[]> {
    return manager.query(
      `WITH RECURSIVE back AS (
         SELECT m.id, m.renews_mou_id, 0 AS position FROM mous m WHERE m.id = $1
         UNION ALL
         SELECT prev.id, prev.renews_mou_id, back.position - 1 FROM mous prev JOIN back ON prev.id = back.renews_mou_id
       ), ahead AS (
         SELECT m.id, 0 AS position FROM mous m WHERE m.id = $1
         UNION ALL
         SELECT nxt.id, ahead.position + 1 FROM mous nxt JOIN ahead ON nxt.renews_mou_id = ahead.id
       ), links AS (SELECT id, position FROM back UNION SELECT id, position FROM ahead)
       SELECT m.id, m.number, m.status, CAST(m.effective_date AS text) AS "effectiveDate", CAST(m.expiry_date AS text) AS "expiryDate", links.position
         FROM links JOIN mous m ON m.id = links.id
        ORDER BY links.position`,
      [mouId],
    ) as Promise<ChainRow[]>;
  }

  /** The obligations in force (the MoU's own and those of signed amendments), for a renewal to copy. */
  async obligationsInForce(mouId: string, manager: EntityManager): Promise<ObligationFields[]> {
    return manager.query(
      `SELECT ob.owner_organization_id AS "ownerOrganizationId", ob.text, NULL AS "dueDate"
         FROM mou_obligations ob LEFT JOIN mou_amendments a ON a.id = ob.amendment_id
        WHERE ob.mou_id = $1 AND (ob.amendment_id IS NULL OR a.status = 'active')
        ORDER BY ob.position`,
      [mouId],
    ) as Promise<ObligationFields[]>;
  }

  /** The signature an organisation gave on the MoU itself (amendmentId null) or on one of its amendments. */
  signatureOf(mouId: string, amendmentId: string | null, organizationId: string, manager: EntityManager): Promise<MouSignature | null> {
    const qb = manager.getRepository(MouSignature).createQueryBuilder('sg').where('sg.mou_id = :mouId AND sg.organization_id = :organizationId', { mouId, organizationId });
    if (amendmentId === null) qb.andWhere('sg.amendment_id IS NULL');
    else qb.andWhere('sg.amendment_id = :amendmentId', { amendmentId });
    return qb.getOne();
  }

  /** Records a signature; returns its id. */
  async insertSignature(fields: QueryDeepPartialEntity<MouSignature>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(MouSignature, fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  /** What decides whether an MoU takes effect: its status, period, required signers and signers. */
  async activationFacts(id: string, manager: EntityManager): Promise<ActivationRow | null> {
    const rows = (await manager.query(
      `SELECT m.id, m.number, m.status, m.partnership_id AS "partnershipId", m.renews_mou_id AS "renewsMouId",
              CAST(m.effective_date AS text) AS "effectiveDate", CAST(m.expiry_date AS text) AS "expiryDate",
              ARRAY(SELECT CAST(mp.organization_id AS text) FROM mou_parties mp WHERE mp.mou_id = m.id AND mp.signature_required) AS "requiredSigners",
              ARRAY(SELECT CAST(sg.organization_id AS text) FROM mou_signatures sg WHERE sg.mou_id = m.id AND sg.amendment_id IS NULL) AS "signedBy"
         FROM mous m WHERE m.id = $1`,
      [id],
    )) as ActivationRow[];
    return rows[0] ?? null;
  }

  /**
   * Moves an MoU to `to` only while it is in one of `from` (the guard is in the UPDATE itself) and
   * bumps its version; false when it had already moved on.
   */
  async moveStatus(id: string, from: readonly MouStatus[], to: MouStatus, manager: EntityManager, extra: QueryDeepPartialEntity<Mou> = {}): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Mou)
      .set({ ...extra, status: to, version: () => 'version + 1' })
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Sets a new expiry date (a signed amendment) and bumps the version. */
  async setExpiry(id: string, expiryDate: string, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(Mou).set({ expiryDate, version: () => 'version + 1' }).where('id = :id', { id }).execute();
  }

  /** One amendment of an MoU; null when it belongs to another MoU. */
  findAmendment(mouId: string, amendmentId: string, manager: EntityManager): Promise<MouAmendment | null> {
    return manager.findOne(MouAmendment, { where: { id: amendmentId, mouId } });
  }

  /** The amendment of an MoU still waiting for signatures, if any. */
  openAmendment(mouId: string, manager: EntityManager): Promise<MouAmendment | null> {
    return manager.findOne(MouAmendment, { where: { mouId, status: 'awaiting_signatures' } });
  }

  /** Inserts the MoU's next amendment (numbered 1, 2, ...; the MoU row must be locked) and returns it. */
  async insertAmendment(fields: { mouId: string; summary: string; newExpiryDate: string | null; createdByUserId: string }, manager: EntityManager): Promise<MouAmendment> {
    const [{ next }] = (await manager.query('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM mou_amendments WHERE mou_id = $1', [fields.mouId])) as Array<{ next: number }>;
    const result = await manager.insert(MouAmendment, { ...fields, number: Number(next), status: 'awaiting_signatures' });
    return manager.findOneOrFail(MouAmendment, { where: { id: (result.identifiers[0] as { id: string }).id } });
  }

  /** The organisations that have signed one amendment. */
  async amendmentSigners(amendmentId: string, manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query('SELECT CAST(organization_id AS text) AS id FROM mou_signatures WHERE amendment_id = $1', [amendmentId])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Puts an amendment in force. */
  async activateAmendment(amendmentId: string, manager: EntityManager): Promise<void> {
    await manager.update(MouAmendment, { id: amendmentId, status: 'awaiting_signatures' }, { status: 'active' });
  }

  /** Awaiting MoUs whose required signatures are all given and whose period has begun and not ended, earliest first. */
  async readyToActivate(today: string, manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT m.id FROM mous m
        WHERE m.status = 'awaiting_signatures' AND m.effective_date <= CAST($1 AS date) AND m.expiry_date >= CAST($1 AS date)
          AND NOT EXISTS (
            SELECT 1 FROM mou_parties mp
             WHERE mp.mou_id = m.id AND mp.signature_required
               AND NOT EXISTS (SELECT 1 FROM mou_signatures sg WHERE sg.mou_id = m.id AND sg.amendment_id IS NULL AND sg.organization_id = mp.organization_id))
        ORDER BY m.effective_date, m.id`,
      [today],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Active MoUs whose expiry date is before `today`. */
  async activePastExpiry(today: string, manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM mous WHERE status = 'active' AND expiry_date < CAST($1 AS date) ORDER BY expiry_date, id`, [today])) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Active MoUs expiring between `today` and `today + days`, with the CSR officers and principals to remind. */
  expiringWithin(today: string, days: number, manager: EntityManager): Promise<NoticeTarget[]> {
    return manager.query(
      `${NOTICE_TARGETS_SQL}
        WHERE m.status = 'active' AND m.expiry_date >= CAST($1 AS date) AND m.expiry_date <= CAST($1 AS date) + CAST($2 AS integer)
        ORDER BY m.expiry_date, m.id`,
      [today, days],
    ) as Promise<NoticeTarget[]>;
  }

  /** The MoUs among `ids` with the CSR officers of their company and the principals of their school, in one query. */
  async noticeTargets(ids: readonly string[], manager: EntityManager): Promise<NoticeTarget[]> {
    if (ids.length === 0) return [];
    return manager.query(`${NOTICE_TARGETS_SQL} WHERE m.id = ANY(CAST($1 AS uuid[])) ORDER BY m.expiry_date, m.id`, [ids]) as Promise<NoticeTarget[]>;
  }
}
