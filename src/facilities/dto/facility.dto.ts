import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsRupiah, rupiahProperty } from '../../common/money/is-rupiah';
import { PageQueryDto } from '../../common/pagination/pagination';
import { IsCalendarDate, trimmed } from '../../programs/dto/calendar-date';
import { FACILITY_CATEGORIES, FACILITY_CONDITIONS } from '../facility-catalogue';
import type { FacilityCategory, FacilityCondition } from '../facility-catalogue';

/** An item of in-kind support for a partner school in a program year (the company's CSR officer). */
export class CreateFacilityItemDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901', description: "A partnership of your company (the school receives the item)." })
  @IsUUID()
  partnershipId: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826', description: "A year of the partnership's program: the year the support belongs to in reports." })
  @IsUUID()
  programYearId: string;

  @ApiProperty({ enum: FACILITY_CATEGORIES, example: 'ict' })
  @IsIn(FACILITY_CATEGORIES)
  category: FacilityCategory;

  @ApiProperty({ example: 'Laptop untuk laboratorium komputer', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  itemName: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: 1000000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;

  @ApiProperty({ example: 'unit', maxLength: 40, description: 'What one of the quantity is: unit, set, buah, eksemplar, paket...' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit: string;

  @ApiProperty(rupiahProperty('42500000', 'The value of the whole line (all units), whole rupiah.'))
  @IsRupiah()
  value: string;

  @ApiPropertyOptional({ example: 'CV Banua Komputer', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  supplier?: string;

  @ApiPropertyOptional({ example: '2026-02-10', description: 'The day the supplier delivered it to the school (YYYY-MM-DD), not in the future.' })
  @IsOptional()
  @IsCalendarDate('deliveredOn')
  deliveredOn?: string;

  @ApiPropertyOptional({ example: 'Untuk pembelajaran literasi digital kelas 4–6.', maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Changes to an item before its handover; `version` is the one the change was based on. */
export class UpdateFacilityItemDto {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ enum: FACILITY_CATEGORIES, example: 'ict' })
  @IsOptional()
  @IsIn(FACILITY_CATEGORIES)
  category?: FacilityCategory;

  @ApiPropertyOptional({ example: 'Laptop untuk laboratorium komputer', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  itemName?: string;

  @ApiPropertyOptional({ example: 6, minimum: 1, maximum: 1000000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity?: number;

  @ApiPropertyOptional({ example: 'unit', maxLength: 40 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  unit?: string;

  @ApiPropertyOptional(rupiahProperty('51000000', 'The value of the whole line, whole rupiah.'))
  @IsOptional()
  @IsRupiah()
  value?: string;

  @ApiPropertyOptional({ example: 'CV Banua Komputer', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  supplier?: string;

  @ApiPropertyOptional({ example: '2026-02-10', description: 'YYYY-MM-DD, not in the future.' })
  @IsOptional()
  @IsCalendarDate('deliveredOn')
  deliveredOn?: string;

  @ApiPropertyOptional({ example: 'Untuk pembelajaran literasi digital kelas 4–6.', maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The handover (berita acara serah terima), sent as multipart/form-data fields beside the signed scan in `file`. */
export class HandoverFacilityItemDto {
  @ApiProperty({ example: '014/BAST/CSR-TU/II/2026', maxLength: 100, description: 'The number of the berita acara serah terima.' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  handoverNumber: string;

  @ApiProperty({ example: '2026-02-12', description: 'The day it was handed over (YYYY-MM-DD): not before delivery, not in the future.' })
  @IsCalendarDate('handedOverOn')
  handedOverOn: string;

  @ApiProperty({ example: 'Hj. Siti Rahmah, S.Pd.', maxLength: 200, description: "Who signed for the school: the principal's name as on the berita acara." })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  receivedBy: string;
}

/** A condition check by the school, sent as multipart/form-data fields, optionally with a photo in `file`. */
export class ConditionCheckDto {
  @ApiProperty({ enum: FACILITY_CONDITIONS, example: 'good' })
  @IsIn(FACILITY_CONDITIONS)
  condition: FacilityCondition;

  @ApiProperty({ example: '2026-07-20', description: 'The day of the check (YYYY-MM-DD): not before the handover, not in the future.' })
  @IsCalendarDate('checkedOn')
  checkedOn: string;

  @ApiPropertyOptional({ example: 'Semua laptop menyala; satu pengisi daya diganti oleh sekolah.', maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** Filters of the facilities list (newest first). */
export class ListFacilitiesQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000901' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000826' })
  @IsOptional()
  @IsUUID()
  programYearId?: string;

  @ApiPropertyOptional({ enum: FACILITY_CATEGORIES, example: 'library' })
  @IsOptional()
  @IsIn(FACILITY_CATEGORIES)
  category?: FacilityCategory;

  @ApiPropertyOptional({ enum: ['awaiting_handover', 'handed_over'], example: 'handed_over', description: 'awaiting_handover: recorded, not yet handed over; handed_over: delivered.' })
  @IsOptional()
  @IsIn(['awaiting_handover', 'handed_over'])
  status?: 'awaiting_handover' | 'handed_over';
}
