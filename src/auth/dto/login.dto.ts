import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Email and password. */
export class LoginDto {
  @ApiProperty({ example: 'csr@trakindo.example' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jalin-Demo-2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}
