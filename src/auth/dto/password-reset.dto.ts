import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { says } from '../../common/errors/validation';
import { NewPasswordField } from '../passwords';

/** The address to send a password reset link to. */
export class RequestPasswordResetDto {
  @ApiProperty({ example: 'kepsek@sdnpelambuan4.example', description: 'The email address the account signs in with.' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: says('must be a valid email address, e.g. name@school.sch.id', 'harus berupa alamat email yang valid, misalnya nama@sekolah.sch.id') })
  @MaxLength(254)
  email: string;
}

/** The token from the reset link and the new password. */
export class ConfirmPasswordResetDto {
  @ApiProperty({ example: 'Xq3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA', description: 'The `token` of the link in the password reset email.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @NewPasswordField()
  password: string;
}

/** The one answer to a reset request, whether or not the address belongs to an account. */
export class PasswordResetRequestedResponse {
  @ApiProperty({ example: true })
  accepted: true;

  @ApiProperty({ example: 60, description: 'If the address belongs to an active account, a link valid this many minutes is on its way to it.' })
  linkValidMinutes: number;
}

/** What a reset link can still do, asked before the user types a new password. */
export class PasswordResetStateResponse {
  @ApiProperty({ enum: ['valid', 'expired', 'used'], example: 'valid', description: 'valid: a new password can be set with it; expired: older than its hour; used: it, or another link of the same user, already set a password.' })
  state: 'valid' | 'expired' | 'used';

  @ApiProperty({ example: '2026-11-24T09:15:00.000Z', description: 'When the link stops working (or stopped).' })
  expiresAt: string;
}

/** A reset link sent to a user by an administrator or manager. */
export class PasswordResetSentResponse {
  @ApiProperty({ example: 'kepsek@sdnpelambuan4.example', description: 'Where the link was sent.' })
  email: string;

  @ApiProperty({ example: '2026-11-24T09:15:00.000Z' })
  expiresAt: string;
}
