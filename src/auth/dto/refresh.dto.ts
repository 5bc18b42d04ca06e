import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The refresh token from the last login or refresh. */
export class RefreshDto {
  @ApiProperty({ example: 'q3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}
