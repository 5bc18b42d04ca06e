import { ApiProperty } from '@nestjs/swagger';
import type { Lang } from '../../common/errors/i18n';
import { DocumentResponse } from '../../documents/dto/document.response';
import { PARENT_ENGAGEMENT_KIND_LABELS, PARENT_ENGAGEMENT_KINDS } from '../parent-engagement-kinds';
import type { ParentEngagementKind } from '../parent-engagement-kinds';
import type { ActivityRow } from '../parent-engagement.repository';
import { GradeCountDto } from './activity-input.dto';

/** A name in both languages. */
export class BilingualTextResponse {
  @ApiProperty({ example: 'Kelas parenting' })
  id: string;

  @ApiProperty({ example: 'Parenting class' })
  en: string;
}

/** One kind of the catalogue. */
export class ParentEngagementKindResponse {
  @ApiProperty({ enum: PARENT_ENGAGEMENT_KINDS, example: 'parenting_class' })
  kind: ParentEngagementKind;

  @ApiProperty({ type: BilingualTextResponse })
  label: BilingualTextResponse;

  @ApiProperty({ type: BilingualTextResponse })
  description: BilingualTextResponse;

  static all(): ParentEngagementKindResponse[] {
    return PARENT_ENGAGEMENT_KINDS.map((kind) => ({ kind, ...PARENT_ENGAGEMENT_KIND_LABELS[kind] }));
  }
}

/** A school, as an activity names it. */
export class ActivitySchoolRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;
}

/** Who recorded an activity. */
export class ActivityPersonRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000003' })
  id: string;

  @ApiProperty({ example: 'Hj. Siti Rahmah, S.Pd. (Kepala Sekolah)' })
  fullName: string;
}

/** One parent-engagement activity. */
export class ParentEngagementActivityResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000e1250001' })
  id: string;

  @ApiProperty({ type: ActivitySchoolRef })
  school: ActivitySchoolRef;

  @ApiProperty({ enum: PARENT_ENGAGEMENT_KINDS, example: 'parenting_class' })
  kind: ParentEngagementKind;

  @ApiProperty({ example: 'Kelas parenting', description: "The kind's name in the language of the request." })
  kindLabel: string;

  @ApiProperty({ example: '2025-08-16' })
  heldOn: string;

  @ApiProperty({ example: 38 })
  parentsReached: number;

  @ApiProperty({ type: [GradeCountDto], nullable: true, example: [{ grade: 1, parents: 20 }, { grade: 2, parents: 18 }], description: 'In grade order; null when not split.' })
  parentsByGrade: GradeCountDto[] | null;

  @ApiProperty({ example: 4 })
  teachersInvolved: number;

  @ApiProperty({ nullable: true, type: String, example: 'Kelas parenting bersama psikolog Puskesmas Pelambuan.' })
  notes: string | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-0000a1250000' })
  planId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-0000a1250001' })
  planProgramId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Sekolah Ramah Anak', description: "The linked program's name in the plan, if it has one." })
  planProgramName: string | null;

  @ApiProperty({ type: ActivityPersonRef })
  recordedBy: ActivityPersonRef;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you change the activity.' })
  version: number;

  @ApiProperty({ example: '2025-08-16T08:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2025-08-16T08:00:00.000Z' })
  updatedAt: string;

  static from(r: ActivityRow, lang: Lang): ParentEngagementActivityResponse {
    return {
      id: r.id,
      school: { id: r.schoolId, name: r.schoolName },
      kind: r.kind,
      kindLabel: PARENT_ENGAGEMENT_KIND_LABELS[r.kind].label[lang],
      heldOn: r.heldOn,
      parentsReached: r.parentsReached,
      parentsByGrade: r.parentsByGrade,
      teachersInvolved: r.teachersInvolved,
      notes: r.notes,
      planId: r.planId,
      planProgramId: r.planProgramId,
      planProgramName: r.planProgramName,
      recordedBy: { id: r.createdByUserId, fullName: r.createdByName },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

/** An activity with its evidence files. */
export class ParentEngagementActivityDetailResponse extends ParentEngagementActivityResponse {
  @ApiProperty({ type: [DocumentResponse], description: 'Photos, attendance lists, minutes; download with GET /parent-engagement/activities/{id}/evidence/{documentId}.' })
  evidence: DocumentResponse[];

  static of(r: ActivityRow, evidence: DocumentResponse[], lang: Lang): ParentEngagementActivityDetailResponse {
    return { ...ParentEngagementActivityResponse.from(r, lang), evidence };
  }
}
