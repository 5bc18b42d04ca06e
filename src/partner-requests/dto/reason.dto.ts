import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
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
