import { ApiProperty } from '@nestjs/swagger';
import type { ActionRow } from '../actions.repository';
import { ACTION_OWNER_SIDES, ACTION_STATUSES } from '../mentoring-status';
import type { ActionOwnerSide, ActionStatus } from '../mentoring-status';
import { MentoringOrganizationRef, MentoringPersonRef } from './refs.response';

/** A follow-up action from a session. */
export class MentoringActionResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1262001' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1261001' })
  sessionId: string;

  @ApiProperty({ example: '2026-02-11', description: 'The day of the session it follows from.' })
  sessionHeldOn: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1260001' })
  assignmentId: string;

  @ApiProperty({ type: MentoringOrganizationRef })
  school: MentoringOrganizationRef;

  @ApiProperty({ type: MentoringPersonRef, description: "The assignment's facilitator." })
  facilitator: MentoringPersonRef;

  @ApiProperty({ example: 'Put up a reading corner in every grade 1–3 classroom.' })
  description: string;

  @ApiProperty({ enum: ACTION_OWNER_SIDES, example: 'school' })
  ownerSide: ActionOwnerSide;

  @ApiProperty({ nullable: true, type: MentoringPersonRef })
  owner: MentoringPersonRef | null;

  @ApiProperty({ example: '2026-03-15' })
  dueDate: string;

  @ApiProperty({ enum: ACTION_STATUSES, example: 'open' })
  status: ActionStatus;

  @ApiProperty({ example: false, description: 'Open and past its due date, as of today.' })
  overdue: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  droppedReason: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'When it was marked done or dropped.' })
  closedAt: string | null;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you change the action.' })
  version: number;

  @ApiProperty({ example: '2026-02-11T09:30:00.000Z' })
  createdAt: string;

  static from(this: void, r: ActionRow): MentoringActionResponse {
    return {
      id: r.id,
      sessionId: r.sessionId,
      sessionHeldOn: r.sessionHeldOn,
      assignmentId: r.assignmentId,
      school: { id: r.schoolId, name: r.schoolName },
      facilitator: { id: r.facilitatorUserId, fullName: r.facilitatorName },
      description: r.description,
      ownerSide: r.ownerSide,
      owner: r.ownerUserId === null ? null : { id: r.ownerUserId, fullName: r.ownerName },
      dueDate: r.dueDate,
      status: r.status,
      overdue: r.overdue,
      droppedReason: r.droppedReason,
      closedAt: r.closedAt?.toISOString() ?? null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
