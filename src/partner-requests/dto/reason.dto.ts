import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trimmed } from './create-partner-request.dto';

/** Why the company declines a recommended school. */
export class DeclineRecommendationDto {
  @ApiProperty({ example: 'The school already works with another company on the same program.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** Why the company withdraws its request. */
export class WithdrawPartnerRequestDto {
  @ApiProperty({ example: 'The program budget for this year was moved to another region.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** Where an accepted school becomes a prospective partner, when the request names no program. */
export class AcceptRecommendationDto {
  @ApiPropertyOptional({
    example: '00000000-0000-4000-8000-000000000801',
    description:
      "Only for a request that names no program: one of your company's programs (GET /api/v1/programs) the school becomes a prospective partner in. " +
      "Leave it out to use the request's own program; without either, only the decision is recorded.",
  })
  @IsOptional()
  @IsUUID()
  programId?: string;
}
