import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trimmed } from './instant';

/** The most team members an entry names. */
export const MAX_TEAM_MEMBERS = 30;

/** A person on the team behind an entry. */
export class TeamMemberDto {
  @ApiProperty({ example: 'Nurul Hidayah, S.Pd.', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Class 5 teacher, literacy coordinator', maxLength: 120 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  role: string;
}
