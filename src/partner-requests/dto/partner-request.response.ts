import { ApiProperty } from '@nestjs/swagger';
import { OrganizationRefResponse } from '../../common/http/ref.response';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { SCHOOL_LEVELS } from '../../organizations/organization-type';
import type { SchoolLevel } from '../../organizations/organization-type';
import { PARTNER_REQUEST_STATUSES, RECOMMENDATION_DECISIONS } from '../partner-request-status';
import type { PartnerRequestStatus, RecommendationDecision } from '../partner-request-status';
import type { PartnerRecommendationRow, PartnerRequestRow } from '../partner-requests.repository';
import { PARTNERSHIP_STATUSES } from '../../partnerships/partnership-status';
import type { PartnershipStatus } from '../../partnerships/partnership-status';

export { OrganizationRefResponse };

/** A user named in a record: who asked, answered or decided. */
export class UserRefResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Rina Marlina (CSR Officer, PT Trakindo Utama)' })
  fullName: string | null;
}

function userRef(id: string | null, fullName: string | null): UserRefResponse | null {
  return id === null ? null : { id, fullName };
}

/** The recommended school as the request shows it. */
export class RecommendedSchoolResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '30304122' })
  npsn: string | null;

  @ApiProperty({ nullable: true, enum: SCHOOL_LEVELS, example: 'SD' })
  schoolLevel: SchoolLevel | null;

  @ApiProperty({ nullable: true, type: String, example: '63.71' })
  regionCode: string | null;
}

/** The partnership an accepted school has in the program. */
export class RecommendationPartnershipResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  id: string;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'prospective' })
  status: PartnershipStatus;

  @ApiProperty({ type: OrganizationRefResponse, example: { id: '00000000-0000-4000-8000-000000000801', name: 'Generasi Trakindo' }, description: 'The program the school is a partner in.' })
  program: OrganizationRefResponse;
}

/** One school the education office recommended, and the company's decision on it. */
export class PartnerRecommendationResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000701' })
  id: string;

  @ApiProperty({ type: RecommendedSchoolResponse })
  school: RecommendedSchoolResponse;

  @ApiProperty({ example: 1, description: '1 is the best fit.' })
  rank: number;

  @ApiProperty({ example: 'Committed principal and teachers, no CSR partner yet, and literacy is its first stated need.' })
  rationale: string;

  @ApiProperty({ enum: RECOMMENDATION_DECISIONS, example: 'accepted' })
  decision: RecommendationDecision;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why the company declined it.' })
  decisionReason: string | null;

  @ApiProperty({ nullable: true, type: UserRefResponse })
  decidedBy: UserRefResponse | null;

  @ApiProperty({ nullable: true, type: String, example: '2012-03-05T02:00:00.000Z' })
  decidedAt: string | null;

  @ApiProperty({ type: UserRefResponse })
  recommendedBy: UserRefResponse;

  @ApiProperty({ example: '2012-02-20T02:00:00.000Z' })
  createdAt: string;

  @ApiProperty({
    nullable: true,
    type: RecommendationPartnershipResponse,
    description: "Once accepted: the school's partnership born from this recommendation, or else its partnership in the request's program; null while none exists.",
  })
  partnership: RecommendationPartnershipResponse | null;

  static from(this: void, r: PartnerRecommendationRow): PartnerRecommendationResponse {
    return {
      id: r.id,
      school: { id: r.schoolId, name: r.schoolName, npsn: r.schoolNpsn, schoolLevel: r.schoolLevel, regionCode: r.schoolRegionCode },
      rank: r.rank,
      rationale: r.rationale,
      decision: r.decision,
      decisionReason: r.decisionReason,
      decidedBy: userRef(r.decidedByUserId, r.decidedByName),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      recommendedBy: { id: r.recommendedByUserId, fullName: r.recommendedByName },
      createdAt: r.createdAt.toISOString(),
      partnership:
        r.partnershipId === null || r.partnershipStatus === null
          ? null
          : { id: r.partnershipId, status: r.partnershipStatus, program: { id: r.partnershipProgramId ?? '', name: r.partnershipProgramName ?? '' } },
    };
  }
}

/** A partner request as the company, the addressed office and admins see it. */
export class PartnerRequestResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000601' })
  id: string;

  @ApiProperty({ type: OrganizationRefResponse, description: 'The requesting company.' })
  company: OrganizationRefResponse;

  @ApiProperty({ type: OrganizationRefResponse, example: { id: '00000000-0000-4000-8000-000000000301', name: 'Dinas Pendidikan Kota Banjarmasin' }, description: 'The education office asked.' })
  educationOffice: OrganizationRefResponse;

  @ApiProperty({ nullable: true, type: String, example: null })
  programId: string | null;

  @ApiProperty({ example: '63.71' })
  regionCode: string;

  @ApiProperty({ example: 'Kota Banjarmasin' })
  regionName: string;

  @ApiProperty({ enum: SCHOOL_LEVELS, isArray: true, example: ['SD'], description: 'Empty means any level.' })
  schoolLevels: SchoolLevel[];

  @ApiProperty({ example: 1 })
  schoolsWanted: number;

  @ApiProperty({ enum: TOPICS, isArray: true, example: ['teacher_training', 'literacy'] })
  needTopics: Topic[];

  @ApiProperty({ nullable: true, type: String, example: 'An elementary school whose teachers want training in literacy teaching.' })
  needsNote: string | null;

  @ApiProperty({ example: '2012-03-31' })
  dueDate: string;

  @ApiProperty({ enum: PARTNER_REQUEST_STATUSES, example: 'closed', description: 'An open request past its due date reads as expired.' })
  status: PartnerRequestStatus;

  @ApiProperty({ type: UserRefResponse, description: 'Who asked.' })
  createdBy: UserRefResponse;

  @ApiProperty({ nullable: true, type: UserRefResponse, description: 'Who first answered.' })
  answeredBy: UserRefResponse | null;

  @ApiProperty({ nullable: true, type: String, example: '2012-02-20T02:00:00.000Z' })
  answeredAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2012-03-05T02:00:00.000Z', description: 'When it was closed or withdrawn.' })
  closedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  withdrawnReason: string | null;

  @ApiProperty({ example: '2012-02-01T01:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2012-03-05T02:00:00.000Z' })
  updatedAt: string;

  static from(this: void, r: PartnerRequestRow): PartnerRequestResponse {
    return {
      id: r.id,
      company: { id: r.companyId, name: r.companyName },
      educationOffice: { id: r.educationOfficeId, name: r.educationOfficeName },
      programId: r.programId,
      regionCode: r.regionCode,
      regionName: r.regionName,
      schoolLevels: r.schoolLevels,
      schoolsWanted: r.schoolsWanted,
      needTopics: r.needTopics,
      needsNote: r.needsNote,
      dueDate: r.dueDate,
      status: r.status,
      createdBy: { id: r.createdByUserId, fullName: r.createdByName },
      answeredBy: userRef(r.answeredByUserId, r.answeredByName),
      answeredAt: r.answeredAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      withdrawnReason: r.withdrawnReason,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

/** A partner request with the schools recommended in it, best rank first. */
export class PartnerRequestDetailResponse extends PartnerRequestResponse {
  @ApiProperty({ type: [PartnerRecommendationResponse] })
  recommendations: PartnerRecommendationResponse[];

  static of(this: void, r: PartnerRequestRow, recommendations: PartnerRecommendationRow[]): PartnerRequestDetailResponse {
    return { ...PartnerRequestResponse.from(r), recommendations: recommendations.map(PartnerRecommendationResponse.from) };
  }
}

/** Which partnership the accepted school is a partner in, and how accepting got it there. */
export class AcceptedPartnershipResponse extends RecommendationPartnershipResponse {
  @ApiProperty({
    enum: ['created', 'linked', 'existing'],
    example: 'created',
    description:
      'created: a new prospective partnership, born from this recommendation; linked: the school already had a partnership in the program, now linked to this recommendation; ' +
      'existing: the school already had a partnership in the program born from another recommendation, left as it was.',
  })
  outcome: 'created' | 'linked' | 'existing';
}

/** The request after accepting a recommended school, and the partnership the school now has. */
export class AcceptRecommendationResponse extends PartnerRequestDetailResponse {
  @ApiProperty({
    nullable: true,
    type: AcceptedPartnershipResponse,
    description: 'The partnership the school is now a partner in; null when neither the request nor the call named a program (only the decision was recorded).',
  })
  partnership: AcceptedPartnershipResponse | null;
}
