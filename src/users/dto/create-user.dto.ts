import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsNotCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULES_TEXT, PASSWORD_TOO_SHORT } from '../../auth/passwords';
import { ROLES } from '../role';
import type { Role } from '../role';
import { says } from '../../common/errors/validation';

/** A new user of an organisation: created with a password by an admin, or invited. */
export class CreateUserDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  @IsUUID()
  organizationId: string;

  @ApiProperty({ example: 'guru@sdnpelambuan4.example' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: says('must be a valid email address, e.g. name@school.sch.id', 'harus berupa alamat email yang valid, misalnya nama@sekolah.sch.id') })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Ahmad Fauzi, S.Pd.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ enum: ROLES, example: 'principal', description: 'Must fit the organisation: csr_officer for a company, principal for a school, education_officer for an education office, facilitator for a facilitator organisation; judge and admin for any.' })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    example: 'correct horse battery',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `Admins only. Leave out to invite the user instead: the answer carries a one-time invitation token with which they choose their own password. ${PASSWORD_RULES_TEXT}`,
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_TOO_SHORT })
  @MaxLength(PASSWORD_MAX_LENGTH)
  @IsNotCommonPassword()
  password?: string;
}
