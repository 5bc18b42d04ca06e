import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PlanContentDto, trimmed } from './plan-content.dto';

// class-validator checks a property's decorators bottom-up, and the global pipe stops at the first
// error: the type check is written last so a missing or mistyped value is reported as such, not as too long.

/** A new plan of a school for one program year, usually started empty or from the workshop's notes. */
export class CreatePlanDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826', description: "The program year; the school needs a prospective or active partnership in the year's program." })
  @IsUUID()
  programYearId: string;

  @ApiPropertyOptional({ example: '00000000-0000-4000-8000-000000000201', description: "Admins only: the school. A principal's plan is always for their own school." })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiProperty({ example: 'Rencana Program 2026: Kesehatan Mental Siswa', maxLength: 200 })
  @Transform(trimmed)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title: string;

  @ApiPropertyOptional({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69', description: "The facilitator reviewing the plan: a facilitator user of an organisation that works in the year's program." })
  @IsOptional()
  @IsUUID()
  facilitatorUserId?: string;

  @ApiPropertyOptional({ type: PlanContentDto, description: 'The template; may be filled in later.' })
  @IsOptional()
  @Type(() => PlanContentDto)
  @ValidateNested()
  content?: PlanContentDto;
}
