import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The refresh token from the last login or refresh; a browser session sends it in the cookie instead. */
export class RefreshDto {
  @ApiPropertyOptional({
    example: 'q3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA',
    description: 'Required unless the request sends `X-Jalin-Session: cookie` and the `jalin_refresh` cookie.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}
