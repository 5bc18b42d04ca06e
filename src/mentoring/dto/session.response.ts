import { ApiProperty } from '@nestjs/swagger';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { DocumentResponse } from '../../documents/dto/document.response';
import { ATTENDEE_ROLES, hoursOf, SESSION_CONFIRMATIONS, SESSION_MODES } from '../mentoring-status';
import type { AttendeeRole, SessionConfirmation, SessionMode } from '../mentoring-status';
import type { SessionRow } from '../sessions.repository';
import { MentoringOrganizationRef, MentoringPersonRef } from './refs.response';

/** A named attendee. */
export class AttendeeUserResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000003' })
  id: string;

  @ApiProperty({ example: 'Hj. Siti Rahmah, S.Pd. (Kepala Sekolah)' })
  fullName: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  organizationId: string;
}

/** Who attended: named users and counts by role. */
export class AttendeesResponse {
  @ApiProperty({ type: [AttendeeUserResponse] })
  users: AttendeeUserResponse[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { principal: 1, teachers: 12, parents: 5 }, description: `Counts by role: ${ATTENDEE_ROLES.join(', ')}.` })
  counts: Partial<Record<AttendeeRole, number>>;

  @ApiProperty({ example: 18, description: 'The sum of the counts (named users are usually counted there too, so they are not added again).' })
  countedTotal: number;
}

/** One mentoring session with its confirmation state. */
export class MentoringSessionResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1261001' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1260001' })
  assignmentId: string;

  @ApiProperty({ type: MentoringOrganizationRef })
  school: MentoringOrganizationRef;

  @ApiProperty({ type: MentoringPersonRef })
  facilitator: MentoringPersonRef;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  programYearId: string;

  @ApiProperty({ example: '2026-02-11' })
  heldOn: string;

  @ApiProperty({ example: 120 })
  durationMinutes: number;

  @ApiProperty({ example: 2, description: 'durationMinutes in hours, rounded to 2 decimals.' })
  hours: number;

  @ApiProperty({ enum: SESSION_MODES, example: 'visit' })
  mode: SessionMode;

  @ApiProperty({ enum: TOPICS, example: 'literacy' })
  topic: Topic;

  @ApiProperty({ nullable: true, type: String, example: null })
  planId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  planProgramId: string | null;

  @ApiProperty({ type: AttendeesResponse })
  attendees: AttendeesResponse;

  @ApiProperty({ nullable: true, type: String, example: 'Reviewed the reading-corner schedule with the grade 1–3 teachers.' })
  notes: string | null;

  @ApiProperty({ type: [String], example: [], description: 'Stored evidence files (photos, attendance lists); download with GET /mentoring/sessions/{id}/evidence/{documentId}.' })
  evidenceDocumentIds: string[];

  @ApiProperty({ enum: SESSION_CONFIRMATIONS, example: 'confirmed', description: 'pending until the principal confirms or disputes it.' })
  confirmation: SessionConfirmation;

  @ApiProperty({ example: false, description: 'true unless the principal confirmed the session: every report shows unconfirmed sessions as such.' })
  unconfirmed: boolean;

  @ApiProperty({ nullable: true, type: MentoringPersonRef, description: 'The principal who confirmed or disputed it.' })
  confirmedBy: MentoringPersonRef | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-02-12T01:00:00.000Z', description: 'When it was confirmed or disputed.' })
  confirmedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  disputeReason: string | null;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you change the session.' })
  version: number;

  @ApiProperty({ example: '2026-02-11T09:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-02-12T01:00:00.000Z' })
  updatedAt: string;

  static from(this: void, r: SessionRow): MentoringSessionResponse {
    const counts = r.attendeeCounts ?? {};
    return {
      id: r.id,
      assignmentId: r.assignmentId,
      school: { id: r.schoolId, name: r.schoolName },
      facilitator: { id: r.facilitatorUserId, fullName: r.facilitatorName },
      programYearId: r.programYearId,
      heldOn: r.heldOn,
      durationMinutes: r.durationMinutes,
      hours: hoursOf(r.durationMinutes),
      mode: r.mode,
      topic: r.topic,
      planId: r.planId,
      planProgramId: r.planProgramId,
      attendees: { users: r.attendees, counts, countedTotal: Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0) },
      notes: r.notes,
      evidenceDocumentIds: r.evidenceDocumentIds ?? [],
      confirmation: r.confirmation,
      unconfirmed: r.confirmation !== 'confirmed',
      confirmedBy: r.confirmedByUserId === null ? null : { id: r.confirmedByUserId, fullName: r.confirmedByName },
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      disputeReason: r.disputeReason,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}

/** A session with its evidence files. */
export class MentoringSessionDetailResponse extends MentoringSessionResponse {
  @ApiProperty({ type: [DocumentResponse] })
  evidence: DocumentResponse[];

  static of(this: void, r: SessionRow, evidence: DocumentResponse[]): MentoringSessionDetailResponse {
    return { ...MentoringSessionResponse.from(r), evidence };
  }
}
