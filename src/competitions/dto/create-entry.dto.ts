import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { MAX_TEAM_MEMBERS, TeamMemberDto } from './entry-fields';
import { trimmed } from './instant';

/** A school's entry in one category of a competition. */
export class CreateEntryDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000cc260101', description: 'A category of this competition; one entry per school and category.' })
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

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260000', description: "The school's plan for the competition's program year that the entry grew from." })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-0000a1260001', description: 'The program inside that plan (content.programs[].id); needs planId.' })
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
