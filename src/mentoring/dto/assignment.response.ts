import { ApiProperty } from '@nestjs/swagger';
import { PARTNERSHIP_STATUSES } from '../../partnerships/partnership-status';
import type { PartnershipStatus } from '../../partnerships/partnership-status';
import { PROGRAM_YEAR_STATUSES } from '../../programs/program-year-status';
import type { ProgramYearStatus } from '../../programs/program-year-status';
import type { AssignmentRow } from '../assignments.repository';
import { hoursOf, NO_CONTACT_DAYS } from '../mentoring-status';
import { MentoringOrganizationRef, MentoringPersonRef } from './refs.response';

/** The program year an assignment belongs to. */
export class MentoringYearRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  id: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ enum: PROGRAM_YEAR_STATUSES, example: 'running', description: 'A closed year is read-only.' })
  status: ProgramYearStatus;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  programId: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  programName: string;
}

/**
 * Sessions and hours done against the plan, the last contact and the follow-ups. Disputed sessions
 * count only under `sessionsDisputed`; pending ones count as done but are shown apart, so an
 * unconfirmed session is never mistaken for a confirmed one.
 */
export class MentoringAssignmentProgress {
  @ApiProperty({ example: 12 })
  sessionsPlanned: number;

  @ApiProperty({ example: 9, description: 'Sessions logged and not disputed (confirmed + pending).' })
  sessionsDone: number;

  @ApiProperty({ example: 7 })
  sessionsConfirmed: number;

  @ApiProperty({ example: 2, description: 'Logged but not confirmed by the principal yet.' })
  sessionsPending: number;

  @ApiProperty({ example: 1, description: 'Disputed by the principal: counted nowhere else until corrected and confirmed.' })
  sessionsDisputed: number;

  @ApiProperty({ example: 2430, description: 'Planned minutes (hours are stored as minutes).' })
  minutesPlanned: number;

  @ApiProperty({ example: 1860, description: 'Minutes of the sessions done (confirmed + pending).' })
  minutesDone: number;

  @ApiProperty({ example: 1500 })
  minutesConfirmed: number;

  @ApiProperty({ example: 40.5, description: 'minutesPlanned in hours, rounded to 2 decimals.' })
  hoursPlanned: number;

  @ApiProperty({ example: 31, description: 'minutesDone in hours, rounded to 2 decimals.' })
  hoursDone: number;

  @ApiProperty({ example: 25, description: 'minutesConfirmed in hours, rounded to 2 decimals.' })
  hoursConfirmed: number;

  @ApiProperty({ nullable: true, type: String, example: '2026-10-14', description: 'The latest session date that is not disputed.' })
  lastContactOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-09-16', description: "The latest confirmed session of this assignment." })
  lastConfirmedOn: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-09-16', description: 'The latest confirmed session at the school in this program year, with any facilitator: what the 60-day rule reads.' })
  schoolLastConfirmedOn: string | null;

  @ApiProperty({ example: 3 })
  openActions: number;

  @ApiProperty({ example: 1, description: 'Open actions past their due date.' })
  overdueActions: number;

  @ApiProperty({ example: 4 })
  doneActions: number;

  @ApiProperty({ example: 0 })
  droppedActions: number;

  @ApiProperty({
    example: false,
    description: `The ${NO_CONTACT_DAYS}-day rule, as of today: true when the assignment is active and the school has had no confirmed session in this program year on or after today − ${NO_CONTACT_DAYS} days (before any, counted from the day the assignment began).`,
  })
  noContactFlag: boolean;
}

/** A facilitator's assignment to a school for a program year, with its progress. */
export class MentoringAssignmentResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000c1260001' })
  id: string;

  @ApiProperty({ type: MentoringOrganizationRef })
  school: MentoringOrganizationRef;

  @ApiProperty({ type: MentoringPersonRef })
  facilitator: MentoringPersonRef;

  @ApiProperty({ type: MentoringOrganizationRef, example: { id: '00000000-0000-4000-8000-000000000401', name: 'Edukasi 101' } })
  facilitatorOrganization: MentoringOrganizationRef;

  @ApiProperty({ type: MentoringYearRef })
  programYear: MentoringYearRef;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ example: true, description: 'false once ended (by an end or a reassignment).' })
  active: boolean;

  @ApiProperty({ example: '2026-01-05', description: 'The day the assignment began (UTC).' })
  startedOn: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  endedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  endedReason: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The assignment that took over when this one was reassigned.' })
  replacedById: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'The assignment this one took over from.' })
  replacesId: string | null;

  @ApiProperty({ type: MentoringPersonRef, description: 'The CSR officer who assigned.' })
  assignedBy: MentoringPersonRef;

  @ApiProperty({ type: MentoringAssignmentProgress })
  progress: MentoringAssignmentProgress;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ example: '2026-01-05T02:00:00.000Z' })
  createdAt: string;

  static from(this: void, r: AssignmentRow): MentoringAssignmentResponse {
    const s = r.sessionStats;
    const x = r.actionStats;
    return {
      id: r.id,
      school: { id: r.schoolId, name: r.schoolName },
      facilitator: { id: r.facilitatorUserId, fullName: r.facilitatorName },
      facilitatorOrganization: { id: r.facilitatorOrganizationId, name: r.facilitatorOrganizationName },
      programYear: { id: r.programYearId, year: r.year, status: r.yearStatus, programId: r.programId, programName: r.programName },
      partnershipId: r.partnershipId,
      active: r.endedAt === null,
      startedOn: r.startedOn,
      endedAt: r.endedAt?.toISOString() ?? null,
      endedReason: r.endedReason,
      replacedById: r.replacedById,
      replacesId: r.replacesId,
      assignedBy: { id: r.assignedByUserId, fullName: r.assignedByName },
      progress: {
        sessionsPlanned: r.plannedSessions,
        sessionsDone: s.done,
        sessionsConfirmed: s.confirmed,
        sessionsPending: s.pending,
        sessionsDisputed: s.disputed,
        minutesPlanned: r.plannedMinutes,
        minutesDone: s.minutesDone,
        minutesConfirmed: s.minutesConfirmed,
        hoursPlanned: hoursOf(r.plannedMinutes),
        hoursDone: hoursOf(s.minutesDone),
        hoursConfirmed: hoursOf(s.minutesConfirmed),
        lastContactOn: s.lastContactOn,
        lastConfirmedOn: s.lastConfirmedOn,
        schoolLastConfirmedOn: r.schoolLastConfirmedOn,
        openActions: x.open,
        overdueActions: x.overdue,
        doneActions: x.done,
        droppedActions: x.dropped,
        noContactFlag: r.noContactFlag,
      },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

/** A facilitator who can be assigned in a program year. */
export class MentoringCandidateFacilitator {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000005' })
  id: string;

  @ApiProperty({ example: 'Dewi Lestari (Fasilitator, Edukasi 101)' })
  fullName: string;

  @ApiProperty({ type: MentoringOrganizationRef, example: { id: '00000000-0000-4000-8000-000000000401', name: 'Edukasi 101' } })
  organization: MentoringOrganizationRef;
}

/** A partner school that can get a facilitator in a program year. */
export class MentoringCandidateSchool {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, example: 'active' })
  partnershipStatus: PartnershipStatus;
}

/** Who can be assigned where in a program year: the choices of POST /mentoring/assignments. */
export class MentoringCandidatesResponse {
  @ApiProperty({ type: MentoringYearRef })
  programYear: MentoringYearRef;

  @ApiProperty({ type: [MentoringCandidateFacilitator], description: 'Active users with the facilitator role in the organisations working in the program, by name.' })
  facilitators: MentoringCandidateFacilitator[];

  @ApiProperty({ type: [MentoringCandidateSchool], description: 'Schools whose partnership in the program is not paused or ended, by name.' })
  schools: MentoringCandidateSchool[];
}

/** A user who can be named as an attendee of a session under an assignment. */
export class MentoringAttendeeCandidate {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000003' })
  id: string;

  @ApiProperty({ example: 'Hj. Siti Rahmah, S.Pd. (Kepala Sekolah)' })
  fullName: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201', description: "The school's id or the facilitator organisation's id." })
  organizationId: string;
}

/** The people of the school and of the facilitator's organisation, for a session's named attendees. */
export class MentoringAttendeeCandidatesResponse {
  @ApiProperty({ type: [MentoringAttendeeCandidate], description: "The school's users first, then the facilitator organisation's, each by name." })
  items: MentoringAttendeeCandidate[];
}
