import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, MAX_OBLIGATIONS, MAX_PARTIES, MouObligationDto, MouPartyDto, trimmed } from './create-mou.dto';

/** A numbered change to an active MoU's terms; it needs the signatures of the same parties. */
export class CreateAmendmentDto {
  @ApiProperty({ example: 'Adds a disaster-preparedness program and extends the MoU by one year.', maxLength: 5000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary: string;

  @ApiPropertyOptional({ example: '2028-02-29', description: "A new expiry date, taking effect once every party has signed the amendment; after the effective date, and today or later." })
  @IsOptional()
  @IsCalendarDate('newExpiryDate')
  newExpiryDate?: string;

  @ApiPropertyOptional({ type: [MouObligationDto], default: [], description: 'Obligations the amendment adds; in force once it is signed.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OBLIGATIONS)
  @ValidateNested({ each: true })
  @Type(() => MouObligationDto)
  obligations?: MouObligationDto[];
}

/** A renewal: a new draft MoU that replaces this one once it is signed and in force. */
export class CreateRenewalDto {
  @ApiProperty({ example: '006/TU-CSR/MOU/III/2027', maxLength: 80, description: 'The new agreement number; unique across the platform.' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  number: string;

  @ApiPropertyOptional({ example: 'Nota Kesepahaman Program Generasi Trakindo 2027–2030', maxLength: 300, description: "Default: the renewed MoU's title." })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ example: 'Literacy innovation and horizontal learning between partner schools.', maxLength: 10000, description: "Default: the renewed MoU's scope." })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  scope?: string;

  @ApiProperty({ example: '2027-03-01', description: "First day in force; after the renewed MoU's effective date. It may come before the renewed MoU's expiry: that MoU is superseded the day the renewal takes effect." })
  @IsCalendarDate('effectiveDate')
  effectiveDate: string;

  @ApiProperty({ example: '2030-02-28' })
  @IsCalendarDate('expiryDate')
  expiryDate: string;

  @ApiPropertyOptional({ type: [MouPartyDto], description: 'Default: the same parties with the same roles and signature requirements.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested({ each: true })
  @Type(() => MouPartyDto)
  parties?: MouPartyDto[];

  @ApiPropertyOptional({ type: [MouObligationDto], description: 'Default: the obligations in force (including those of signed amendments), without their due dates, which belonged to the old period.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OBLIGATIONS)
  @ValidateNested({ each: true })
  @Type(() => MouObligationDto)
  obligations?: MouObligationDto[];
}

/** Ending an active MoU early. */
export class TerminateMouDto {
  @ApiProperty({ example: '2026-06-30', description: "The day it ended: on or after the effective date, and not after today." })
  @IsCalendarDate('on')
  on: string;

  @ApiProperty({ example: 'The school was merged with SDN Pelambuan 5; a new MoU will follow.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export const MOU_DOCUMENT_KINDS = ['signed_mou', 'annex'] as const;
export type MouDocumentKind = (typeof MOU_DOCUMENT_KINDS)[number];

/** The form fields that come with an uploaded MoU document. */
export class UploadMouDocumentDto {
  @ApiProperty({ enum: MOU_DOCUMENT_KINDS, example: 'signed_mou', description: 'signed_mou: the signed agreement; annex: an attachment to it.' })
  @IsIn(MOU_DOCUMENT_KINDS)
  kind: MouDocumentKind;
}
