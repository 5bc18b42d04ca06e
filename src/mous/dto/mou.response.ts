import { ApiProperty } from '@nestjs/swagger';
import { DocumentResponse } from '../../documents/dto/document.response';
import { ORGANIZATION_TYPES } from '../../organizations/organization-type';
import type { OrganizationType } from '../../organizations/organization-type';
import { daysBetween, MOU_AMENDMENT_STATUSES, MOU_PARTY_ROLES, MOU_STATUSES } from '../mou-status';
import type { MouAmendmentStatus, MouPartyRole, MouStatus } from '../mou-status';
import type { AmendmentRow, AmendmentSignatureRow, ChainRow, MouRow, ObligationRow, PartyRow } from '../mous.repository';

/** An organisation named in an MoU. */
export class MouOrganizationRefResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  id: string;

  @ApiProperty({ example: 'PT Trakindo Utama' })
  name: string;
}

/** A user named in an MoU: who drafted it or signed. */
export class MouUserRefResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Rina Marlina (CSR Officer, PT Trakindo Utama)' })
  fullName: string | null;
}

/** An MoU in a list. Dates are YYYY-MM-DD (UTC calendar dates); the expiry date is the last day in force. */
export class MouResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000905' })
  id: string;

  @ApiProperty({ example: '005/TU-CSR/MOU/III/2024' })
  number: string;

  @ApiProperty({ example: 'Nota Kesepahaman Program Generasi Trakindo 2024–2027' })
  title: string;

  @ApiProperty({ enum: MOU_STATUSES, example: 'active' })
  status: MouStatus;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  programId: string;

  @ApiProperty({ type: MouOrganizationRefResponse, description: "The partnership's company (the first party)." })
  company: MouOrganizationRefResponse;

  @ApiProperty({ type: MouOrganizationRefResponse, example: { id: '00000000-0000-4000-8000-000000000201', name: 'SDN Pelambuan 4 Banjarmasin' }, description: "The partnership's school (the second party)." })
  school: MouOrganizationRefResponse;

  @ApiProperty({ example: '2024-03-01' })
  effectiveDate: string;

  @ApiProperty({ example: '2027-02-28' })
  expiryDate: string;

  @ApiProperty({ example: 455, description: 'Days from today to the expiry date; negative once it has passed.' })
  daysToExpiry: number;

  @ApiProperty({ nullable: true, type: String, example: null })
  terminatedOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000904', description: 'The MoU this one renews.' })
  renewsMouId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The MoU that renews this one, once drafted.' })
  renewedByMouId: string | null;

  @ApiProperty({ example: 3, description: 'Send it back as `version` when you change a draft.' })
  version: number;

  @ApiProperty({ example: '2024-02-10T03:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2024-03-01T00:15:00.000Z' })
  updatedAt: string;

  static from(this: void, r: MouRow, today: string): MouResponse {
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      partnershipId: r.partnershipId,
      programId: r.programId,
      company: { id: r.companyId, name: r.companyName },
      school: { id: r.schoolId, name: r.schoolName },
      effectiveDate: r.effectiveDate,
      expiryDate: r.expiryDate,
      daysToExpiry: daysBetween(today, r.expiryDate),
      terminatedOn: r.terminatedOn,
      renewsMouId: r.renewsMouId,
      renewedByMouId: r.renewedByMouId,
      version: Number(r.version),
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }
}

/** A signature: who signed for the organisation, when, and from which request. */
export class MouSignatureResponse {
  @ApiProperty({ type: MouUserRefResponse })
  signedBy: MouUserRefResponse;

  @ApiProperty({ example: '2024-02-20T04:12:00.000Z' })
  signedAt: string;

  @ApiProperty({ nullable: true, type: String, example: '5b0f2c1e-4a8e-4f57-9d1c-2f5e0b7c9a11', description: "The server's request id (X-Request-Id) of the signing request." })
  requestId: string | null;
}

/** The organisation of a party. */
export class MouPartyOrganizationResponse extends MouOrganizationRefResponse {
  @ApiProperty({ enum: ORGANIZATION_TYPES, example: 'company' })
  type: OrganizationType;
}

/** A party to the MoU, with its signature of the MoU itself. */
export class MouPartyResponse {
  @ApiProperty({ type: MouPartyOrganizationResponse })
  organization: MouPartyOrganizationResponse;

  @ApiProperty({ enum: MOU_PARTY_ROLES, example: 'first_party' })
  role: MouPartyRole;

  @ApiProperty({ example: true })
  signatureRequired: boolean;

  @ApiProperty({ type: MouSignatureResponse, nullable: true, description: 'Null until a user of the organisation signs.' })
  signature: MouSignatureResponse | null;

  static from(this: void, p: PartyRow): MouPartyResponse {
    return {
      organization: { id: p.organizationId, name: p.organizationName, type: p.organizationType },
      role: p.role,
      signatureRequired: p.signatureRequired,
      signature:
        p.signedByUserId === null || p.signedAt === null
          ? null
          : { signedBy: { id: p.signedByUserId, fullName: p.signedByName }, signedAt: new Date(p.signedAt).toISOString(), requestId: p.requestId },
    };
  }
}

/** One obligation of a party. */
export class MouObligationResponse {
  @ApiProperty({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' })
  id: string;

  @ApiProperty({ type: MouOrganizationRefResponse, description: 'The party that owes it.' })
  owner: MouOrganizationRefResponse;

  @ApiProperty({ example: 'Provide an annual stimulus grant for the school innovation program.' })
  text: string;

  @ApiProperty({ nullable: true, type: String, example: '2025-06-30' })
  dueDate: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The amendment that added it; null for the MoU\'s own.' })
  amendmentId: string | null;

  static from(this: void, o: ObligationRow): MouObligationResponse {
    return { id: o.id, owner: { id: o.ownerOrganizationId, name: o.ownerName }, text: o.text, dueDate: o.dueDate, amendmentId: o.amendmentId };
  }
}

/** A signature of an amendment. */
export class MouAmendmentSignatureResponse extends MouSignatureResponse {
  @ApiProperty({ type: MouOrganizationRefResponse })
  organization: MouOrganizationRefResponse;

  static from(this: void, s: AmendmentSignatureRow): MouAmendmentSignatureResponse {
    return {
      organization: { id: s.organizationId, name: s.organizationName },
      signedBy: { id: s.signedByUserId, fullName: s.signedByName },
      signedAt: new Date(s.signedAt).toISOString(),
      requestId: s.requestId,
    };
  }
}

/** A numbered change to the MoU's terms, with its own signatures. */
export class MouAmendmentResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000a11' })
  id: string;

  @ApiProperty({ example: 1 })
  number: number;

  @ApiProperty({ example: 'Adds a disaster-preparedness program and extends the MoU by one year.' })
  summary: string;

  @ApiProperty({ nullable: true, type: String, example: '2028-02-29', description: "Becomes the MoU's expiry date once every party has signed." })
  newExpiryDate: string | null;

  @ApiProperty({ enum: MOU_AMENDMENT_STATUSES, example: 'awaiting_signatures' })
  status: MouAmendmentStatus;

  @ApiProperty({ type: MouUserRefResponse })
  createdBy: MouUserRefResponse;

  @ApiProperty({ example: '2025-07-01T02:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ type: [MouAmendmentSignatureResponse] })
  signatures: MouAmendmentSignatureResponse[];

  @ApiProperty({ type: [MouOrganizationRefResponse], description: 'Parties whose signature of this amendment is still missing.' })
  pendingSignatures: MouOrganizationRefResponse[];

  @ApiProperty({ type: [MouObligationResponse], description: 'Obligations this amendment adds; part of the MoU once it is in force.' })
  obligations: MouObligationResponse[];
}

/** One MoU of the renewal chain. */
export class MouChainLinkResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000904' })
  id: string;

  @ApiProperty({ example: '004/TU-CSR/MOU/III/2021' })
  number: string;

  @ApiProperty({ enum: MOU_STATUSES, example: 'superseded' })
  status: MouStatus;

  @ApiProperty({ example: '2021-03-01' })
  effectiveDate: string;

  @ApiProperty({ example: '2024-02-29' })
  expiryDate: string;

  static from(this: void, c: ChainRow): MouChainLinkResponse {
    return { id: c.id, number: c.number, status: c.status, effectiveDate: c.effectiveDate, expiryDate: c.expiryDate };
  }
}

/** Everything about one MoU: parties and signatures, obligations, amendments, documents and its renewal chain. */
export class MouDetailResponse extends MouResponse {
  @ApiProperty({ example: 'Teacher training, literacy innovation and child-friendly school programs, with yearly planning workshops and mentoring.' })
  scope: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  terminationReason: string | null;

  @ApiProperty({ type: MouUserRefResponse })
  createdBy: MouUserRefResponse;

  @ApiProperty({ type: [MouPartyResponse] })
  parties: MouPartyResponse[];

  @ApiProperty({ type: [MouOrganizationRefResponse], description: 'Parties whose signature of the MoU is still missing.' })
  pendingSignatures: MouOrganizationRefResponse[];

  @ApiProperty({ type: [MouObligationResponse], description: "The MoU's obligations, with those of amendments in force." })
  obligations: MouObligationResponse[];

  @ApiProperty({ type: [MouAmendmentResponse] })
  amendments: MouAmendmentResponse[];

  @ApiProperty({ type: [DocumentResponse], description: 'The signed MoU and annexes; download with GET /api/v1/mous/{id}/documents/{documentId}.' })
  documents: DocumentResponse[];

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000904', description: 'The MoU this one renews (same as renewsMouId).' })
  previousMouId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The MoU that renews this one (same as renewedByMouId).' })
  nextMouId: string | null;

  @ApiProperty({ type: [MouChainLinkResponse], description: 'The whole renewal chain, oldest first, this MoU included.' })
  chain: MouChainLinkResponse[];

  /** Builds the detail from its parts, read in the same transaction. */
  static build(
    this: void,
    parts: { row: MouRow; parties: PartyRow[]; obligations: ObligationRow[]; amendments: AmendmentRow[]; amendmentSignatures: AmendmentSignatureRow[]; documents: DocumentResponse[]; chain: ChainRow[] },
    today: string,
  ): MouDetailResponse {
    const { row, parties } = parts;
    const required = parties.filter((p) => p.signatureRequired);
    const amendments = parts.amendments.map((a): MouAmendmentResponse => {
      const signatures = parts.amendmentSignatures.filter((s) => s.amendmentId === a.id);
      const signed = new Set(signatures.map((s) => s.organizationId));
      return {
        id: a.id,
        number: Number(a.number),
        summary: a.summary,
        newExpiryDate: a.newExpiryDate,
        status: a.status,
        createdBy: { id: a.createdByUserId, fullName: a.createdByName },
        createdAt: new Date(a.createdAt).toISOString(),
        signatures: signatures.map(MouAmendmentSignatureResponse.from),
        pendingSignatures: a.status === 'active' ? [] : required.filter((p) => !signed.has(p.organizationId)).map((p) => ({ id: p.organizationId, name: p.organizationName })),
        obligations: parts.obligations.filter((o) => o.amendmentId === a.id).map(MouObligationResponse.from),
      };
    });
    return {
      ...MouResponse.from(row, today),
      scope: row.scope,
      terminationReason: row.terminationReason,
      createdBy: { id: row.createdByUserId, fullName: row.createdByName },
      parties: parties.map(MouPartyResponse.from),
      pendingSignatures: required.filter((p) => p.signedAt === null).map((p) => ({ id: p.organizationId, name: p.organizationName })),
      obligations: parts.obligations.filter((o) => o.amendmentId === null || o.amendmentStatus === 'active').map(MouObligationResponse.from),
      amendments,
      documents: parts.documents,
      previousMouId: row.renewsMouId,
      nextMouId: row.renewedByMouId,
      chain: parts.chain.map(MouChainLinkResponse.from),
    };
  }
}
