import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { PlanContentDto, trimmed } from './plan-content.dto';

// class-validator checks a property's decorators bottom-up, and the global pipe stops at the first
// error: the type check is written last so a missing or mistyped value is reported as such, not as too long.

/** Changes to a draft (or a plan with changes requested); `version` is the one the change was based on. */
export class UpdatePlanDto {
  @ApiProperty({ example: 3, description: 'The version you read. If someone saved since, the answer is 409 stale_version with the current version and nothing is written.' })
  @Min(1)
  @IsInt()
  version: number;

  @ApiPropertyOptional({ example: 'Rencana Program 2026: Kesehatan Mental Siswa', maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69', description: 'null removes the facilitator.' })
  @IsOptional()
  @IsUUID()
  facilitatorUserId?: string | null;

  @ApiPropertyOptional({ type: PlanContentDto, description: 'The whole template: it replaces the stored one. Send item ids back to keep items.' })
  @IsOptional()
  @Type(() => PlanContentDto)
  @ValidateNested()
  content?: PlanContentDto;
}
