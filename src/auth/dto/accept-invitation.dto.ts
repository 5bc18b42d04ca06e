import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { IsNotCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULES_TEXT, PASSWORD_TOO_SHORT } from '../passwords';

/** The invitation token and the password the invited user chooses. */
export class AcceptInvitationDto {
  @ApiProperty({ example: 'gB3l0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'my own long passphrase', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: PASSWORD_RULES_TEXT })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_TOO_SHORT })
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotCommonPassword()
  password: string;
}
