import { ApiProperty } from '@nestjs/swagger';
import { PRACTICE_EXAMPLE_IDS as IDS } from '../practice-examples';
import { ATTENDEE_ROLES } from './learning-event.dto';
import type { AttendeeRole } from './learning-event.dto';

/** An organisation named in an event. */
export class EventOrganizationRef {
  @ApiProperty({ example: IDS.visitingSchool })
  id: string;

  @ApiProperty({ example: 'SDN Sungai Miai 5 Banjarmasin' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: 'Kota Banjarmasin' })
  regionName: string | null;
}

/** A practice shown at an event. */
export class EventPracticeRef {
  @ApiProperty({ example: IDS.pojokBaca })
  id: string;

  @ApiProperty({ example: 'Pojok Baca Kelas: 15 menit membaca setiap pagi' })
  title: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  schoolName: string;
}

/** How many people of one role came. */
export class AttendeeCountResponse {
  @ApiProperty({ enum: ATTENDEE_ROLES, example: 'teachers' })
  role: AttendeeRole;

  @ApiProperty({ example: 18 })
  count: number;
}

/** A horizontal-learning event. */
export class LearningEventResponse {
  @ApiProperty({ example: IDS.event })
  id: string;

  @ApiProperty({ type: EventOrganizationRef })
  hostSchool: EventOrganizationRef;

  @ApiProperty({ example: 'Berbagi Praktik Baik: Pojok Baca dan Kelas Ramah Anak' })
  title: string;

  @ApiProperty({ example: '2025-11-20' })
  heldOn: string;

  @ApiProperty({ example: 'Aula SDN Pelambuan 4, Jl. Barito Hilir, Banjarmasin' })
  place: string;

  @ApiProperty({ nullable: true, type: String, example: 'Sekolah tamu mengamati kegiatan membaca pagi di kelas 2 dan 5.' })
  notes: string | null;

  @ApiProperty({ type: [EventOrganizationRef] })
  visitingSchools: EventOrganizationRef[];

  @ApiProperty({ type: [EventOrganizationRef] })
  visitingCompanies: EventOrganizationRef[];

  @ApiProperty({ type: [EventPracticeRef], description: 'The practices shown that the caller may read.' })
  practices: EventPracticeRef[];

  @ApiProperty({ type: [AttendeeCountResponse] })
  attendees: AttendeeCountResponse[];

  @ApiProperty({ example: 52, description: 'All attendees.' })
  attendeeTotal: number;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ example: '2025-11-20T09:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2025-11-20T09:00:00.000Z' })
  updatedAt: string;
}
