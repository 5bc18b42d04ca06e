import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_ROLES } from '../training-participant.entity';
import type { ParticipantRole } from '../training-participant.entity';
import type { ParticipantRow } from '../trainings.repository';

/** The school a participant comes from. */
export class ParticipantSchoolRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;
}

/** A participant of a training with attendance, scores and answers. */
export class ParticipantResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1264001' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000003', description: 'null for an external person.' })
  userId: string | null;

  @ApiProperty({ example: 'Ibu Nurhayati' })
  fullName: string;

  @ApiProperty({ example: false, description: 'true: a person without an account, named by the organiser.' })
  external: boolean;

  @ApiProperty({ enum: PARTICIPANT_ROLES, example: 'teacher' })
  role: ParticipantRole;

  @ApiProperty({ nullable: true, type: ParticipantSchoolRef })
  school: ParticipantSchoolRef | null;

  @ApiProperty({ nullable: true, type: Boolean, example: true, description: 'null: attendance not taken yet.' })
  attended: boolean | null;

  @ApiProperty({ nullable: true, type: Number, example: 55 })
  preScore: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 80 })
  postScore: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'c3f0a1b2-4d5e-4f60-8a7b-9c0d1e2f3a4b': 5 }, description: 'Answers by questionnaire item id (1–5).' })
  satisfaction: Record<string, number>;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The CSR officer who nominated them against the school quota.' })
  nominatedByUserId: string | null;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you change the participant.' })
  version: number;

  static from(this: void, r: ParticipantRow): ParticipantResponse {
    return {
      id: r.id,
      userId: r.userId,
      fullName: r.fullName,
      external: r.external,
      role: r.role,
      school: r.schoolId === null ? null : { id: r.schoolId, name: r.schoolName ?? '' },
      attended: r.attended,
      preScore: r.preScore === null ? null : Number(r.preScore),
      postScore: r.postScore === null ? null : Number(r.postScore),
      satisfaction: r.satisfaction ?? {},
      nominatedByUserId: r.nominatedByUserId,
      version: r.version,
    };
  }
}
