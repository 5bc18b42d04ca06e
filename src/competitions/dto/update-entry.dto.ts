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

  @ApiPropertyOptional({ nullable: true, type: String, example: '5b0f3c2e-7a1d-4e8f-9c6b-2a3d4e5f6a7b', description: 'null unlinks the plan (and the plan program).' })
  @IsOptional()
  @IsUUID()
  planId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'A program of the linked plan; null unlinks it.' })
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
