import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TOPICS } from '../../common/catalog/topics';
import type { Topic } from '../../common/catalog/topics';
import { SCHOOL_LEVELS } from '../../organizations/organization-type';
import type { SchoolLevel } from '../../organizations/organization-type';
import { trimmed } from '../../programs/dto/calendar-date';
import { PRACTICE_EXAMPLE_IDS as IDS } from '../practice-examples';

/** Most results listed on one practice. */
export const MAX_PRACTICE_RESULTS = 12;

/** One result: an indicator and the value reached. */
export class PracticeResultDto {
  @ApiProperty({ example: 'Siswa kelas 1–3 yang membaca lancar', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  indicator: string;

  @ApiProperty({ example: '78', maxLength: 40, description: 'The value reached, as written (a number, "12 dari 12", "ya").' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  value: string;

  @ApiPropertyOptional({ example: '%', maxLength: 30, nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(30)
  unit?: string | null;
}

/** The text of a practice, shared by writing it fresh and changing it. */
export class PracticeFieldsDto {
  @ApiProperty({ example: 'Pojok Baca Kelas: 15 menit membaca setiap pagi', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Setiap kelas 1–6 memiliki pojok baca berisi 40 buku berjenjang dan jadwal membaca 15 menit sebelum pelajaran.', maxLength: 1000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  summary: string;

  @ApiProperty({ enum: TOPICS, example: 'literacy' })
  @IsIn(TOPICS)
  topic: Topic;

  @ApiProperty({ enum: SCHOOL_LEVELS, example: 'SD' })
  @IsIn(SCHOOL_LEVELS)
  schoolLevel: SchoolLevel;

  @ApiProperty({ example: 'Guru dan orang tua menata pojok baca di 12 kelas; wali kelas memandu membaca 15 menit setiap pagi dan siswa mencatat bacaan di jurnal.', maxLength: 8000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(8000)
  whatWasDone: string;

  @ApiProperty({ type: [PracticeResultDto], maxItems: MAX_PRACTICE_RESULTS, description: 'Indicator values reached; at least one is needed to propose the practice.' })
  @IsArray()
  @ArrayMaxSize(MAX_PRACTICE_RESULTS)
  @ValidateNested({ each: true })
  @Type(() => PracticeResultDto)
  results: PracticeResultDto[];

  @ApiProperty({ example: 2024, minimum: 2000, maximum: 2100, description: 'The year the practice was carried out.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

/** A practice written by the principal: fresh, or from a completed plan program or a competition entry of the school. */
export class CreatePracticeDto extends PracticeFieldsDto {
  @ApiPropertyOptional({ example: IDS.plan2024, description: 'A completed plan of your school this practice grew from; with sourcePlanProgramId.' })
  @IsOptional()
  @IsUUID()
  sourcePlanId?: string;

  @ApiPropertyOptional({ example: IDS.plan2024Program, description: 'The program of that plan.' })
  @IsOptional()
  @IsUUID()
  sourcePlanProgramId?: string;

  @ApiPropertyOptional({ example: IDS.entry, description: 'A competition entry of your school this practice grew from (instead of a plan).' })
  @IsOptional()
  @IsUUID()
  sourceEntryId?: string;
}

/** A change to a draft or returned practice; send the version you read. */
export class UpdatePracticeDto extends PracticeFieldsDto {
  @ApiProperty({ example: 1, description: 'The version you read (409 when it changed since).' })
  @IsInt()
  @Min(1)
  version: number;
}

/** The version of a practice, for a step of its workflow. */
export class PracticeStepDto {
  @ApiProperty({ example: 1, description: 'The version you read (409 when it changed since).' })
  @IsInt()
  @Min(1)
  version: number;
}

/** Returning a proposed practice to the school, with the reason. */
export class ReturnPracticeDto extends PracticeStepDto {
  @ApiProperty({ example: 'Tambahkan hasil yang terukur: berapa siswa yang membaca lancar sebelum dan sesudah program.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** Where a pre-filled draft comes from: a completed plan's program, or a competition entry. */
export class PrefillPracticeQuery {
  @ApiPropertyOptional({ example: IDS.plan2024, description: 'A completed plan of your school; with planProgramId.' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ example: IDS.plan2024Program })
  @IsOptional()
  @IsUUID()
  planProgramId?: string;

  @ApiPropertyOptional({ example: IDS.entry, description: 'A competition entry of your school (instead of a plan).' })
  @IsOptional()
  @IsUUID()
  entryId?: string;
}

/** The one field of an evidence upload besides the file. */
export const PRACTICE_DOCUMENT_KIND = 'evidence';

/** Region filter: a province (63) or a regency/city (63.71). */
export const REGION_FILTER = /^\d{2}(\.\d{2})?$/;
export const RegionCode = () => Matches(REGION_FILTER, { message: 'regionCode must be a province code like 63 or a regency/city code like 63.71' });
