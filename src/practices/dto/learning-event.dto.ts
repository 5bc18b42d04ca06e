import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';
import { PRACTICE_EXAMPLE_IDS as IDS } from '../practice-examples';

/** Who comes to a sharing session, by role. */
export const ATTENDEE_ROLES = ['principals', 'teachers', 'education_staff', 'students', 'parents', 'company_staff', 'office_staff', 'supervisors', 'facilitators', 'others'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const MAX_VISITORS = 50;
export const MAX_EVENT_PRACTICES = 20;

/** How many people of one role came. */
export class AttendeeCountDto {
  @ApiProperty({ enum: ATTENDEE_ROLES, example: 'teachers' })
  @IsIn(ATTENDEE_ROLES)
  role: AttendeeRole;

  @ApiProperty({ example: 18, minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10000)
  count: number;
}

/** A sharing session as the host records it. */
export class LearningEventFieldsDto {
  @ApiProperty({ example: 'Berbagi Praktik Baik: Pojok Baca dan Kelas Ramah Anak', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '2025-11-20', description: 'The day it was held (not in the future).' })
  @IsCalendarDate('heldOn')
  heldOn: string;

  @ApiProperty({ example: 'Aula SDN Pelambuan 4, Jl. Barito Hilir, Banjarmasin', maxLength: 300 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  place: string;

  @ApiPropertyOptional({ example: 'Sekolah tamu mengamati kegiatan membaca pagi di kelas 2 dan 5.', maxLength: 4000, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @ApiProperty({ type: [String], example: [IDS.visitingSchool], maxItems: MAX_VISITORS, description: 'Visiting schools (any school of the directory but the host).' })
  @IsArray()
  @ArrayMaxSize(MAX_VISITORS)
  @ArrayUnique({ message: 'visitingSchoolIds must not repeat a school' })
  @IsUUID(undefined, { each: true })
  visitingSchoolIds: string[];

  @ApiPropertyOptional({ type: [String], example: [IDS.company], maxItems: MAX_VISITORS, description: 'Visiting companies (e.g. companies near the school).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VISITORS)
  @ArrayUnique({ message: 'visitingCompanyIds must not repeat a company' })
  @IsUUID(undefined, { each: true })
  visitingCompanyIds?: string[];

  @ApiPropertyOptional({ type: [String], example: [IDS.pojokBaca], maxItems: MAX_EVENT_PRACTICES, description: 'Practices shown: published ones, or the host school\'s own.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVENT_PRACTICES)
  @ArrayUnique({ message: 'practiceIds must not repeat a practice' })
  @IsUUID(undefined, { each: true })
  practiceIds?: string[];

  @ApiProperty({ type: [AttendeeCountDto], description: 'Attendees counted by role; each role once.' })
  @IsArray()
  @ArrayMaxSize(ATTENDEE_ROLES.length)
  @ValidateNested({ each: true })
  @Type(() => AttendeeCountDto)
  attendees: AttendeeCountDto[];
}

/** A new sharing session, hosted by a school. */
export class CreateLearningEventDto extends LearningEventFieldsDto {
  @ApiProperty({ example: IDS.school, description: 'The host school: your own (principal), or a school of your program (CSR officer, facilitator).' })
  @IsUUID()
  hostSchoolId: string;
}

/** A change to a sharing session; send the version you read. */
export class UpdateLearningEventDto extends LearningEventFieldsDto {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

/** Filters of the events list (latest first). */
export class ListLearningEventsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: IDS.school, description: 'Events this school hosted or visited.' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: IDS.pojokBaca, description: 'Events that showed this practice.' })
  @IsOptional()
  @IsUUID()
  practiceId?: string;
}
