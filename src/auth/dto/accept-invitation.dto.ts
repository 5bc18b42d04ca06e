import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NewPasswordField } from '../passwords';

/** The invitation token and the password the invited user chooses. */
export class AcceptInvitationDto {
  @ApiProperty({ example: 'gB3l0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @NewPasswordField()
  password: string;
}
