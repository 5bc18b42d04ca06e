import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES } from '../../common/errors/i18n';
import type { Lang } from '../../common/errors/i18n';
import { OrganizationResponse } from '../../organizations/dto/organization.response';
import { UserResponse } from '../../users/dto/user.response';

/** A fresh access token and the refresh token that replaces the previous one. */
export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires.' })
  expiresIn: number;

  @ApiPropertyOptional({
    example: 'q3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA',
    description: 'Use once with POST /auth/refresh. Absent when the request sent `X-Jalin-Session: cookie`: the token is then in the httpOnly cookie `jalin_refresh` instead.',
  })
  refreshToken?: string;

  @ApiProperty({ example: 2592000, description: 'Seconds until the refresh token expires if unused.' })
  refreshExpiresIn: number;
}

/** The signed-in user, their organisation and what their role allows. */
export class MeResponse {
  @ApiProperty({ type: UserResponse })
  user: UserResponse;

  @ApiProperty({ type: OrganizationResponse })
  organization: OrganizationResponse;

  @ApiProperty({ example: ['profile:read', 'organizations:read', 'users:read'] })
  permissions: string[];

  @ApiProperty({ enum: LANGUAGES, example: 'id', description: 'The language the user chose to read the portal in (id until they choose); change it with PATCH /api/v1/auth/me.' })
  locale: Lang;
}
