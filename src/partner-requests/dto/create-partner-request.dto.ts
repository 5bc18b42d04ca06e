import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { REGION_CODE_PATTERN, SCHOOL_LEVELS } from '../../organizations/organization-type';
import type { SchoolLevel } from '../../organizations/organization-type';

/** Trims a string so that a blank one counts as empty. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A company's request to an education office for recommended partner schools. */
export class CreatePartnerRequestDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000301', description: 'The education office asked: an organisation of type education_office.' })
  @IsUUID()
  educationOfficeId: string;

  @ApiPropertyOptional({ example: null, nullable: true, type: String, description: 'The program the schools are sought for; may stay empty until programs exist.' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiProperty({ example: '63.71', description: "Where the schools should be: a province (63) or regency/city (63.71) code inside the office's jurisdiction." })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a province code like 63 or a regency/city code like 63.71' })
  regionCode: string;

  @ApiPropertyOptional({ enum: SCHOOL_LEVELS, isArray: true, example: ['SD'], default: [], description: 'Wanted school levels; empty means any level.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SCHOOL_LEVELS.length)
  @ArrayUnique({ message: 'schoolLevels must not repeat a level' })
  @IsIn(SCHOOL_LEVELS, { each: true })
  schoolLevels?: SchoolLevel[];

  @ApiProperty({ example: 1, minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  schoolsWanted: number;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true, example: ['teacher_training', 'literacy'], default: [], description: "Needs from the topic catalogue; candidates are ranked by the schools' stated needs." })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TOPICS.length)
  @ArrayUnique({ message: 'needTopics must not repeat a topic' })
  @IsIn(TOPICS, { each: true })
  needTopics?: Topic[];

  @ApiPropertyOptional({ example: 'An elementary school whose teachers want training in literacy teaching.', maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  needsNote?: string;

  @ApiProperty({ example: '2026-03-31', description: 'The date the answer is due (YYYY-MM-DD), today or later. A request still unanswered after it reads as expired.' })
  @Matches(DATE_PATTERN, { message: 'dueDate must be a date like 2026-03-31' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real calendar date like 2026-03-31' })
  dueDate: string;
}
