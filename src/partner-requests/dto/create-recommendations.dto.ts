import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { trimmed } from './create-partner-request.dto';

/** One recommended school with its rank and the office's reasons. */
export class RecommendationItemDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201', description: "A school inside the office's jurisdiction." })
  @IsUUID()
  schoolId: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 1000, description: 'Unique within the request; 1 is the best fit.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  rank: number;

  @ApiProperty({ example: 'Committed principal and teachers, no CSR partner yet, and literacy is its first stated need.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  rationale: string;
}

/** The office's answer: recommended schools, ranked, each with a rationale. */
export class CreateRecommendationsDto {
  @ApiProperty({ type: [RecommendationItemDto], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RecommendationItemDto)
  recommendations: RecommendationItemDto[];
}
