import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../role';
import type { Role } from '../role';
import type { User } from '../user.entity';

/** A user as others see them; never the password hash. */
export class UserResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  organizationId: string;

  @ApiProperty({ example: 'kepsek@sdnpelambuan4.example' })
  email: string;

  @ApiProperty({ example: 'Hj. Siti Rahmah, S.Pd.' })
  fullName: string;

  @ApiProperty({ enum: ROLES, example: 'principal' })
  role: Role;

  @ApiProperty({ example: false })
  disabled: boolean;

  @ApiProperty({ enum: ['invited', 'active', 'disabled'], example: 'active', description: 'invited: has not accepted the invitation yet.' })
  status: 'invited' | 'active' | 'disabled';

  @ApiProperty({ nullable: true, type: String, example: '2026-11-24T08:15:00.000Z' })
  lastLoginAt: string | null;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you update.' })
  version: number;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  createdAt: string;

  static from(this: void, u: User): UserResponse {
    return {
      id: u.id,
      organizationId: u.organizationId,
      email: u.email,
      fullName: u.fullName,
      role: u.role,
      disabled: u.disabledAt !== null,
      status: u.disabledAt !== null ? 'disabled' : u.passwordHash === null ? 'invited' : 'active',
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      version: u.version,
      createdAt: u.createdAt.toISOString(),
    };
  }
}

/** The one-time invitation: give the token to the invited person; it is never shown again. */
export class InvitationResponse {
  @ApiProperty({ example: 'gB3l0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA', description: 'Accept with POST /api/v1/auth/accept-invitation.' })
  token: string;

  @ApiProperty({ example: '2026-12-01T08:15:00.000Z' })
  expiresAt: string;
}

/** A new user, with the invitation when they must still choose a password. */
export class CreatedUserResponse extends UserResponse {
  @ApiProperty({ type: InvitationResponse, nullable: true })
  invitation: InvitationResponse | null;
}
