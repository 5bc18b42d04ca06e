import { ApiProperty } from '@nestjs/swagger';
import type { ParentsReachedRow } from '../parents-reached';

/** Parents reached in one year, by where they were counted (see docs/parents-guide.md). */
export class ParentsReachedResponse {
  @ApiProperty({ example: 96, description: "Parents reached by the school's own parent-engagement activities held in the calendar year." })
  activities: number;

  @ApiProperty({ example: 12, description: "The `parents` attendee count of the program's mentoring sessions at the school in the year (sessions not disputed)." })
  mentoring: number;

  @ApiProperty({ example: 3, description: "Training participants from the school with the role parent who attended a training of the program's year." })
  trainings: number;

  @ApiProperty({ example: 111, description: 'activities + mentoring + trainings: attendances, not distinct people; each event is recorded in one place only.' })
  total: number;

  static of(r: Pick<ParentsReachedRow, 'activities' | 'mentoring' | 'trainings' | 'total'> | undefined): ParentsReachedResponse {
    return { activities: r?.activities ?? 0, mentoring: r?.mentoring ?? 0, trainings: r?.trainings ?? 0, total: r?.total ?? 0 };
  }
}

/** A school, as the parents-reached figures name it. */
export class ParentsReachedSchoolRef {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;
}

/** Parents reached by one cohort school in one program year. */
export class SchoolParentsReachedResponse extends ParentsReachedResponse {
  @ApiProperty({ type: ParentsReachedSchoolRef })
  school: ParentsReachedSchoolRef;

  @ApiProperty({ example: 2025 })
  year: number;
}
