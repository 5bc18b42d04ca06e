import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MAX_TEAM_MEMBERS, TeamMemberDto } from './entry-fields';
import { trimmed } from './instant';

/** A school's entry in one category of a competition. */
export class CreateEntryDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c11', description: 'A category of this competition; one entry per school and category.' })
  @IsUUID()
  categoryId: string;

  @ApiPropertyOptional({ example: 'Pojok Baca Siaga Bencana: reading corners that teach disaster preparedness', maxLength: 200, description: "Required unless planProgramId is given: then the plan program's name (or topic) is used." })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 'Every class runs a monthly drill and reads a story about it first.', maxLength: 10000, description: "Required unless planProgramId is given: then the plan program's goal is used." })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional({ example: '5b0f3c2e-7a1d-4e8f-9c6b-2a3d4e5f6a7b', description: "The school's plan for the competition's program year that the entry grew from." })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'The program inside that plan (content.programs[].id); needs planId.' })
  @IsOptional()
  @IsUUID()
  planProgramId?: string;

  @ApiPropertyOptional({ type: [TeamMemberDto], maxItems: MAX_TEAM_MEMBERS, example: [{ name: 'Nurul Hidayah, S.Pd.', role: 'Class 5 teacher' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TEAM_MEMBERS)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  teamMembers?: TeamMemberDto[];
}
