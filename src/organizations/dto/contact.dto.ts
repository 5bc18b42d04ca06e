import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { Contact } from '../contact.entity';
import { says } from '../../common/errors/validation';

const PHONE = /^\+?[0-9 ()-]{6,30}$/;
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** A new contact person. */
export class CreateContactDto {
  @ApiProperty({ example: 'Rina Marlina' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'CSR Manager' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  position?: string;

  @ApiPropertyOptional({ example: '+62 21 1234 5678' })
  @IsOptional()
  @Matches(PHONE, { message: says('must be a phone number of digits, spaces, + ( ) or -, e.g. +62 511 3350000', 'harus berupa nomor telepon dari angka, spasi, + ( ) atau -, misalnya +62 511 3350000') })
  phone?: string;

  @ApiPropertyOptional({ example: 'csr@trakindo.example' })
  @IsOptional()
  @Transform(lower)
  @IsEmail({}, { message: says('must be a valid email address, e.g. name@company.co.id', 'harus berupa alamat email yang valid, misalnya nama@perusahaan.co.id') })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: true, description: "The organisation's main contact (a company's CSR contact); setting it unsets the previous one." })
  @IsOptional()
  @IsBoolean()
  isPrimary?: boolean;
}

/** Changes to a contact person (any field of a new one); `version` is the one the change was based on. */
export class UpdateContactDto extends PartialType(CreateContactDto) {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

/** A contact person of an organisation. */
export class ContactResponse {
  @ApiProperty({ example: '6d0f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  organizationId: string;

  @ApiProperty({ example: 'Rina Marlina' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: 'CSR Manager' })
  position: string | null;

  @ApiProperty({ nullable: true, type: String, example: '+62 21 1234 5678' })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'csr@trakindo.example' })
  email: string | null;

  @ApiProperty({ example: true })
  isPrimary: boolean;

  @ApiProperty({ example: 1 })
  version: number;

  static from(this: void, c: Contact): ContactResponse {
    return { id: c.id, organizationId: c.organizationId, name: c.name, position: c.position, phone: c.phone, email: c.email, isPrimary: c.isPrimary, version: c.version };
  }
}
