import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../role';
import type { Role } from '../role';
import type { User } from '../user.entity';

/** A user as others see them; never the password hash. */
export class UserResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ example: '0b6a4f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b' })
  organizationId: string;

  @ApiProperty({ example: 'kepsek@sdnpelambuan4.example' })
  email: string;

  @ApiProperty({ example: 'Hj. Siti Rahmah, S.Pd.' })
  fullName: string;

  @ApiProperty({ enum: ROLES, example: 'principal' })
  role: Role;

  @ApiProperty({ example: false })
  disabled: boolean;

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
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      version: u.version,
      createdAt: u.createdAt.toISOString(),
    };
  }
}
