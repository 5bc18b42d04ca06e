import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_TEAM_MEMBERS, TeamMemberDto } from './entry-fields';
import { trimmed } from './instant';

/** Changes to an entry before the entry deadline; `teamMembers` replaces the whole list. */
export class UpdateEntryDto {
  @ApiProperty({ example: 1, description: 'The version you read; a stale one is refused with 409.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'Pojok Baca Siaga Bencana', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 'Every class runs a monthly drill and reads a story about it first.', maxLength: 10000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '00000000-0000-4000-8000-0000a1260000', description: 'null unlinks the plan (and the plan program).' })
  @IsOptional()
  @IsUUID()
  planId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '00000000-0000-4000-8000-0000a1260001', description: 'A program of the linked plan; null unlinks it.' })
  @IsOptional()
  @IsUUID()
  planProgramId?: string | null;

  @ApiPropertyOptional({ type: [TeamMemberDto], maxItems: MAX_TEAM_MEMBERS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TEAM_MEMBERS)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  teamMembers?: TeamMemberDto[];
}
