import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, MAX_OBLIGATIONS, MAX_PARTIES, MouObligationDto, MouPartyDto, trimmed } from './create-mou.dto';

/** Changes to a draft MoU; `version` is the one the change was based on. Lists replace the whole list. */
export class UpdateMouDto {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: '005/TU-CSR/MOU/III/2024', maxLength: 80 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  number?: string;

  @ApiPropertyOptional({ example: 'Nota Kesepahaman Program Generasi Trakindo 2024–2027', maxLength: 300 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ example: 'Teacher training and literacy innovation.', maxLength: 10000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  scope?: string;

  @ApiPropertyOptional({ example: '2024-03-01' })
  @IsOptional()
  @IsCalendarDate('effectiveDate')
  effectiveDate?: string;

  @ApiPropertyOptional({ example: '2027-02-28' })
  @IsOptional()
  @IsCalendarDate('expiryDate')
  expiryDate?: string;

  @ApiPropertyOptional({ type: [MouPartyDto], description: 'Replaces all parties (same rules as on create).' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested({ each: true })
  @Type(() => MouPartyDto)
  parties?: MouPartyDto[];

  @ApiPropertyOptional({ type: [MouObligationDto], description: 'Replaces all obligations.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OBLIGATIONS)
  @ValidateNested({ each: true })
  @Type(() => MouObligationDto)
  obligations?: MouObligationDto[];
}
